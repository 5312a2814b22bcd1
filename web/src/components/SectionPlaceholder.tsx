import type { ReactNode } from 'react';
import { usePageTitle } from '../hooks/usePageTitle';

export interface SectionPlaceholderProps {
  title: string;
  /** One sentence: what this section is for. */
  summary: string;
  /** What the admin will be able to do here. */
  plans: string[];
  children?: ReactNode;
}

/** Stands in for a section that is not built yet, saying plainly what it will hold. */
export function SectionPlaceholder({ title, summary, plans, children }: SectionPlaceholderProps) {
  usePageTitle(title);
  return (
    <>
      <div className="page-header">
        <div className="title-row">
          <h1>{title}</h1>
          <span className="badge">Not built yet</span>
        </div>
      </div>
      <section className="panel placeholder" aria-label={`About ${title}`}>
        <p className="lead">{summary}</p>
        <p className="muted">This section will let you:</p>
        <ul className="plan-list">
          {plans.map((plan) => (
            <li key={plan}>{plan}</li>
          ))}
        </ul>
        {children}
      </section>
    </>
  );
}
