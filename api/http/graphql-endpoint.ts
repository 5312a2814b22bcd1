import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import express, { type Express } from 'express';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { AppServices } from '../app-services';
import { AppError, isAppError } from '../errors';
import type { GraphQLContext } from '../graphql/context';
import { createFormatError } from '../graphql/format-error';
import { clientIp, userAgent } from './client-info';
import { createLiveAuthorization } from './live-authorization';
import { resolvePrincipal } from './resolve-principal';
import { sessionCookieWriter } from './session-cookies';

/**
 * Mounts GraphQL at /graphql: queries and mutations over HTTP POST (Apollo Server, with its
 * CSRF prevention on), subscriptions over graphql-ws on the same port and path.
 */
export async function mountGraphQL(app: Express, httpServer: Server, services: AppServices, schema: GraphQLSchema) {
  // noServer: several WebSocket endpoints share the port (the device channel too); each takes only its path.
  const wsServer = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  httpServer.on('upgrade', (req, socket, head) => {
    if ((req.url ?? '').split('?')[0] !== '/graphql') return;
    wsServer.handleUpgrade(req, socket, head, (ws) => wsServer.emit('connection', ws, req));
  });
  const secure = services.config.publicUrl.startsWith('https:');
  const liveAuthorization = createLiveAuthorization(services.progress);
  const wsCleanup = useServer<Record<string, unknown>>(
    {
      schema,
      context: (ctx): GraphQLContext => {
        const req = ctx.extra.request;
        const authorization = typeof ctx.connectionParams?.authorization === 'string' ? ctx.connectionParams.authorization : undefined;
        let principal = null;
        try {
          principal = resolvePrincipal(services, req, { kind: 'ws', authorization });
        } catch {
          // Access ended since the socket connected: the operation is refused as unauthenticated,
          // and live authorization closes the socket.
        }
        return {
          services,
          principal,
          request: { ip: clientIp(req, services.config.COUNTERSIGN_TRUSTED_PROXIES), userAgent: userAgent(req), correlationId: randomUUID() },
        };
      },
      onConnect: (ctx) => {
        const authorization = typeof ctx.connectionParams?.authorization === 'string' ? ctx.connectionParams.authorization : undefined;
        const stillAllowed = () => resolvePrincipal(services, ctx.extra.request, { kind: 'ws', authorization }) !== null;
        try {
          if (!stillAllowed()) return false;
        } catch {
          return false;
        }
        liveAuthorization.track(ctx.extra.socket, stillAllowed);
        return true;
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    formatError: createFormatError(services.logger),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // runProcess owns SIGTERM/SIGINT and stops Apollo in order with everything else. Apollo's
    // own handlers started a second stop first, and ours then waited on it forever (its
    // barrier is only released on failure), so every shutdown ran into the 25 s force exit.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { async serverWillStart() { return { async drainServer() { liveAuthorization.close(); await wsCleanup.dispose(); } }; } },
    ],
  });
  await apollo.start();

  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const request = {
          ip: clientIp(req, services.config.COUNTERSIGN_TRUSTED_PROXIES),
          userAgent: userAgent(req),
          correlationId: randomUUID(),
        };
        let principal;
        try {
          principal = resolvePrincipal(services, req, { kind: 'http' });
        } catch (error) {
          if (!isAppError(error)) throw error;
          throw graphQLContextError(error);
        }
        return { services, principal, request, cookies: sessionCookieWriter(res, secure) };
      },
    }),
  );
  return apollo;
}

/** Apollo turns an error thrown while building the context into a response with this status and code. */
function graphQLContextError(error: AppError) {
  return new GraphQLError(error.message, { extensions: { code: error.code, http: { status: error.status } } });
}
