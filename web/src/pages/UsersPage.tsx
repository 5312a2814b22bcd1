import { SectionPlaceholder } from '../components/SectionPlaceholder';

export function UsersPage() {
  return (
    <SectionPlaceholder
      title="Users & Devices"
      summary="The people who sign in through Countersign and the authenticators they have enrolled."
      plans={[
        'Find a user and see their enrollments and devices.',
        'Follow an enrollment from the first email to the activated device.',
        'Revoke a lost device or rotate its TOTP secret.',
      ]}
    />
  );
}
