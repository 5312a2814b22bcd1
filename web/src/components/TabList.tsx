import { useRef, type KeyboardEvent } from 'react';

export interface Tab {
  id: string;
  label: string;
}

export interface TabListProps {
  /** Names the tab list for screen readers. */
  label: string;
  tabs: readonly Tab[];
  selected: string;
  onSelect: (id: string) => void;
  /** Prefix of the tabs' and panels' element ids: tab `<prefix>-tab-<id>`, panel `<prefix>-panel-<id>`. */
  idPrefix: string;
}

/** The id of a tab's panel, for its `id` and the tab's `aria-controls`. */
export const tabPanelId = (idPrefix: string, tab: string) => `${idPrefix}-panel-${tab}`;
/** The id of a tab, for its panel's `aria-labelledby`. */
export const tabId = (idPrefix: string, tab: string) => `${idPrefix}-tab-${tab}`;

/**
 * ARIA tabs: one tab stop, arrow keys (and Home/End) move between tabs and select them.
 * Render the panels yourself with `role="tabpanel"`, {@link tabPanelId} and {@link tabId}.
 */
export function TabList({ label, tabs, selected, onSelect, idPrefix }: TabListProps) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.id === selected);
    const next =
      event.key === 'ArrowRight' ? (index + 1) % tabs.length
      : event.key === 'ArrowLeft' ? (index - 1 + tabs.length) % tabs.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? tabs.length - 1
      : -1;
    const tab = tabs[next];
    if (!tab) return;
    event.preventDefault();
    onSelect(tab.id);
    refs.current[tab.id]?.focus();
  };
  return (
    <div className="tab-list" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          ref={(element) => {
            refs.current[tab.id] = element;
          }}
          type="button"
          role="tab"
          id={tabId(idPrefix, tab.id)}
          aria-selected={tab.id === selected}
          aria-controls={tabPanelId(idPrefix, tab.id)}
          tabIndex={tab.id === selected ? 0 : -1}
          className="tab"
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
