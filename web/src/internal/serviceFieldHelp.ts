/**
 * The tip of every service instance field: the API's description of it (`schema.graphql`) or,
 * where the schema has none, a sentence written here. `SERVICE_HELP_SOURCES` names the schema
 * element each tip comes from; a unit test keeps the two in step.
 */
export const SERVICE_FIELD_HELP = {
  icon: 'An icon name such as office-365, an https:// URL, or a data:image URL.',
  name: 'The application’s name as users know it, e.g. “Office 365”. Shown on the sign-in and approval pages and in the audit log.',
  description: 'A line for admins about what this service protects, e.g. “Outlook, Teams and SharePoint for staff”. At most 500 characters.',
  directoryConnectorId: 'The directory users sign in against.',
  samlConnectorId: 'The SAML connector that describes the application and signs the answers.',
  secondFactor:
    'REQUIRED (the default): every sign-in needs the approval on the enrolled device. OFF: password only; only ever set explicitly, per service.',
  state: 'STARTED: the service answers sign-ins. STOPPED: its sign-in URLs refuse them.',
  ssoUrl:
    "Single sign-on URL (HTTP-POST and HTTP-Redirect). For Office 365 this is the domain's PassiveSignInUri, which the federation script sets.",
  sloUrl: "Single logout URL. For Office 365 this is the domain's SignOutUri.",
  metadataUrl: 'IdP metadata URL to give service providers that read metadata (Entra ID does not; use the federation script).',
} as const;

export type ServiceHelpKey = keyof typeof SERVICE_FIELD_HELP;

/** Where each tip comes from in `schema.graphql` (`Type.field`, or `Type` for an enum). */
export const SERVICE_HELP_SOURCES: Partial<Record<ServiceHelpKey, string>> = {
  icon: 'ServiceInstance.icon',
  directoryConnectorId: 'ServiceInstance.directoryConnectorId',
  samlConnectorId: 'ServiceInstance.samlConnectorId',
  secondFactor: 'SecondFactorPolicy',
  state: 'ServiceState',
  ssoUrl: 'ServiceInstance.ssoUrl',
  sloUrl: 'ServiceInstance.sloUrl',
  metadataUrl: 'ServiceInstance.metadataUrl',
};
