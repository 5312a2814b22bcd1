import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum DeviceStatus {
  ACTIVE = 'ACTIVE',
  REVOKED = 'REVOKED',
}
registerEnumType(DeviceStatus, { name: 'DeviceStatus', description: 'ACTIVE: approves sign-ins. REVOKED: its signatures are refused.' });

@ObjectType({ description: "An enrolled authenticator device. Its private key never left it; the server keeps the public key's thumbprint." })
export class Device {
  @Field(() => ID, { description: 'The device id (a UUID); audit events the device causes carry it as actor.id.' })
  id!: string;

  @Field(() => String, { description: 'The name given at activation.' })
  name!: string;

  @Field(() => String, { description: 'Whose device it is (login name in its directory).' })
  username!: string;

  @Field(() => ID, { description: 'The directory the user signed in to when enrolling this device.' })
  directoryConnectorId!: string;

  @Field(() => DeviceStatus, { description: 'Whether the device can approve sign-ins.' })
  status!: DeviceStatus;

  @Field(() => String, { description: 'RFC 7638 SHA-256 thumbprint of the device public key.' })
  keyThumbprint!: string;

  @Field(() => GraphQLISODateTime, { description: 'When the device was activated (ISO-8601, UTC).' })
  activatedAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When a TOTP code of this device last passed.' })
  lastCodeAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the device was revoked (ISO-8601, UTC); null while active.' })
  revokedAt!: Date | null;

  @Field(() => String, { nullable: true, description: '"admin:<id>" or "device:<id>".' })
  revokedBy!: string | null;
}
