import type {
  DirectoryConnector,
  DirectoryConnectorInput,
  DirectorySecurity,
  DirectoryType,
  DirectoryTypeDefaults,
} from '../graphql/directoryTypes';

/** The connector form as the admin types it: every text box as a string. */
export interface ConnectorFormValues {
  name: string;
  type: DirectoryType;
  hosts: string[];
  port: string;
  security: DirectorySecurity;
  caCertificatePem: string;
  verifyCertificate: boolean;
  baseDn: string;
  bindDn: string;
  bindPassword: string;
  loginProperty: string;
  emailProperty: string;
  displayNameProperty: string;
  phoneProperty: string;
  upnProperty: string;
  immutableIdProperty: string;
  userObjectClass: string;
  userFilter: string;
  connectTimeoutMs: string;
  operationTimeoutMs: string;
}

/** The attribute-mapping fields a directory type gives defaults for. */
export const MAPPING_FIELDS = [
  'loginProperty',
  'emailProperty',
  'displayNameProperty',
  'phoneProperty',
  'upnProperty',
  'immutableIdProperty',
  'userObjectClass',
] as const satisfies readonly (keyof ConnectorFormValues & keyof DirectoryTypeDefaults)[];

/** Mapping fields that may be left empty to mean "do not read this attribute". */
const OPTIONAL_MAPPING = new Set<string>(['phoneProperty', 'upnProperty', 'immutableIdProperty']);

export function newConnectorForm(): ConnectorFormValues {
  return {
    name: '',
    type: 'ACTIVE_DIRECTORY',
    hosts: [''],
    port: '',
    security: 'LDAPS',
    caCertificatePem: '',
    verifyCertificate: true,
    baseDn: '',
    bindDn: '',
    bindPassword: '',
    loginProperty: '',
    emailProperty: '',
    displayNameProperty: '',
    phoneProperty: '',
    upnProperty: '',
    immutableIdProperty: '',
    userObjectClass: '',
    userFilter: '',
    connectTimeoutMs: '',
    operationTimeoutMs: '',
  };
}

/** The form filled in from a saved connector (the bind password is never sent back, so it starts empty). */
export function connectorFormFrom(connector: DirectoryConnector): ConnectorFormValues {
  const text = (value: string | number | null) => (value === null ? '' : String(value));
  return {
    name: connector.name,
    type: connector.type,
    hosts: connector.hosts.length > 0 ? [...connector.hosts] : [''],
    port: text(connector.port),
    security: connector.security ?? 'LDAPS',
    caCertificatePem: text(connector.caCertificatePem),
    verifyCertificate: connector.verifyCertificate,
    baseDn: text(connector.baseDn),
    bindDn: text(connector.bindDn),
    bindPassword: '',
    loginProperty: text(connector.loginProperty),
    emailProperty: text(connector.emailProperty),
    displayNameProperty: text(connector.displayNameProperty),
    phoneProperty: text(connector.phoneProperty),
    upnProperty: text(connector.upnProperty),
    immutableIdProperty: text(connector.immutableIdProperty),
    userObjectClass: text(connector.userObjectClass),
    userFilter: text(connector.userFilter),
    connectTimeoutMs: text(connector.connectTimeoutMs),
    operationTimeoutMs: text(connector.operationTimeoutMs),
  };
}

/**
 * Fills the mapping fields and security with a type's defaults, keeping what the admin typed:
 * a field is replaced only when it is empty or still holds the previous type's default.
 */
export function withTypeDefaults(
  values: ConnectorFormValues,
  defaults: DirectoryTypeDefaults,
  previous: DirectoryTypeDefaults | null,
): ConnectorFormValues {
  const next = { ...values, security: defaults.security };
  for (const field of MAPPING_FIELDS) {
    if (values[field] === '' || (previous && values[field] === previous[field])) next[field] = defaults[field];
  }
  return next;
}

const WHOLE_NUMBER = /^\d{1,9}$/;

/** A whole number typed in a box; `undefined` when empty (check {@link connectorFormProblems} first). */
function numberOrUndefined(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

/**
 * What the browser can tell before asking the server: number boxes that do not hold a whole
 * number (GraphQL would reject them without saying which field). Everything else is the
 * server's to judge, so its messages are the only ones the admin sees.
 */
export function connectorFormProblems(values: ConnectorFormValues): Record<string, string> {
  const problems: Record<string, string> = {};
  if (values.type === 'BUILT_IN') return problems;
  const check = (field: 'port' | 'connectTimeoutMs' | 'operationTimeoutMs', message: string) => {
    const text = values[field].trim();
    if (text !== '' && !WHOLE_NUMBER.test(text)) problems[field] = message;
  };
  check('port', 'The port must be a whole number from 1 to 65535, or empty for the default.');
  check('connectTimeoutMs', 'Write the timeout in whole milliseconds, e.g. 5000, or leave it empty for the default.');
  check('operationTimeoutMs', 'Write the timeout in whole milliseconds, e.g. 10000, or leave it empty for the default.');
  return problems;
}

/**
 * What the form sends: empty boxes are left out so the server applies the type's defaults,
 * except the optional mappings where empty means "do not read it"; an empty bind password is
 * left out, which on update keeps the stored one.
 */
export function connectorInputFrom(values: ConnectorFormValues): DirectoryConnectorInput {
  const input: DirectoryConnectorInput = { name: values.name.trim(), type: values.type };
  if (values.type === 'BUILT_IN') return input;
  const set = <K extends keyof DirectoryConnectorInput>(key: K, value: DirectoryConnectorInput[K] | undefined) => {
    if (value !== undefined && value !== '') input[key] = value;
  };
  input.hosts = values.hosts.map((host) => host.trim());
  set('port', numberOrUndefined(values.port));
  input.security = values.type === 'AZURE_AD_DS' ? 'LDAPS' : values.security;
  set('caCertificatePem', values.caCertificatePem.trim());
  input.verifyCertificate = values.verifyCertificate;
  input.baseDn = values.baseDn.trim();
  input.bindDn = values.bindDn.trim();
  set('bindPassword', values.bindPassword);
  for (const field of MAPPING_FIELDS) {
    const value = values[field].trim();
    if (OPTIONAL_MAPPING.has(field)) input[field] = value;
    else set(field, value);
  }
  set('userFilter', values.userFilter.trim());
  set('connectTimeoutMs', numberOrUndefined(values.connectTimeoutMs));
  set('operationTimeoutMs', numberOrUndefined(values.operationTimeoutMs));
  return input;
}
