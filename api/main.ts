import 'reflect-metadata';
import { runProcess } from './runtime/run-process';

/** `npm start`: API, projections and workers in one process (single-node mode). */
await runProcess(['api', 'projections', 'workers']);
