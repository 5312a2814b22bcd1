import 'reflect-metadata';
import { runProcess } from '../runtime/run-process';

/** Production: the stateless API process (GraphQL, SAML and sign-in pages). */
await runProcess(['api']);
