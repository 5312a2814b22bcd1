import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { OutgoingMailStatus } from '../../mail-settings';
import { commandContextOf, tenantOf, type GraphQLContext } from '../context';
import { InputCheck } from '../types/input-check.type';
import { inputCheckOf } from './internal/input-check-of';
import { MailDeliveryEnum, MailSettingsInput, OutgoingMail, SmtpSecurityEnum, TestEmailResult } from '../types/mail-settings.type';

const toOutgoingMail = (status: OutgoingMailStatus): OutgoingMail => ({
  delivery: status.delivery as MailDeliveryEnum,
  server: status.server,
  settings: status.settings
    ? {
        host: status.settings.host,
        port: status.settings.port,
        security: status.settings.security as SmtpSecurityEnum,
        username: status.settings.username,
        passwordSet: status.settings.password_set === 1,
        fromAddress: status.settings.from_address,
        fromName: status.settings.from_name,
        replyTo: status.settings.reply_to,
        updatedAt: new Date(status.settings.updated_at),
      }
    : null,
});

@Resolver()
export class MailSettingsResolver {
  @Authorized('config:read')
  @Query(() => OutgoingMail, { description: "How your organisation's mail is sent: your own SMTP server, the server's default, or the outbox folder." })
  mailSettings(@Ctx() ctx: GraphQLContext): OutgoingMail {
    return toOutgoingMail(ctx.services.mailSettings.status(tenantOf(ctx)));
  }

  @Authorized('config:write')
  @Query(() => InputCheck, { description: 'What updateMailSettings would answer for these settings, without saving or contacting the SMTP server.' })
  checkMailSettingsInput(@Arg('input', () => MailSettingsInput, { description: 'The settings as the form holds them now.' }) input: MailSettingsInput, @Ctx() ctx: GraphQLContext): Promise<InputCheck> {
    return inputCheckOf(() => ctx.services.mailSettings.check(input, commandContextOf(ctx)));
  }

  @Authorized('config:write')
  @Mutation(() => OutgoingMail, { description: 'Sends all mail of your organisation through its own SMTP server. The password is sealed before it is stored and never returned.' })
  async updateMailSettings(@Arg('input', () => MailSettingsInput, { description: 'The server, its login and the sender.' }) input: MailSettingsInput, @Ctx() ctx: GraphQLContext): Promise<OutgoingMail> {
    return toOutgoingMail(await ctx.services.mailSettings.update(input, commandContextOf(ctx)));
  }

  @Authorized('config:write')
  @Mutation(() => OutgoingMail, { description: "Forgets your SMTP server and its password: mail goes through the server's default again." })
  async clearMailSettings(@Ctx() ctx: GraphQLContext): Promise<OutgoingMail> {
    return toOutgoingMail(await ctx.services.mailSettings.clear(commandContextOf(ctx)));
  }

  @Authorized('config:write')
  @Mutation(() => TestEmailResult, { description: 'Sends a test email now through the mail server in effect (10-second limit per step) and says in plain words whether it was accepted.' })
  async sendTestEmail(@Arg('to', () => String, { description: 'The address to send the test email to.' }) to: string, @Ctx() ctx: GraphQLContext): Promise<TestEmailResult> {
    return ctx.services.mailSettings.sendTestEmail(to, commandContextOf(ctx));
  }
}
