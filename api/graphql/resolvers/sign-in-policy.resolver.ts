import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { streamId } from '../../commands';
import { tenantDecider, type TenantCommand } from '../../domain/tenant';
import { commandContextOf, tenantOf, type GraphQLContext } from '../context';
import { InputCheck } from '../types/input-check.type';
import { inputCheckOf } from './internal/input-check-of';
import { SignInPolicy } from '../types/sign-in-policy.type';

const tenantStream = (tenantId: string) => streamId('tenant', tenantId, tenantId);
/** The one command both the mutation and its check decide. */
const setPolicy = (maxFailures: number, windowMinutes: number): TenantCommand => ({ type: 'SetSignInPolicy', policy: { maxFailures, windowMinutes } });

@Resolver()
export class SignInPolicyResolver {
  @Authorized('config:read')
  @Query(() => SignInPolicy, { description: "Your organisation's sign-in lockout policy." })
  signInPolicy(@Ctx() ctx: GraphQLContext): SignInPolicy {
    return ctx.services.signInPolicies.of(tenantOf(ctx));
  }

  @Authorized('config:write')
  @Mutation(() => SignInPolicy, { description: 'Tunes the sign-in lockout: wrong passwords allowed per window, and the window in minutes.' })
  async updateSignInPolicy(
    @Arg('maxFailures', () => Int, { description: 'Wrong passwords allowed per user or client address within the window, 3 to 100.' }) maxFailures: number,
    @Arg('windowMinutes', () => Int, { description: 'Length of the window, and of the wait after it fills, in minutes: 1 to 1440.' }) windowMinutes: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SignInPolicy> {
    const tenantId = tenantOf(ctx);
    await ctx.services.execute(tenantDecider, tenantStream(tenantId), setPolicy(maxFailures, windowMinutes), commandContextOf(ctx));
    return ctx.services.signInPolicies.of(tenantId);
  }

  @Authorized('config:write')
  @Query(() => InputCheck, { description: 'What updateSignInPolicy would answer for these numbers, without saving.' })
  async checkSignInPolicyInput(
    @Arg('maxFailures', () => Int, { description: 'Wrong passwords allowed per window, as the form holds it now.' }) maxFailures: number,
    @Arg('windowMinutes', () => Int, { description: 'The window in minutes, as the form holds it now.' }) windowMinutes: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<InputCheck> {
    return inputCheckOf(() => ctx.services.execute.dryRun(tenantDecider, tenantStream(tenantOf(ctx)), setPolicy(maxFailures, windowMinutes)));
  }
}
