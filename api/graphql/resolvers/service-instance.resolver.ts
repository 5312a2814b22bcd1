import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { serviceMetadataXml, serviceUrls, type ServiceRow } from '../../saml-config';
import { isAppError } from '../../errors';
import { commandContextOf, tenantOf, type GraphQLContext } from '../context';
import { InputCheck } from '../types/input-check.type';
import { inputCheckOf } from './internal/input-check-of';
import { SecondFactorPolicyEnum, ServiceInstance, ServiceInstanceInput, ServiceStateEnum } from '../types/service-instance.type';

function toServiceInstance(row: ServiceRow, ctx: GraphQLContext): ServiceInstance {
  const urls = serviceUrls(ctx.services.config.publicUrl, row.id);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    icon: row.icon,
    directoryConnectorId: row.directory_connector_id,
    samlConnectorId: row.saml_connector_id,
    state: row.state as ServiceStateEnum,
    secondFactor: row.second_factor as SecondFactorPolicyEnum,
    ssoUrl: urls.sso,
    sloUrl: urls.slo,
    metadataUrl: urls.metadata,
    startBlockers: Object.values(ctx.services.serviceInstances.startBlockers(row)),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

@Resolver(() => ServiceInstance)
export class ServiceInstanceResolver {
  @Authorized('config:read')
  @Query(() => [ServiceInstance], { description: 'Service instances of your organisation, by name.' })
  services(@Ctx() ctx: GraphQLContext): ServiceInstance[] {
    return ctx.services.serviceInstances.list(tenantOf(ctx)).map((row) => toServiceInstance(row, ctx));
  }

  @Authorized('config:read')
  @Query(() => ServiceInstance, { description: 'One service instance.' })
  service(@Arg('id', () => ID, { description: 'The service id, from services.' }) id: string, @Ctx() ctx: GraphQLContext): ServiceInstance {
    return toServiceInstance(ctx.services.serviceInstances.find(tenantOf(ctx), id), ctx);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The IdP metadata XML served at metadataUrl; null while the service has no SAML connector.' })
  metadataXml(@Root() service: ServiceInstance, @Ctx() ctx: GraphQLContext): string | null {
    if (!service.samlConnectorId) return null;
    try {
      const connector = ctx.services.samlConnectors.find(tenantOf(ctx), service.samlConnectorId);
      return serviceMetadataXml(ctx.services.config.publicUrl, service.id, connector);
    } catch (error) {
      if (isAppError(error) && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  @Authorized('config:write')
  @Query(() => InputCheck, { description: 'What createService (no id) or updateService (with id) would answer for this input, without saving.' })
  checkServiceInput(
    @Arg('input', () => ServiceInstanceInput, { description: 'The settings as the form holds them now.' }) input: ServiceInstanceInput,
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { nullable: true, description: 'The service being edited; left out for a new service.' }) id?: string | null,
  ): Promise<InputCheck> {
    return inputCheckOf(() => ctx.services.serviceInstances.check(id ?? null, input, commandContextOf(ctx)));
  }

  @Authorized('config:write')
  @Mutation(() => ServiceInstance, { description: 'Creates a stopped service instance; the second factor is REQUIRED unless secondFactor is OFF.' })
  async createService(@Arg('input', () => ServiceInstanceInput, { description: 'The settings of the new service; name is required.' }) input: ServiceInstanceInput, @Ctx() ctx: GraphQLContext): Promise<ServiceInstance> {
    const id = await ctx.services.serviceInstances.create(input, commandContextOf(ctx));
    return this.service(id, ctx);
  }

  @Authorized('config:write')
  @Mutation(() => ServiceInstance, { description: 'Changes a service instance; fields left out keep their values.' })
  async updateService(
    @Arg('id', () => ID, { description: 'The service id, from services.' }) id: string,
    @Arg('input', () => ServiceInstanceInput, { description: 'The fields to change.' }) input: ServiceInstanceInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ServiceInstance> {
    await ctx.services.serviceInstances.update(id, input, commandContextOf(ctx));
    return this.service(id, ctx);
  }

  @Authorized('config:write')
  @Mutation(() => Boolean, { description: 'Deletes a stopped service instance.' })
  async deleteService(@Arg('id', () => ID, { description: 'The service id; the service must be stopped.' }) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await ctx.services.serviceInstances.remove(id, commandContextOf(ctx));
    return true;
  }

  @Authorized('config:write')
  @Mutation(() => ServiceInstance, { description: 'Starts answering sign-ins; refused until both connectors are chosen and exist.' })
  async startService(@Arg('id', () => ID, { description: 'The service id, from services.' }) id: string, @Ctx() ctx: GraphQLContext): Promise<ServiceInstance> {
    await ctx.services.serviceInstances.start(id, commandContextOf(ctx));
    return this.service(id, ctx);
  }

  @Authorized('config:write')
  @Mutation(() => ServiceInstance, { description: 'Stops answering sign-ins.' })
  async stopService(@Arg('id', () => ID, { description: 'The service id, from services.' }) id: string, @Ctx() ctx: GraphQLContext): Promise<ServiceInstance> {
    await ctx.services.serviceInstances.stop(id, commandContextOf(ctx));
    return this.service(id, ctx);
  }
}
