import { readFileSync } from 'node:fs';
import { buildSchema, isEnumType, isInputObjectType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SAML_FIELD_HELP, SAML_HELP_SOURCES } from './samlFieldHelp';
import { SERVICE_FIELD_HELP, SERVICE_HELP_SOURCES } from './serviceFieldHelp';

const schema = buildSchema(readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8'));

/** A schema description as a tip: without the "Office 365:" / "Generic:" prefix, starting with a capital. */
function asTip(description: string): string {
  const text = description.replace(/^(Office 365|Generic|Create only, generic):\s*/, '').replace(/\s+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function describedBy(coordinate: string): string | undefined {
  const [typeName, fieldName] = coordinate.split('.');
  const type = schema.getType(typeName!);
  if (!type) return undefined;
  if (!fieldName) return isEnumType(type) ? (type.description ?? undefined) : undefined;
  if (!isObjectType(type) && !isInputObjectType(type)) return undefined;
  return type.getFields()[fieldName]?.description ?? undefined;
}

describe('field tips', () => {
  const cases = [
    ...Object.entries(SAML_HELP_SOURCES).map(([key, source]) => [key, source!, SAML_FIELD_HELP[key as keyof typeof SAML_FIELD_HELP]] as const),
    ...Object.entries(SERVICE_HELP_SOURCES).map(([key, source]) => [key, source!, SERVICE_FIELD_HELP[key as keyof typeof SERVICE_FIELD_HELP]] as const),
  ];

  it.each(cases)('%s says what schema.graphql says about %s', (_key, source, tip) => {
    const description = describedBy(source);
    expect(description, `${source} has no description in schema.graphql`).toBeTruthy();
    expect(tip).toBe(asTip(description!));
  });
});
