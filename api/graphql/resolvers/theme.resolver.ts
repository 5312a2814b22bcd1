import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { ThemeRow } from '../../themes';
import { commandContextOf, tenantOf, type GraphQLContext } from '../context';
import { InputCheck } from '../types/input-check.type';
import { inputCheckOf } from './internal/input-check-of';
import { Theme, ThemeInput } from '../types/theme.type';

const toTheme = (row: ThemeRow): Theme => ({
  id: row.theme_id,
  name: row.name,
  primaryColor: row.primary_color,
  accentColor: row.accent_color,
  logoUrl: row.logo_url,
  isDefault: row.is_default === 1,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
});

@Resolver(() => Theme)
export class ThemeResolver {
  @Authorized('config:read')
  @Query(() => [Theme], { description: "Your organisation's themes, by name." })
  themes(@Ctx() ctx: GraphQLContext): Theme[] {
    return ctx.services.themes.list(tenantOf(ctx)).map(toTheme);
  }

  @Authorized('config:write')
  @Query(() => InputCheck, { description: 'What createTheme (no id) or updateTheme (with id) would answer for this theme, without saving.' })
  checkThemeInput(
    @Arg('input', () => ThemeInput, { description: 'Name, colours and logo as the form holds them now.' }) input: ThemeInput,
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { nullable: true, description: 'The theme being edited; left out for a new theme.' }) id?: string | null,
  ): Promise<InputCheck> {
    return inputCheckOf(() => ctx.services.themes.check(id ?? null, input, commandContextOf(ctx)));
  }

  @Authorized('config:write')
  @Mutation(() => Theme, { description: 'Adds a theme; the first one becomes the default.' })
  async createTheme(@Arg('input', () => ThemeInput, { description: 'Name, colours and logo.' }) input: ThemeInput, @Ctx() ctx: GraphQLContext): Promise<Theme> {
    return toTheme(await ctx.services.themes.create(input, commandContextOf(ctx)));
  }

  @Authorized('config:write')
  @Mutation(() => Theme, { description: 'Changes a theme; when it is the default, the pages users see change at once.' })
  async updateTheme(
    @Arg('id', () => ID, { description: 'The theme id, from themes.' }) id: string,
    @Arg('input', () => ThemeInput, { description: 'Name, colours and logo.' }) input: ThemeInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Theme> {
    return toTheme(await ctx.services.themes.update(id, input, commandContextOf(ctx)));
  }

  @Authorized('config:write')
  @Mutation(() => Boolean, { description: 'Deletes a theme. The default theme cannot be deleted while others exist: make another the default first.' })
  async deleteTheme(@Arg('id', () => ID, { description: 'The theme id, from themes.' }) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await ctx.services.themes.remove(id, commandContextOf(ctx));
    return true;
  }

  @Authorized('config:write')
  @Mutation(() => Theme, { description: 'Makes a theme the one the sign-in, approval and password pages and the emails use.' })
  async setDefaultTheme(@Arg('id', () => ID, { description: 'The theme id, from themes.' }) id: string, @Ctx() ctx: GraphQLContext): Promise<Theme> {
    return toTheme(await ctx.services.themes.setDefault(id, commandContextOf(ctx)));
  }
}
