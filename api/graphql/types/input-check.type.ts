import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One field a check found a problem with, and what to fix.' })
export class FieldProblem {
  @Field(() => String, { description: 'The field path as the mutation names it, e.g. baseDn or hosts.1.' }) field!: string;
  @Field(() => String, { description: 'A sentence saying what to fix, the same the mutation would answer.' }) message!: string;
}

@ObjectType({
  description: 'What saving a form would answer, without saving: the same parsing and rules as the mutation, with nothing written and no connection made.',
})
export class InputCheck {
  @Field(() => Boolean, { description: 'True when the mutation would accept this input as it stands.' }) ok!: boolean;
  @Field(() => [FieldProblem], { description: 'Problems tied to a field, in the order the mutation reports them; empty when ok.' }) fields!: FieldProblem[];
  @Field(() => String, { nullable: true, description: 'A problem not tied to one field (e.g. a name already taken); null when there is none.' })
  message!: string | null;
}
