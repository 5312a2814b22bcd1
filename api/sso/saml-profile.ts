import type { DirectoryUserProfile } from '../directory/directory';
import type { DirectoryProfile, SamlConnectorConfig } from '../saml';

/**
 * The directory profile as the SAML layer reads it: the connector's own attribute names
 * (e.g. objectGUID, userPrincipalName) point at the values the directory connector already
 * mapped, and the generic fields (username, email, displayName, phone, upn, immutableId)
 * are always there for attribute mappings. The ImmutableID goes in as raw bytes.
 */
export function samlProfileOf(profile: DirectoryUserProfile, connector: SamlConnectorConfig): DirectoryProfile {
  const immutableId = profile.immutableId ? Buffer.from(profile.immutableId, 'base64') : undefined;
  const upn = profile.upn ?? profile.email ?? undefined;
  const base: Record<string, DirectoryProfile[string]> = {
    username: profile.username,
    uid: profile.username,
    email: profile.email ?? undefined,
    mail: profile.email ?? undefined,
    displayName: profile.displayName,
    phone: profile.phone,
    upn,
    userPrincipalName: upn,
    immutableId,
  };
  if (connector.kind === 'OFFICE_365') {
    base[connector.immutableId.attribute] = connector.immutableId.encoding === 'binary' ? immutableId : profile.immutableId;
    base[connector.upnAttribute] = upn;
  }
  return base;
}
