import { useState } from 'react';
import { useQuery } from 'urql';
import { ThemesQuery } from '../graphql/ThemesQuery';
import type { Theme } from '../graphql/themeTypes';
import { SelectField } from './SelectField';

const themesChanged = { additionalTypenames: ['Theme'] };

/**
 * "Start from theme": copies a theme's colours and logo into a form (the copy is the form's
 * own; later changes to the theme do not follow). Renders nothing while there are no themes.
 */
export function StartFromThemeSelect({ onPick }: { onPick: (theme: Theme) => void }) {
  const [{ data }] = useQuery({ query: ThemesQuery, requestPolicy: 'cache-and-network', context: themesChanged });
  const [picked, setPicked] = useState('');
  const themes = data?.themes ?? [];
  if (themes.length === 0) return null;
  const chosen = themes.find((t) => t.id === picked);
  return (
    <SelectField
      className="theme-start"
      label="Start from theme"
      name="startFromTheme"
      value={picked}
      options={[{ value: '', label: 'Choose a theme…' }, ...themes.map((t) => ({ value: t.id, label: t.isDefault ? `${t.name} (default)` : t.name }))]}
      onChange={(event) => {
        setPicked(event.target.value);
        const theme = themes.find((t) => t.id === event.target.value);
        if (theme) onPick(theme);
      }}
      hint={chosen ? `Copied the colours and logo of “${chosen.name}”; save to keep them.` : 'Copies a theme’s colours and logo into the fields below (Settings › Themes).'}
    />
  );
}
