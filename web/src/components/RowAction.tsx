import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';
import { Icon, type IconName } from './Icon';

interface RowActionContent {
  icon: IconName;
  /** The short word shown beside the icon (hidden on narrow screens). */
  label: string;
  /** What the action applies to, read after the label by screen readers only: "Delete" + " Oslo office". */
  subject: ReactNode;
  /** Read before the label by screen readers only, where the label alone is not a verb: "Set " + "Password". */
  hiddenPrefix?: string;
  /** The tooltip; the label when not given. */
  title?: string;
  /** Styles the action as destructive. */
  danger?: boolean;
}

export type RowActionButtonProps = RowActionContent & Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'className' | 'title' | 'children'>;

export type RowActionLinkProps = RowActionContent & Omit<LinkProps, 'className' | 'title' | 'children'>;

function className(danger: boolean | undefined): string {
  return danger ? 'action action-danger' : 'action';
}

function RowActionBody({ icon, label, subject, hiddenPrefix }: Pick<RowActionContent, 'icon' | 'label' | 'subject' | 'hiddenPrefix'>) {
  return (
    <>
      <Icon name={icon} />
      {hiddenPrefix ? <span className="visually-hidden">{hiddenPrefix}</span> : null}
      <span className="action-text">{label}</span>
      <span className="visually-hidden"> {subject}</span>
    </>
  );
}

/** An icon button in a table row's actions cell, whose accessible name says which row it acts on. */
export function RowActionButton({ icon, label, subject, hiddenPrefix, title, danger, ...button }: RowActionButtonProps) {
  return (
    <button type="button" className={className(danger)} title={title ?? label} {...button}>
      <RowActionBody icon={icon} label={label} subject={subject} hiddenPrefix={hiddenPrefix} />
    </button>
  );
}

/** A link styled as a row action (usually Edit), named like {@link RowActionButton}. */
export function RowActionLink({ icon, label, subject, hiddenPrefix, title, danger, ...link }: RowActionLinkProps) {
  return (
    <Link className={className(danger)} title={title ?? label} {...link}>
      <RowActionBody icon={icon} label={label} subject={subject} hiddenPrefix={hiddenPrefix} />
    </Link>
  );
}
