import { SectionPlaceholder } from '../components/SectionPlaceholder';

export function TokenPacksPage() {
  return (
    <SectionPlaceholder
      title="Token Packs"
      summary="A token pack is the email that invites users to enrol the Countersign authenticator."
      plans={[
        'Create token packs and choose the services they enable.',
        'Add trusted networks (IP ranges) for the pack.',
        'Send the token pack email and see which emails were sent or failed.',
      ]}
    />
  );
}
