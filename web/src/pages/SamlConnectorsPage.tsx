import { SectionPlaceholder } from '../components/SectionPlaceholder';

export function SamlConnectorsPage() {
  return (
    <SectionPlaceholder
      title="SAML connectors"
      summary="SAML connectors let a service provider — Microsoft 365 first, then any SAML 2.0 application — send its users to Countersign to sign in."
      plans={[
        'Create a connector and import the service provider’s metadata.',
        'Generate and rotate the signing key, and download Countersign’s IdP metadata.',
        'Get the scripts that federate a Microsoft 365 domain (Microsoft Graph PowerShell or MSOnline), and the script that reverts it.',
      ]}
    />
  );
}
