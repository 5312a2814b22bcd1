import { useLayoutEffect, useRef, useState } from 'react';
import type { SignInHour } from '../graphql/dashboardTypes';

/** The series of the chart, stacked bottom to top, with their colours (also the legend's). */
export const SIGN_IN_SERIES = [
  { key: 'approved', label: 'Approved', color: '#17b26a' },
  { key: 'denied', label: 'Denied', color: '#f04438' },
  { key: 'expired', label: 'Expired', color: '#f79009' },
  { key: 'failedFirstFactor', label: 'Failed password', color: '#7a5af8' },
] as const satisfies ReadonlyArray<{ key: keyof Omit<SignInHour, 'hour'>; label: string; color: string }>;

const hourLabel = new Intl.DateTimeFormat(undefined, { hour: 'numeric' });
const hourTitle = new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' });

const HEIGHT = 220;
const PAD = { top: 12, right: 16, bottom: 26, left: 36 };

/** A round top for the axis: 1, 2, 5, 10, 20, 50, … at or above `max`. */
function niceMax(max: number): number {
  if (max <= 4) return 4;
  const power = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((m) => m * power).find((v) => v >= max)!;
}

/**
 * Sign-ins per hour as stacked bars in inline SVG (no chart library), with a legend and, for
 * screen readers, the same figures as a table.
 */
export function SignInsChart({ hours }: { hours: SignInHour[] }) {
  // Drawn at the figure's real width so labels keep their size on a phone.
  const ref = useRef<HTMLElement>(null);
  const [WIDTH, setWidth] = useState(720);
  useLayoutEffect(() => {
    const figure = ref.current;
    if (!figure) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.max(240, Math.round(entry!.contentRect.width))));
    observer.observe(figure);
    return () => observer.disconnect();
  }, []);
  const totals = hours.map((h) => SIGN_IN_SERIES.reduce((sum, s) => sum + h[s.key], 0));
  const top = niceMax(Math.max(0, ...totals));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, hours.length);
  const barW = Math.max(2, slot * 0.7);
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const ticks = [0, top / 2, top];
  // About one label per 56 px, so they never overlap.
  const labelEvery = Math.max(1, Math.ceil(hours.length / Math.max(2, Math.floor(plotW / 56))));
  const grand = totals.reduce((a, b) => a + b, 0);

  return (
    <figure className="sign-in-chart" ref={ref}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Sign-ins per hour, ${grand} in all`}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} className="chart-grid" />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" className="chart-axis">
              {t}
            </text>
          </g>
        ))}
        {hours.map((h, i) => {
          const x = PAD.left + i * slot + (slot - barW) / 2;
          let base = 0;
          return (
            <g key={h.hour}>
              <title>{`${hourTitle.format(new Date(h.hour))}: ${SIGN_IN_SERIES.map((s) => `${h[s.key]} ${s.label.toLowerCase()}`).join(', ')}`}</title>
              {/* A transparent full-height bar makes the tooltip easy to hit on empty hours. */}
              <rect x={PAD.left + i * slot} y={PAD.top} width={slot} height={plotH} fill="transparent" />
              {SIGN_IN_SERIES.map((s) => {
                const value = h[s.key];
                if (!value) return null;
                const rect = <rect key={s.key} x={x} width={barW} y={y(base + value)} height={y(base) - y(base + value)} fill={s.color} />;
                base += value;
                return rect;
              })}
              {/* Counted from the current hour, which always has its label. */}
              {(hours.length - 1 - i) % labelEvery === 0 ? (
                <text x={x + barW / 2} y={HEIGHT - 8} textAnchor="middle" className="chart-axis">
                  {hourLabel.format(new Date(h.hour))}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="chart-legend">
          {SIGN_IN_SERIES.map((s) => (
            <li key={s.key}>
              <span className="chart-swatch" style={{ background: s.color }} aria-hidden="true" />
              {s.label} <strong>{hours.reduce((sum, h) => sum + h[s.key], 0)}</strong>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
