import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AdminRoleEnum } from './admin.type';

export enum AdminStateEnum {
  INVITED = 'invited',
  ACTIVE = 'active',
  REMOVED = 'removed',
}
registerEnumType(AdminStateEnum, {
  name: 'AdminState',
  description: 'Where an admin account stands.',
  valuesConfig: {
    INVITED: { description: 'Invited by email; cannot sign in until they open the link and choose a password.' },
    ACTIVE: { description: 'Can sign in with their email and password.' },
    REMOVED: { description: 'Removed, or their invitation was revoked; cannot sign in. Hidden from the admins list unless asked for.' },
  },
});

@ObjectType({ description: 'An admin of your organisation, as owners manage them in Settings › Admins & roles.' })
export class AdminAccount {
  @Field(() => ID, { description: "The admin's id; audit events they cause carry it as actor.id with actor.kind admin." })
  id!: string;

  @Field(() => String, { description: 'The email address the admin signs in with (lower case).' })
  email!: string;

  @Field(() => AdminRoleEnum, { description: 'What the admin may do; for an invited admin, the role they get on accepting.' })
  role!: AdminRoleEnum;

  @Field(() => AdminStateEnum, { description: 'Invited, active or removed.' })
  state!: AdminStateEnum;

  @Field(() => String, { nullable: true, description: 'Email of the admin who sent the invitation; null for the first owner, created at setup.' })
  invitedBy!: string | null;

  @Field(() => GraphQLISODateTime, { description: 'When the admin was invited or added.' })
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the admin last signed in to the dashboard; null if never.' })
  lastSignInAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'While INVITED: when the invitation link stops working (7 days after it was sent).' })
  invitationExpiresAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'While INVITED: why the invitation email could not be sent (the mail worker gave up); null when it was sent or is still being tried. Resend the invitation once fixed.' })
  invitationEmailProblem!: string | null;

  @Field(() => Boolean, { description: 'True for the admin making the request.' })
  isYou!: boolean;
}

@ObjectType({ description: 'A page of admins, ordered by email.' })
export class AdminAccountPage {
  @Field(() => [AdminAccount], { description: 'The admins of this page.' }) admins!: AdminAccount[];
  @Field(() => Int, { description: 'Admins matching the search and states in all pages.' }) total!: number;
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page.' }) endCursor!: string | null;
  @Field(() => Boolean, { description: 'Whether another page follows.' }) hasNextPage!: boolean;
}

@InputType({ description: 'Whom to invite as an admin, and with which role.' })
export class InviteAdminInput {
  @Field(() => String, { description: 'Their email address; the invitation link is sent there, and they sign in with it.' })
  email!: string;

  @Field(() => AdminRoleEnum, { description: 'OWNER also manages admins and API keys; ADMIN changes the configuration and users; AUDITOR only reads.' })
  role!: AdminRoleEnum;
}

@ObjectType({ description: 'An admin invitation as its link shows it, before the invitee chooses a password.' })
export class AdminInvitation {
  @Field(() => String, { description: 'The invited email address; the invitee signs in with it.' }) email!: string;
  @Field(() => AdminRoleEnum, { description: 'The role the invitee gets on accepting.' }) role!: AdminRoleEnum;
  @Field(() => String, { description: 'The name of the organisation that invites them.' }) organisation!: string;
  @Field(() => GraphQLISODateTime, { description: 'When the link stops working.' }) expiresAt!: Date;
}
