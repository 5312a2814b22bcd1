import type { LocalUnlockPolicy, TokenPack, TokenPackInput } from '../graphql/tokenPackTypes';

/** The token pack's own icon name, which the template pack starts with. */
export const TOKEN_PACK_ICON = 'token-pack';

/** The INFO tab's fields as the admin edits them. */
export interface TokenPackFormValues {
  name: string;
  /** Empty for the default token pack icon. */
  icon: string;
  /** Empty for none. */
  primaryDirectoryId: string;
  primaryColor: string;
  accentColor: string;
  logoUrl: string;
  localUnlock: LocalUnlockPolicy;
}

export function tokenPackFormFrom(pack: TokenPack): TokenPackFormValues {
  return {
    name: pack.name,
    icon: pack.icon && pack.icon !== TOKEN_PACK_ICON ? pack.icon : '',
    primaryDirectoryId: pack.primaryDirectoryId ?? '',
    primaryColor: pack.theme.primaryColor,
    accentColor: pack.theme.accentColor,
    logoUrl: pack.theme.logoUrl ?? '',
    localUnlock: pack.localUnlock ?? 'NONE',
  };
}

/** What `updateTokenPack` takes: every field, so empty ones clear (and no icon means the default one). */
export function tokenPackInputFrom(values: TokenPackFormValues): TokenPackInput {
  return {
    name: values.name.trim(),
    icon: values.icon.trim() || TOKEN_PACK_ICON,
    primaryDirectoryId: values.primaryDirectoryId,
    theme: {
      primaryColor: values.primaryColor.trim(),
      accentColor: values.accentColor.trim(),
      logoUrl: values.logoUrl.trim(),
    },
    localUnlock: values.localUnlock,
  };
}

/** Server field names (`theme.primaryColor`) as the form's (`primaryColor`). */
export function tokenPackFieldErrors(fields: Record<string, string>): Partial<Record<keyof TokenPackFormValues, string>> {
  const out: Partial<Record<keyof TokenPackFormValues, string>> = {};
  for (const [field, message] of Object.entries(fields)) {
    const key = field.replace(/^theme\./, '') as keyof TokenPackFormValues;
    out[key] = message;
  }
  return out;
}
