// The database as a Fastify plugin (fastify/demo): opened and migrated on register, closed onClose.
import fp from 'fastify-plugin';
import type { Db } from './connect';
import { migrateToLatest } from './migrate';
import { ReadinessProbe } from './readiness';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    /** GET /api/health/ready and the error handler's record of storage failures. */
    readiness: ReadinessProbe;
  }
}

export interface DbPluginOptions {
  /** Opens the database; called once when the app is built. */
  readonly open: () => Db;
  /** Close the database with the app (false when a test owns it). */
  readonly closeOnExit?: boolean;
}

export const dbPlugin = fp<DbPluginOptions>(
  async (app, options) => {
    const db = options.open();
    try {
      await migrateToLatest(db);
    } catch (error) {
      await db.close();
      throw error;
    }
    app.decorate('db', db);
    app.decorate('readiness', new ReadinessProbe(db));
    if (options.closeOnExit !== false) app.addHook('onClose', async () => db.close());
  },
  { name: 'db' },
);
