import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { streamId, type CommandBus, type CommandContext } from '../commands';
import { THEME_LIBRARY_STREAM_ID, themeDecider, type ThemeCommand, type ThemeEvent, type ThemeSettings } from '../domain/theme';
import { AppError } from '../errors';
import type { PageTheme } from '../http/page-theme';

/** A theme as the read model holds it. */
export interface ThemeRow {
  theme_id: string;
  name: string;
  primary_color: string;
  accent_color: string;
  logo_url: string | null;
  is_default: number;
  created_at: string;
  updated_at: string;
}

/** What an admin submits to create or change a theme; an empty logo means none. */
export interface ThemeInput {
  name: string;
  primaryColor: string;
  accentColor: string;
  logoUrl?: string | null;
}

const settingsOf = (input: ThemeInput): ThemeSettings => ({
  name: input.name,
  primaryColor: input.primaryColor,
  accentColor: input.accentColor,
  logoUrl: input.logoUrl?.trim() || null,
});

/** The organisation's theme library, and the default theme the end-user pages and emails use. */
export function createThemeService(deps: { readDb: Database.Database; execute: CommandBus }) {
  const stream = (ctx: CommandContext) => streamId('theme', ctx.tenantId, THEME_LIBRARY_STREAM_ID);
  const run = (ctx: CommandContext, command: ThemeCommand) => deps.execute(themeDecider, stream(ctx), command, ctx);
  const saveCommand = (themeId: string | null, input: ThemeInput): ThemeCommand =>
    themeId === null ? { type: 'CreateTheme', themeId: randomUUID(), settings: settingsOf(input) } : { type: 'UpdateTheme', themeId, settings: settingsOf(input) };
  const listStatement = deps.readDb.prepare('SELECT * FROM themes WHERE tenant_id = ? ORDER BY name COLLATE NOCASE, theme_id');
  const findStatement = deps.readDb.prepare('SELECT * FROM themes WHERE tenant_id = ? AND theme_id = ?');
  const defaultStatement = deps.readDb.prepare('SELECT * FROM themes WHERE tenant_id = ? AND is_default = 1');

  const find = (tenantId: string, themeId: string): ThemeRow => {
    const row = findStatement.get(tenantId, themeId) as ThemeRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'No theme with that id in your organisation.');
    return row;
  };

  return {
    /** Themes by name. */
    list: (tenantId: string): ThemeRow[] => listStatement.all(tenantId) as ThemeRow[],
    find,
    async create(input: ThemeInput, ctx: CommandContext): Promise<ThemeRow> {
      const command = saveCommand(null, input) as Extract<ThemeCommand, { type: 'CreateTheme' }>;
      await run(ctx, command);
      return find(ctx.tenantId, command.themeId);
    },
    async update(themeId: string, input: ThemeInput, ctx: CommandContext): Promise<ThemeRow> {
      await run(ctx, saveCommand(themeId, input));
      return find(ctx.tenantId, themeId);
    },
    /** What {@link create} (no id) or {@link update} would answer for this theme, without saving. */
    async check(themeId: string | null, input: ThemeInput, ctx: CommandContext): Promise<ThemeEvent[]> {
      return (await deps.execute.dryRun(themeDecider, stream(ctx), saveCommand(themeId, input))).events;
    },
    async remove(themeId: string, ctx: CommandContext): Promise<void> {
      await run(ctx, { type: 'DeleteTheme', themeId });
    },
    async setDefault(themeId: string, ctx: CommandContext): Promise<ThemeRow> {
      await run(ctx, { type: 'SetDefaultTheme', themeId });
      return find(ctx.tenantId, themeId);
    },
    /** The default theme for the sign-in, approval and password pages; null for the shipped look. */
    pageThemeOf: (tenantId: string): PageTheme | null => {
      const row = defaultStatement.get(tenantId) as ThemeRow | undefined;
      return row ? { primaryColor: row.primary_color, accentColor: row.accent_color, logoUrl: row.logo_url } : null;
    },
  };
}

export type ThemeService = ReturnType<typeof createThemeService>;
