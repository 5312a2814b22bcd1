export * from './events';
export { themeDecider, MAX_THEMES, type ThemeCommand, type ThemeState } from './theme-decider';
export { contrastRatio, luminance, readableOr, readableTextOn } from './contrast';
