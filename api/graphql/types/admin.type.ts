import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum AdminRoleEnum {
  OWNER = 'owner',
  ADMIN = 'admin',
  AUDITOR = 'auditor',
}
registerEnumType(AdminRoleEnum, {
  name: 'AdminRole',
  description: 'OWNER manages everything including admins; ADMIN configures; AUDITOR reads only.',
});

@ObjectType({ description: 'A person who runs Countersign for an organisation.' })
export class Admin {
  @Field(() => ID, { description: "The admin's id (a UUID); audit events they cause carry it as actor.id with actor.kind admin." })
  id!: string;

  @Field(() => String, { description: 'The email address the admin signs in with.' })
  email!: string;

  @Field(() => AdminRoleEnum, { description: 'What the admin may do in the dashboard and the API.' })
  role!: AdminRoleEnum;

  @Field(() => ID, { description: 'The organisation (tenant) the admin belongs to.' })
  tenantId!: string;
}

@ObjectType({ description: 'The result of signing in: who you are, and the CSRF token to send as x-csrf-token.' })
export class AdminSession {
  @Field(() => Admin, { description: 'The admin now signed in.' })
  admin!: Admin;

  @Field(() => String, { description: 'Send this in the x-csrf-token header of every later request that uses the session cookie.' })
  csrfToken!: string;
}
