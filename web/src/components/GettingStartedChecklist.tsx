import { Link } from 'react-router';
import type { ServiceChecklist } from '../internal/gettingStarted';
import { Icon } from './Icon';
import { ServiceIcon } from './ServiceIcon';

/** One service's five set-up steps, each done or not, with a link to the page that finishes the next one. */
export function GettingStartedChecklist({ list, icon }: { list: ServiceChecklist; icon: string | null }) {
  const done = list.steps.filter((step) => step.done).length;
  const headingId = `setup-${list.serviceId}`;
  return (
    <section className="panel checklist" aria-labelledby={headingId}>
      <div className="checklist-header">
        <ServiceIcon icon={icon} size={32} />
        <div>
          <h3 id={headingId}>{list.serviceName}</h3>
          <p className="muted checklist-progress">
            {done === list.steps.length ? 'Ready: users can enrol and sign in.' : `${done} of ${list.steps.length} steps done`}
          </p>
        </div>
      </div>
      <ol className="checklist-steps">
        {list.steps.map((step) => {
          const isNext = step === list.next;
          return (
            <li key={step.id} className={['checklist-step', step.done ? 'is-done' : '', isNext ? 'is-next' : ''].filter(Boolean).join(' ')}>
              <span className="checklist-mark">
                <Icon name={step.done ? 'check' : isNext ? 'clock' : 'skip'} />
              </span>
              <span className="checklist-text">
                <span className="checklist-title">
                  {step.title}
                  <span className="visually-hidden">{step.done ? ' (done)' : ' (not done)'}</span>
                </span>
                <span className="checklist-detail">{step.detail}</span>
              </span>
              {isNext ? (
                <Link to={step.to} className="button checklist-action">
                  {step.action}
                </Link>
              ) : !step.done ? (
                <Link to={step.to} className="checklist-link">
                  {step.action}
                </Link>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
