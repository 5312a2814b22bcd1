import { useCallback, useEffect, useMemo, useRef, useState, type FocusEvent } from 'react';
import { useClient, type TypedDocumentNode } from 'urql';
import type { InputCheck } from '../graphql/inputCheckTypes';
import { friendlyFieldErrors } from '../internal/friendlyFieldErrors';
import { checkAnnouncement, visibleCheckErrors } from '../internal/visibleCheckErrors';

/** How long after the last keystroke the form asks the server. */
export const SERVER_CHECK_DELAY_MS = 400;

export interface ServerCheck {
  /** The server's message per field, for the fields the admin has touched (all of them after a submit attempt). */
  errors: Record<string, string>;
  /** Every field message of the latest answer, touched or not. */
  allErrors: Record<string, string>;
  /** A problem not tied to a field, from the latest answer. */
  message: string | null;
  /** How many fields have a message now, in words, for a polite live region. */
  announcement: string;
  /** Marks a field as touched (call when the admin edits it); `hosts` also covers `hosts.1`. */
  touch: (field: string) => void;
  /** For the form's `onBlur`: marks the field that lost focus (by its `data-field`, else its `name`) as touched. */
  onBlur: (event: FocusEvent<HTMLElement>) => void;
  /** Call on a submit attempt: from then on every field's message shows. */
  submitted: () => void;
  /** Forgets touches, the submit attempt and the last answer, e.g. once the form was saved and emptied. */
  reset: () => void;
}

export interface ServerCheckOptions {
  /** The form's name for a field the server names otherwise (`theme.primaryColor` → `primaryColor`). */
  fieldName?: (serverField: string) => string;
  /** The field a problem not tied to a field shows under (e.g. `username` for "already exists"). */
  messageField?: string;
}

/**
 * Validates a form as the admin types, with the server's own messages: {@link SERVER_CHECK_DELAY_MS}
 * after the last change it runs the form's `check…Input` query (the mutation's parsing and rules,
 * nothing saved) and keeps only the newest answer, so a slow older one never overwrites it.
 * `variables` null means "nothing to ask yet" (e.g. a number box the browser already refuses).
 * Nothing is asked until a field is touched, and a field's message shows only once it is touched
 * or a submit was attempted, so a fresh form is not covered in red.
 */
export function useServerCheck<Variables extends object, Data extends Record<string, InputCheck>>(
  query: TypedDocumentNode<Data, Variables>,
  variables: Variables | null,
  options: ServerCheckOptions = {},
): ServerCheck {
  const fieldName = useRef(options.fieldName);
  fieldName.current = options.fieldName;
  const messageField = useRef(options.messageField);
  messageField.current = options.messageField;
  const client = useClient();
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [submitAttempted, setSubmitAttempted] = useState(false);
  const [answer, setAnswer] = useState<{ fields: Record<string, string>; message: string | null }>({ fields: {}, message: null });
  const latest = useRef(0);
  const key = variables && (touched.size > 0 || submitAttempted) ? JSON.stringify(variables) : null;

  useEffect(() => {
    const ask = ++latest.current;
    if (key === null) return;
    const timer = window.setTimeout(async () => {
      const result = await client.query(query, JSON.parse(key) as Variables, { requestPolicy: 'network-only' }).toPromise();
      if (ask !== latest.current) return;
      const check = result.data ? Object.values(result.data)[0] : undefined;
      // No answer (offline, signed out): say nothing rather than something stale; submitting still tells.
      if (!check) return setAnswer({ fields: {}, message: null });
      const rename = fieldName.current ?? ((field: string) => field);
      const fields = Object.fromEntries(check.fields.map((problem) => [rename(problem.field), problem.message]));
      if (check.message && messageField.current) fields[messageField.current] ??= check.message;
      setAnswer({ fields: friendlyFieldErrors(fields), message: check.message });
    }, SERVER_CHECK_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [key, client, query]);

  const errors = useMemo(() => visibleCheckErrors(answer.fields, touched, submitAttempted), [answer, touched, submitAttempted]);
  const everShown = useRef(false);
  const count = Object.keys(errors).length;
  if (count > 0) everShown.current = true;
  const announcement = checkAnnouncement(count, everShown.current);

  const touch = useCallback((field: string) => {
    setTouched((current) => (current.has(field) ? current : new Set(current).add(field)));
  }, []);
  const onBlur = useCallback((event: FocusEvent<HTMLElement>) => {
    const target = event.target as HTMLInputElement;
    const name = target.dataset?.field ?? target.name;
    if (name) touch(name);
  }, [touch]);
  const submitted = useCallback(() => setSubmitAttempted(true), []);
  const reset = useCallback(() => {
    latest.current += 1;
    setTouched(new Set());
    setSubmitAttempted(false);
    setAnswer({ fields: {}, message: null });
    everShown.current = false;
  }, []);

  return { errors, allErrors: answer.fields, message: answer.message, announcement, touch, onBlur, submitted, reset };
}
