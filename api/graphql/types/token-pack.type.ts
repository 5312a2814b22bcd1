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

@ObjectType({ description: 'Colours and logo the authenticator shows for a token pack.' })
export class TokenPackTheme {
  @Field(() => String, { description: '#rrggbb' }) primaryColor!: string;
  @Field(() => String, { description: '#rrggbb' }) accentColor!: string;
  @Field(() => String, { nullable: true, description: 'An https:// URL or a data:image URL.' }) logoUrl!: string | null;
}

@ObjectType('TokenPackService', { description: 'A service of the organisation, and whether this token pack enables it.' })
export class TokenPackServiceEntry {
  @Field(() => ID) serviceId!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => Boolean) enabled!: boolean;
}

@ObjectType({ description: 'A network whose clients a token pack trusts.' })
export class TrustedNetwork {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'Canonical address/prefix: host bits cleared, IPv6 compressed, a single address as /32 or /128.' }) cidr!: string;
  @Field(() => String) description!: string;
  @Field(() => GraphQLISODateTime) addedAt!: Date;
}

@ObjectType({ description: 'One email of a token pack to one address, and its outcome.' })
export class TokenPackSend {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => TokenPackSendStatusEnum) status!: TokenPackSendStatusEnum;
  @Field(() => String, { nullable: true, description: 'Why the last try failed, for FAILED and retrying QUEUED sends.' }) reason!: string | null;
  @Field(() => GraphQLISODateTime, { description: 'When the enrollment link in the email stops working.' }) expiresAt!: Date;
  @Field(() => GraphQLISODateTime) requestedAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

@ObjectType({ description: 'What a user gets to enrol a device: the directory they sign in to, the services it enables, its look, and the networks it trusts.' })
export class TokenPack {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: 'An icon name such as token-pack, an https:// URL, or a data:image URL.' }) icon!: string | null;
  @Field(() => ID, { nullable: true, description: 'The directory users sign in to when they enrol.' }) primaryDirectoryId!: string | null;
  @Field(() => TokenPackTheme) theme!: TokenPackTheme;
  @Field(() => Boolean, { description: 'True for the token pack every organisation starts with, until it is edited.' }) template!: boolean;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

@InputType({ description: 'Theme fields; on update, a field left out keeps its value.' })
export class TokenPackThemeInput {
  @Field(() => String, { nullable: true }) primaryColor?: string;
  @Field(() => String, { nullable: true }) accentColor?: string;
  @Field(() => String, { nullable: true, description: 'Empty to remove the logo.' }) logoUrl?: string;
}

@InputType({ description: 'Token pack settings; on update, a field left out keeps its value and an empty icon or primaryDirectoryId clears it.' })
export class TokenPackInput {
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) icon?: string;
  @Field(() => ID, { nullable: true }) primaryDirectoryId?: string;
  @Field(() => TokenPackThemeInput, { nullable: true }) theme?: TokenPackThemeInput;
}

@InputType({ description: 'A network to trust.' })
export class TrustedNetworkInput {
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'An IPv4 or IPv6 address or CIDR range, e.g. 203.0.113.0/24 or 2001:db8::/48.' }) cidr!: string;
  @Field(() => String, { nullable: true }) description?: string;
}
