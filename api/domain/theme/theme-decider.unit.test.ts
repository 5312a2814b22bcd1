import { describe, expect, it } from 'vitest';
import { fold } from '../../commands';
import type { ThemeEvent, ThemeSettings } from './events';
import { MAX_THEMES, themeDecider, type ThemeCommand } from './theme-decider';

const blue: ThemeSettings = { name: 'Company blue', primaryColor: '#1f4e79', accentColor: '#2e86de', logoUrl: 'https://example.com/logo.png' };
const green: ThemeSettings = { name: 'Green', primaryColor: '#0b6e4f', accentColor: '#08a045', logoUrl: null };
const created = (themeId: string, settings: ThemeSettings): ThemeEvent => ({ type: 'ThemeCreated', data: { themeId, ...settings } });
const defaulted = (themeId: string): ThemeEvent => ({ type: 'DefaultThemeSet', data: { themeId } });
const given = (events: ThemeEvent[]) => ({
  when: (command: ThemeCommand) => () => themeDecider.decide(command, fold(themeDecider, events)),
});

describe('theme decider', () => {
  it('makes the first theme the default, normalising colours and name', () => {
    const events = given([]).when({ type: 'CreateTheme', themeId: 'a', settings: { ...blue, name: ' Company blue ', primaryColor: '#1F4E79' } })();
    expect(events).toEqual([created('a', blue), defaulted('a')]);
  });

  it('a second theme does not take over the default', () => {
    expect(given([created('a', blue), defaulted('a')]).when({ type: 'CreateTheme', themeId: 'b', settings: green })()).toEqual([created('b', green)]);
  });

  it('refuses a name already used, whatever its case', () => {
    expect(given([created('a', blue), defaulted('a')]).when({ type: 'CreateTheme', themeId: 'b', settings: { ...green, name: 'COMPANY BLUE' } })).toThrow(
      /name: A theme named "Company blue" already exists/,
    );
  });

  it('validates colours and the logo as a token pack theme does', () => {
    const attempt = given([]).when({ type: 'CreateTheme', themeId: 'a', settings: { name: '', primaryColor: 'blue', accentColor: '#12345', logoUrl: 'http://example.com/x.png' } });
    expect(attempt).toThrow(/primaryColor: Give the colour as # and six hex digits/);
    expect(attempt).toThrow(/accentColor: Give the colour as # and six hex digits/);
    expect(attempt).toThrow(/logoUrl: Give the logo as an https:\/\/ URL or a data:image/);
    expect(attempt).toThrow(/name: Give the theme a name/);
  });

  it('updates a theme; the same values write nothing; an unknown theme is not found', () => {
    const library = [created('a', blue), defaulted('a')];
    expect(given(library).when({ type: 'UpdateTheme', themeId: 'a', settings: { ...blue, accentColor: '#ff0000' } })()).toEqual([
      { type: 'ThemeUpdated', data: { themeId: 'a', ...blue, accentColor: '#ff0000' } },
    ]);
    expect(given(library).when({ type: 'UpdateTheme', themeId: 'a', settings: blue })()).toEqual([]);
    expect(given(library).when({ type: 'UpdateTheme', themeId: 'x', settings: blue })).toThrow(/No theme with that id/);
  });

  it('keeps its own name on update without calling it a duplicate', () => {
    expect(given([created('a', blue)]).when({ type: 'UpdateTheme', themeId: 'a', settings: { ...blue, logoUrl: null } })()).toHaveLength(1);
  });

  it('will not delete the default while other themes exist, but deletes the others and the last one', () => {
    const library = [created('a', blue), defaulted('a'), created('b', green)];
    expect(given(library).when({ type: 'DeleteTheme', themeId: 'a' })).toThrow(/make another theme the default before deleting it/);
    expect(given(library).when({ type: 'DeleteTheme', themeId: 'b' })()).toEqual([{ type: 'ThemeDeleted', data: { themeId: 'b' } }]);
    expect(given([created('a', blue), defaulted('a')]).when({ type: 'DeleteTheme', themeId: 'a' })()).toEqual([{ type: 'ThemeDeleted', data: { themeId: 'a' } }]);
  });

  it('sets the default; setting it again writes nothing', () => {
    const library = [created('a', blue), defaulted('a'), created('b', green)];
    expect(given(library).when({ type: 'SetDefaultTheme', themeId: 'b' })()).toEqual([defaulted('b')]);
    expect(given(library).when({ type: 'SetDefaultTheme', themeId: 'a' })()).toEqual([]);
    expect(given(library).when({ type: 'SetDefaultTheme', themeId: 'x' })).toThrow(/No theme with that id/);
  });

  it('after the last theme is deleted, the next one created becomes the default', () => {
    const library = [created('a', blue), defaulted('a'), { type: 'ThemeDeleted', data: { themeId: 'a' } } as ThemeEvent];
    expect(given(library).when({ type: 'CreateTheme', themeId: 'b', settings: green })()).toEqual([created('b', green), defaulted('b')]);
  });

  it(`keeps at most ${MAX_THEMES} themes`, () => {
    const library = Array.from({ length: MAX_THEMES }, (_, i) => created(`t${i}`, { ...green, name: `Theme ${i}` }));
    expect(given(library).when({ type: 'CreateTheme', themeId: 'x', settings: blue })).toThrow(/at most 50 themes/);
  });
});
