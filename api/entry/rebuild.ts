import 'reflect-metadata';
import { join } from 'node:path';
import { allProjections, createProjectionRunner, openReadModelDb } from '../../projections';
import { ConfigError, loadConfig } from '../config/config';
import { openEventStore } from '../runtime/open-event-store';

/**
 * `npm run rebuild`: drops this node's read models and replays the whole event store into
 * them. Run it with the server stopped (or on a node taken out of rotation).
 */
try {
  const config = loadConfig(process.env);
  const store = await openEventStore(config, { crossProcess: false });
  const db = openReadModelDb(join(config.dataDir, 'readmodels.sqlite'));
  const runner = createProjectionRunner({ store, db, projections: allProjections });
  const started = Date.now();
  await runner.start();
  await runner.rebuild();
  console.log(`Rebuilt ${allProjections.length} read models up to position ${runner.position()} in ${Date.now() - started} ms.`);
  await runner.stop();
  await store.close();
  db.close();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
