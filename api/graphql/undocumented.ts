import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';

const builtInScalars = ['String', 'Int', 'Float', 'Boolean', 'ID'];

/**
 * Types, fields, enum values, and arguments of root fields (queries, mutations, subscriptions)
 * of our schema that have no description. An enum value counts as described when its enum is.
 */
export function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter((t) => t !== null && t !== undefined);
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || builtInScalars.includes(type.name)) continue;
    const isRoot = roots.includes(type as never);
    if (!type.description && !isRoot) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        if (isRoot && 'args' in field) {
          for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) if (!value.description && !type.description) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}
