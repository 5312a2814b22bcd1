import { Alert } from './Alert';

/**
 * Why a form was not saved: how many of its own fields carry a message, or the server's
 * sentence when none does, plus messages for fields the form does not show.
 */
export function NotSavedAlert({ title, problem, fieldCount, elsewhere }: { title: string; problem: string | null | undefined; fieldCount: number; elsewhere: Array<[string, string | undefined]> }) {
  if (!problem && fieldCount === 0 && elsewhere.length === 0) return null;
  return (
    <Alert title={title}>
      {fieldCount > 0 ? (
        <p>{fieldCount === 1 ? 'One field needs your attention; see the message below it.' : `${fieldCount} fields need your attention; see the messages below them.`}</p>
      ) : (
        <p>{problem}</p>
      )}
      {elsewhere.map(([field, message]) => (
        <p key={field}>{message}</p>
      ))}
    </Alert>
  );
}
