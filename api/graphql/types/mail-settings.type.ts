import { Field, GraphQLISODateTime, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum SmtpSecurityEnum {
  STARTTLS = 'STARTTLS',
  TLS = 'TLS',
  NONE = 'NONE',
}
registerEnumType(SmtpSecurityEnum, {
  name: 'SmtpSecurity',
  description:
    'How the connection to the SMTP server is protected. STARTTLS: connect in plain text and upgrade to TLS, refusing a server that cannot (usually port 587). TLS: TLS from the first byte (usually port 465). NONE: no encryption at all; the login and every email cross the network readable, so use it only on a trusted local relay.',
});

export enum MailDeliveryEnum {
  ORGANISATION_SMTP = 'ORGANISATION_SMTP',
  DEPLOYMENT_SMTP = 'DEPLOYMENT_SMTP',
  OUTBOX = 'OUTBOX',
}
registerEnumType(MailDeliveryEnum, {
  name: 'MailDelivery',
  description:
    "Where your organisation's mail goes. ORGANISATION_SMTP: your own server (mailSettings.settings). DEPLOYMENT_SMTP: the server's default, the SMTP_URL of the deployment. OUTBOX: no SMTP server is configured; each email is written as an .eml file to the outbox folder of the server's data directory.",
});

@ObjectType({ description: "Your organisation's own SMTP server. The password is never returned; passwordSet says whether one is stored." })
export class MailSettings {
  @Field(() => String, { description: 'Host name or IP address of the SMTP server.' }) host!: string;
  @Field(() => Int, { description: 'TCP port: usually 587 with STARTTLS, 465 with TLS.' }) port!: number;
  @Field(() => SmtpSecurityEnum, { description: 'How the connection is protected.' }) security!: SmtpSecurityEnum;
  @Field(() => String, { nullable: true, description: 'Login name; null when the server takes mail without a login.' }) username!: string | null;
  @Field(() => Boolean, { description: 'Whether a login password is stored (sealed; it is never returned).' }) passwordSet!: boolean;
  @Field(() => String, { description: 'The address every email of your organisation is sent from.' }) fromAddress!: string;
  @Field(() => String, { nullable: true, description: 'Display name of the sender, e.g. Example IT; null for the bare address.' }) fromName!: string | null;
  @Field(() => String, { nullable: true, description: 'Where replies go; null for the sender address.' }) replyTo!: string | null;
  @Field(() => GraphQLISODateTime, { description: 'When the settings were last saved (ISO-8601, UTC).' }) updatedAt!: Date;
}

@ObjectType({ description: "How your organisation's mail is sent now, and your own SMTP settings when you have them." })
export class OutgoingMail {
  @Field(() => MailDeliveryEnum, { description: 'Which server is in effect.' }) delivery!: MailDeliveryEnum;
  @Field(() => String, { nullable: true, description: 'host:port of the server in effect; null when mail goes to the outbox folder.' }) server!: string | null;
  @Field(() => MailSettings, { nullable: true, description: "Your own SMTP server; null when you use the server's default." }) settings!: MailSettings | null;
}

@InputType({ description: "Your organisation's SMTP server. Leave password empty to keep the stored one." })
export class MailSettingsInput {
  @Field(() => String, { description: 'Host name or IP address, without smtp:// and without the port.' }) host!: string;
  @Field(() => Int, { description: 'TCP port, 1 to 65535: usually 587 with STARTTLS, 465 with TLS.' }) port!: number;
  @Field(() => SmtpSecurityEnum, { description: 'How the connection is protected.' }) security!: SmtpSecurityEnum;
  @Field(() => String, { nullable: true, description: 'Login name; empty when the server needs no login.' }) username?: string | null;
  @Field(() => String, { nullable: true, description: 'A new login password, sealed before it is stored; empty or left out keeps the stored one.' }) password?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'True to remove the stored password (with password left empty).' }) clearPassword?: boolean | null;
  @Field(() => String, { description: 'The address every email is sent from, e.g. it-help@example.com.' }) fromAddress!: string;
  @Field(() => String, { nullable: true, description: 'Display name of the sender, e.g. Example IT.' }) fromName?: string | null;
  @Field(() => String, { nullable: true, description: 'Where replies go, when not to the sender address.' }) replyTo?: string | null;
}

@ObjectType({ description: 'The outcome of a test email: whether the server accepted it, and in plain words what happened or what to fix.' })
export class TestEmailResult {
  @Field(() => Boolean, { description: 'True when the mail server accepted the message (or it was written to the outbox).' }) ok!: boolean;
  @Field(() => String, { description: 'What happened: the server that accepted it, or why it failed (login refused, connection refused, TLS problem, timeout, ...).' }) message!: string;
}
