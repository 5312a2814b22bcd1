import 'reflect-metadata';
import { runProcess } from '../runtime/run-process';

/** Production: reactors and job workers (mail, push). */
await runProcess(['workers']);
