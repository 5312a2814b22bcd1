export { contrastRatio } from '../../../api/domain/theme/contrast';

const HEX = /^#([0-9a-f]{6})$/i;

/** Whether `text` is a `#rrggbb` colour, the only form the API takes. */
export function isHexColor(text: string): boolean {
  return HEX.test(text);
}
