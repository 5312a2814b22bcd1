/** Moves focus to the first field marked invalid inside `container`, so keyboard and screen-reader users land on it. */
export function focusFirstInvalid(container: HTMLElement | null): void {
  const field = container?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!field) return;
  field.focus();
  field.scrollIntoView({ block: 'center' });
}
