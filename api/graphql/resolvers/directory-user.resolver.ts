import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { UserRow } from '../../directory/built-in-user-service';
import { importUsersCsv } from '../../directory/import-users-csv';
import { validationError } from '../../errors';
import { commandContextOf, tenantOf, type GraphQLContext } from '../context';
import { InputCheck } from '../types/input-check.type';
import { inputCheckOf } from './internal/input-check-of';
import { DirectoryUser, DirectoryUserPage, DirectoryUserUpdateInput, ImportReport, NewDirectoryUserInput } from '../types/directory-user.type';

const toUser = (row: UserRow & { password_set_at: string | null }): DirectoryUser => ({
  id: row.id,
  connectorId: row.connector_id,
  username: row.username,
  email: row.email,
  displayName: row.display_name,
  phone: row.phone,
  immutableId: row.immutable_id,
  enabled: row.enabled === 1,
  hasPassword: row.password_set_at !== null,
  createdAt: new Date(row.created_at),
});

@Resolver()
export class DirectoryUserResolver {
  @Authorized('config:read')
  @Query(() => DirectoryUserPage, { description: 'Users of a built-in directory by username, searchable by username, email or name.' })
  directoryUsers(
    @Arg('connectorId', () => ID, { description: 'The built-in directory connector, from directoryConnectors.' }) connectorId: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('search', () => String, { nullable: true, description: 'Only users whose username, email or display name contains this text, ignoring case.' }) search?: string,
    @Arg('first', () => Int, { defaultValue: 50, description: 'How many users per page, 1 to 500.' }) first = 50,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after?: string,
  ): DirectoryUserPage {
    if (first < 1 || first > 500) throw validationError({ first: 'ask for between 1 and 500 users per page' });
    const like = `%${(search ?? '').toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const where = `tenant_id = ? AND connector_id = ? AND (username_lower LIKE ? ESCAPE '\\' OR lower(email) LIKE ? ESCAPE '\\' OR lower(display_name) LIKE ? ESCAPE '\\')`;
    const args = [tenantOf(ctx), connectorId, like, like, like];
    const db = ctx.services.readDb;
    const fetched = db.prepare(`SELECT * FROM directory_users WHERE ${where} AND username_lower > ? ORDER BY username_lower LIMIT ?`).all(...args, after ?? '', first + 1) as UserRow[];
    const rows = fetched.slice(0, first);
    const total = db.prepare(`SELECT COUNT(*) FROM directory_users WHERE ${where}`).pluck().get(...args) as number;
    const hasNextPage = fetched.length > first;
    return { users: rows.map(toUser), total, hasNextPage, endCursor: hasNextPage ? rows[rows.length - 1]!.username.toLowerCase() : null };
  }

  @Authorized('users:write')
  @Query(() => InputCheck, { description: 'What addDirectoryUser would answer for this user, without saving.' })
  checkDirectoryUserInput(
    @Arg('connectorId', () => ID, { description: 'The built-in directory connector the user would be added to.' }) connectorId: string,
    @Arg('input', () => NewDirectoryUserInput, { description: 'The user as the form holds it now.' }) input: NewDirectoryUserInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<InputCheck> {
    return inputCheckOf(() => ctx.services.builtInUsers.checkAdd(connectorId, input, commandContextOf(ctx)));
  }

  @Authorized('users:write')
  @Mutation(() => DirectoryUser, { description: 'Adds a user to a built-in directory.' })
  async addDirectoryUser(
    @Arg('connectorId', () => ID, { description: 'The built-in directory connector to add the user to.' }) connectorId: string,
    @Arg('input', () => NewDirectoryUserInput, { description: 'The new user.' }) input: NewDirectoryUserInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DirectoryUser> {
    const id = await ctx.services.builtInUsers.add(connectorId, input, commandContextOf(ctx));
    return toUser(ctx.services.builtInUsers.find(tenantOf(ctx), id));
  }

  @Authorized('users:write')
  @Mutation(() => DirectoryUser, { description: 'Changes a built-in directory user.' })
  async updateDirectoryUser(
    @Arg('id', () => ID, { description: 'The user id, from directoryUsers.' }) id: string,
    @Arg('input', () => DirectoryUserUpdateInput, { description: "The user's new details." }) input: DirectoryUserUpdateInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DirectoryUser> {
    await ctx.services.builtInUsers.update(id, input, commandContextOf(ctx));
    return toUser(ctx.services.builtInUsers.find(tenantOf(ctx), id));
  }

  @Authorized('users:write')
  @Mutation(() => Boolean, { description: 'Removes a user from a built-in directory.' })
  async removeDirectoryUser(@Arg('id', () => ID, { description: 'The user id, from directoryUsers.' }) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await ctx.services.builtInUsers.remove(id, commandContextOf(ctx));
    return true;
  }

  @Authorized('users:write')
  @Mutation(() => Boolean, { description: "Sets a built-in directory user's password (at least 10 characters)." })
  async setDirectoryUserPassword(@Arg('id', () => ID, { description: 'The user id, from directoryUsers.' }) id: string, @Arg('password', () => String, { description: 'The new password, at least 10 characters; stored only as a hash.' }) password: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await ctx.services.builtInUsers.setPassword(id, password, commandContextOf(ctx));
    return true;
  }

  @Authorized('users:write')
  @Mutation(() => Boolean, { description: 'Emails the user a link, valid for 24 hours and usable once, to choose their own password.' })
  async sendDirectoryUserPasswordLink(@Arg('id', () => ID, { description: 'The user id, from directoryUsers; the user must be enabled.' }) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await ctx.services.builtInUsers.sendPasswordLink(id, commandContextOf(ctx));
    return true;
  }

  @Authorized('users:write')
  @Mutation(() => ImportReport, {
    description: 'Imports users from CSV (header: username,email,displayName[,phone,password,enabled,immutableId]); reports each row that could not be imported and why.',
  })
  async importDirectoryUsers(@Arg('connectorId', () => ID, { description: 'The built-in directory connector to import into.' }) connectorId: string, @Arg('csv', () => String, { description: 'The CSV text with its header row, at most 5 MB; an enabled column of false, no, 0 or disabled adds that user disabled.' }) csv: string, @Ctx() ctx: GraphQLContext): Promise<ImportReport> {
    const rows = await importUsersCsv(ctx.services.builtInUsers, connectorId, csv, commandContextOf(ctx));
    return { imported: rows.filter((r) => r.ok).length, failed: rows.filter((r) => !r.ok).length, rows };
  }
}
