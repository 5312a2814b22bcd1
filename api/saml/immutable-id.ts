import { AppError } from '../errors';

const GUID_TEXT = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;
const CANONICAL_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Turns the sourceAnchor attribute into the ImmutableID Entra ID expects as the persistent NameID
 * (`onPremisesImmutableId`).
 *
 * - `binary`: base64 of the raw bytes, as Entra Connect encodes objectGUID / mS-DS-ConsistencyGuid.
 *   Give the bytes (ldapts `explicitBufferAttributes`); an already-base64 string is accepted as is.
 *   A GUID in its text form is refused: base64 of that text is a different, wrong ImmutableID.
 * - `string`: the value as is.
 *
 * The value is sent byte-identical (no `+` → `.2B` rewriting). Throws `SAML_VALUE_INVALID` when the
 * result is empty, longer than 64 characters or contains `@`.
 */
export function immutableIdFrom(value: string | Uint8Array, encoding: 'binary' | 'string', attribute = 'ImmutableID source'): string {
  let id: string;
  if (value instanceof Uint8Array) {
    id = Buffer.from(value).toString('base64');
  } else if (encoding === 'string') {
    id = value;
  } else if (GUID_TEXT.test(value)) {
    throw new AppError('SAML_VALUE_INVALID', `${attribute} arrived as GUID text; read it as binary (ldapts explicitBufferAttributes) so the ImmutableID is base64 of its 16 bytes.`);
  } else if (CANONICAL_BASE64.test(value)) {
    id = value;
  } else {
    throw new AppError('SAML_VALUE_INVALID', `${attribute} is neither bytes nor base64; read it as binary (ldapts explicitBufferAttributes).`);
  }
  if (id.length === 0 || id.length > 64 || id.includes('@')) {
    throw new AppError('SAML_VALUE_INVALID', `The ImmutableID from ${attribute} must be 1 to 64 characters without @.`);
  }
  return id;
}
