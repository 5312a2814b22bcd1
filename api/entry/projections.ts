import 'reflect-metadata';
import { runProcess } from '../runtime/run-process';

/** Production: the process that keeps this node's read models current. */
await runProcess(['projections']);
