import { useRef, useState } from 'react';
import { MIN_ADMIN_PASSWORD_LENGTH } from '../internal/adminPassword';

/** A new admin password typed twice (setup, invitations): the two values, their fields and the rule. */
export function useNewPassword() {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const passwordRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  const longEnough = [...password].length >= MIN_ADMIN_PASSWORD_LENGTH;
  return {
    password,
    setPassword,
    confirm,
    setConfirm,
    passwordRef,
    confirmRef,
    longEnough,
    /** Before sending: focuses the first of the two fields that is not right yet; true when both are. */
    ready(): boolean {
      if (!longEnough) {
        passwordRef.current?.focus();
        return false;
      }
      if (confirm !== password) {
        confirmRef.current?.focus();
        return false;
      }
      return true;
    },
  };
}

export type NewPassword = ReturnType<typeof useNewPassword>;
