import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'When users are locked out after wrong passwords on the sign-in page (per user and per client address).' })
export class SignInPolicy {
  @Field(() => Int, { description: 'Wrong passwords allowed in the window before sign-in waits (3 to 100).' }) maxFailures!: number;
  @Field(() => Int, { description: 'Length of the window in minutes; also how long the wait lasts (1 to 1440).' }) windowMinutes!: number;
}
