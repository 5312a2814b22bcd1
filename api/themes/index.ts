export { createThemeService, type ThemeInput, type ThemeRow, type ThemeService } from './theme-service';
