import { SectionPlaceholder } from '../components/SectionPlaceholder';

export function ServicesPage() {
  return (
    <SectionPlaceholder
      title="Services"
      summary="A service instance puts Countersign’s second factor in front of an application, such as Office 365 sign-in."
      plans={[
        'Configure a service instance with its directory and SAML connector.',
        'Start and stop it, and see whether it is running.',
      ]}
    />
  );
}
