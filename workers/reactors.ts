import type { Reactor } from './reactor';

/** Every reactor of the product. Mail and push reactors arrive with token packs and push challenges. */
export const reactors: readonly Reactor[] = [];
