import { SectionPlaceholder } from '../components/SectionPlaceholder';

export function DirectoriesPage() {
  return (
    <SectionPlaceholder
      title="Directories"
      summary="Directories check your users' passwords before Countersign asks for the second factor."
      plans={[
        'Connect Active Directory, Azure AD Domain Services, OpenLDAP or any LDAP server over ldaps://, StartTLS or ldap://.',
        'Use the built-in directory when you have no LDAP server.',
        'Set the service account, search base and user filter, and test the connection before saving.',
      ]}
    />
  );
}
