import { describe, expect, it } from 'vitest';
import { contrastRatio, readableOr, readableTextOn } from './contrast';

describe('theme contrast', () => {
  it('puts white text on dark colours and dark text on pale ones', () => {
    expect(readableTextOn('#1f4e79')).toBe('#ffffff');
    expect(readableTextOn('#000000')).toBe('#ffffff');
    expect(readableTextOn('#ffe066')).toBe('#111111');
    expect(readableTextOn('#ffffff')).toBe('#111111');
  });

  it('measures contrast as WCAG does, and falls back when a colour is too pale for text', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(readableOr('#2e86de', '#ffffff', '#1b1f24')).toBe('#1b1f24');
    expect(readableOr('#1f4e79', '#ffffff', '#1b1f24')).toBe('#1f4e79');
  });
});
