import type { Reactor } from './reactor';
import { tokenPackMailReactor } from './token-pack-mail.reactor';

/** Every reactor of the product. */
export const reactors: readonly Reactor[] = [tokenPackMailReactor];
