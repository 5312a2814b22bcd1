import { Field, GraphQLISODateTime, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

export enum ServiceStateEnum {
  STARTED = 'STARTED',
  STOPPED = 'STOPPED',
}
registerEnumType(ServiceStateEnum, { name: 'ServiceState', description: 'STARTED: the service answers sign-ins. STOPPED: its sign-in URLs refuse them.' });

export enum SecondFactorPolicyEnum {
  REQUIRED = 'REQUIRED',
  OFF = 'OFF',
}
registerEnumType(SecondFactorPolicyEnum, {
  name: 'SecondFactorPolicy',
  description: 'REQUIRED (the default): every sign-in needs the approval on the enrolled device. OFF: password only; only ever set explicitly, per service.',
});

@ObjectType({ description: 'Countersign in front of one application: which directory checks passwords, which SAML connector answers the application, and whether it runs.' })
export class ServiceInstance {
  @Field(() => ID, { description: "The service's id (a UUID); it is part of the ssoUrl, sloUrl and metadataUrl." }) id!: string;
  @Field(() => String, { description: 'The name users and admins see, e.g. Office 365.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'A note for admins, up to 500 characters; null when none.' }) description!: string | null;
  @Field(() => String, { nullable: true, description: 'An icon name such as office-365, an https:// URL, or a data:image URL.' }) icon!: string | null;
  @Field(() => ID, { nullable: true, description: 'The directory users sign in against.' }) directoryConnectorId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The SAML connector that describes the application and signs the answers.' }) samlConnectorId!: string | null;
  @Field(() => ServiceStateEnum, { description: 'Whether the service answers sign-ins now; change it with startService and stopService.' }) state!: ServiceStateEnum;
  @Field(() => SecondFactorPolicyEnum, { description: 'Whether sign-ins to this service need the approval on an enrolled device.' }) secondFactor!: SecondFactorPolicyEnum;
  @Field(() => String, { description: "Single sign-on URL (HTTP-POST and HTTP-Redirect). For Office 365 this is the domain's PassiveSignInUri, which the federation script sets." })
  ssoUrl!: string;
  @Field(() => String, { description: "Single logout URL. For Office 365 this is the domain's SignOutUri." }) sloUrl!: string;
  @Field(() => String, { description: 'IdP metadata URL to give service providers that read metadata (Entra ID does not; use the federation script).' }) metadataUrl!: string;
  @Field(() => [String], { description: 'What keeps the service from starting; empty when it can start.' }) startBlockers!: string[];
  @Field(() => GraphQLISODateTime, { description: 'When the service was created (ISO-8601, UTC).' }) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When its settings or state last changed (ISO-8601, UTC).' }) updatedAt!: Date;
}

@InputType({
  description:
    'Service instance settings. name is required on create. On update a field left out keeps its value; an empty description or icon clears it. secondFactor is REQUIRED unless set to OFF explicitly, and an update without it never changes it.',
})
export class ServiceInstanceInput {
  @Field(() => String, { nullable: true, description: 'The name users recognise, 1 to 100 characters; required on create.' }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'A note for admins, up to 500 characters.' }) description?: string | null;
  @Field(() => String, { nullable: true, description: 'An icon name such as office-365, an https:// URL, or a base64 data:image URL (PNG, JPEG, GIF, WebP or SVG, at most 48 KiB).' })
  icon?: string | null;
  @Field(() => ID, { nullable: true, description: 'The directory connector users sign in against (from directoryConnectors); needed before the service can start.' })
  directoryConnectorId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The SAML connector of the application (from samlConnectors); needed before the service can start.' }) samlConnectorId?: string | null;
  @Field(() => SecondFactorPolicyEnum, { nullable: true, description: 'Set OFF only to allow password-only sign-ins; left out, a new service gets REQUIRED and an existing one keeps its policy.' })
  secondFactor?: SecondFactorPolicyEnum | null;
}
