import { Field, GraphQLISODateTime, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

export enum TokenPackSendStatusEnum {
  QUEUED = 'QUEUED',
  SENT = 'SENT',
  FAILED = 'FAILED',
}
registerEnumType(TokenPackSendStatusEnum, {
  name: 'TokenPackSendStatus',
  description: 'QUEUED: waiting for the mail worker, or failed with a retry to come (see reason). SENT: the mail server accepted it. FAILED: given up, see reason.',
});

export enum LocalUnlockPolicyEnum {
  NONE = 'NONE',
  PIN_OR_BIOMETRIC = 'PIN_OR_BIOMETRIC',
}
registerEnumType(LocalUnlockPolicyEnum, {
  name: 'LocalUnlockPolicy',
  description: 'What the web authenticator asks before each approval. NONE: nothing. PIN_OR_BIOMETRIC: an app PIN set at enrolment, or the phone\'s fingerprint or face unlock where it has one. A gate on the device only: the server cannot tell it happened.',
});

@ObjectType({ description: 'Colours and logo of the token pack email; the enrollment API also hands them to the authenticator.' })
export class TokenPackTheme {
  @Field(() => String, { description: 'Top rule and title of the email, and the pack icon in the dashboard: #rrggbb in lower case.' }) primaryColor!: string;
  @Field(() => String, { description: 'The "Open on this phone" button of the email: #rrggbb in lower case.' }) accentColor!: string;
  @Field(() => String, { nullable: true, description: 'Logo shown 40 pixels high above the email title: an https:// URL or a data:image URL; null for none.' }) logoUrl!: string | null;
}

@ObjectType('TokenPackService', { description: 'A service of the organisation, and whether this token pack enables it.' })
export class TokenPackServiceEntry {
  @Field(() => ID, { description: 'The service instance (see services).' }) serviceId!: string;
  @Field(() => String, { nullable: true, description: "The service's name; null while the services list is not available." }) name!: string | null;
  @Field(() => Boolean, { description: 'Whether this token pack enables the service; change it with setTokenPackService.' }) enabled!: boolean;
}

@ObjectType({ description: 'A network whose clients a token pack trusts: a user enrolling from it gets the activation code on screen at once instead of by email.' })
export class TrustedNetwork {
  @Field(() => ID, { description: 'The network id (a UUID), for removeTrustedNetwork.' }) id!: string;
  @Field(() => String, { description: 'A label for the network, e.g. Head office.' }) name!: string;
  @Field(() => String, { description: 'Canonical address/prefix: host bits cleared, IPv6 compressed, a single address as /32 or /128.' }) cidr!: string;
  @Field(() => String, { description: 'A note for admins; empty when none.' }) description!: string;
  @Field(() => GraphQLISODateTime, { description: 'When the network was trusted (ISO-8601, UTC).' }) addedAt!: Date;
}

@ObjectType({ description: 'One email of a token pack to one address, and its outcome.' })
export class TokenPackSend {
  @Field(() => ID, { description: 'The send id (a UUID); TokenPackEmailSent and TokenPackEmailFailed audit events carry it as sendId.' }) id!: string;
  @Field(() => String, { description: 'The address the token pack was sent to, as entered.' }) email!: string;
  @Field(() => TokenPackSendStatusEnum, { description: 'Where the email stands.' }) status!: TokenPackSendStatusEnum;
  @Field(() => String, { nullable: true, description: 'Why the last try failed, for FAILED and retrying QUEUED sends.' }) reason!: string | null;
  @Field(() => GraphQLISODateTime, { description: 'When the enrollment link in the email stops working.' }) expiresAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When the admin asked for the email (ISO-8601, UTC).' }) requestedAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When the status last changed (ISO-8601, UTC).' }) updatedAt!: Date;
}

@ObjectType({ description: 'What a user gets to enrol a device: the directory they sign in to, the services it enables, its look, and the networks it trusts.' })
export class TokenPack {
  @Field(() => ID, { description: "The token pack's id (a UUID)." }) id!: string;
  @Field(() => String, { description: 'The name admins see; also the title of the email users get.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'An icon name such as token-pack, an https:// URL, or a data:image URL.' }) icon!: string | null;
  @Field(() => ID, { nullable: true, description: 'The directory users sign in to when they enrol.' }) primaryDirectoryId!: string | null;
  @Field(() => TokenPackTheme, { description: 'Colours and logo of the email users get.' }) theme!: TokenPackTheme;
  @Field(() => LocalUnlockPolicyEnum, { description: 'What the web authenticator asks before each approval; handed to it at enrolment.' }) localUnlock!: LocalUnlockPolicyEnum;
  @Field(() => Boolean, { description: 'True for the token pack every organisation starts with, until it is edited.' }) template!: boolean;
  @Field(() => GraphQLISODateTime, { description: 'When the token pack was created (ISO-8601, UTC).' }) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When its settings last changed (ISO-8601, UTC).' }) updatedAt!: Date;
}

@InputType({ description: 'Theme fields; on update, a field left out keeps its value.' })
export class TokenPackThemeInput {
  @Field(() => String, { nullable: true, description: 'Colour of the email\'s top rule and title, as # and six hex digits, e.g. #1f4e79.' }) primaryColor?: string;
  @Field(() => String, { nullable: true, description: 'Colour of the email\'s "Open on this phone" button, as # and six hex digits, e.g. #2e86de.' }) accentColor?: string;
  @Field(() => String, { nullable: true, description: 'Empty to remove the logo.' }) logoUrl?: string;
}

@InputType({ description: 'Token pack settings; on update, a field left out keeps its value and an empty icon or primaryDirectoryId clears it.' })
export class TokenPackInput {
  @Field(() => String, { nullable: true, description: 'One line, 1 to 100 characters; required on create.' }) name?: string;
  @Field(() => String, { nullable: true, description: 'An icon name such as token-pack, an https:// URL, or a base64 data:image URL (PNG, JPEG, GIF, WebP or SVG, at most 48 KiB).' })
  icon?: string;
  @Field(() => ID, { nullable: true, description: 'The directory connector users sign in to when they enrol (from directoryConnectors); needed before the pack can be sent.' })
  primaryDirectoryId?: string;
  @Field(() => TokenPackThemeInput, { nullable: true, description: 'Colours and logo; a new pack starts with Countersign blue.' }) theme?: TokenPackThemeInput;
  @Field(() => LocalUnlockPolicyEnum, { nullable: true, description: 'What the web authenticator asks before each approval; a new pack starts with NONE. Applies to devices enrolled after the change.' })
  localUnlock?: LocalUnlockPolicyEnum;
}

@InputType({ description: 'A network to trust.' })
export class TrustedNetworkInput {
  @Field(() => String, { description: 'A label for the network, one line of 1 to 100 characters.' }) name!: string;
  @Field(() => String, { description: 'An IPv4 or IPv6 address or CIDR range, e.g. 203.0.113.0/24 or 2001:db8::/48.' }) cidr!: string;
  @Field(() => String, { nullable: true, description: 'A note for admins, up to 500 characters.' }) description?: string;
}
