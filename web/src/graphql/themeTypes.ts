/** Hand-written result types for Settings › Themes, matching `schema.graphql`. */

export interface Theme {
  __typename?: 'Theme';
  id: string;
  name: string;
  primaryColor: string;
  accentColor: string;
  logoUrl: string | null;
  isDefault: boolean;
}

export interface ThemeInput {
  name: string;
  primaryColor: string;
  accentColor: string;
  logoUrl: string | null;
}
