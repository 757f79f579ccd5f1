// The worker threads as a Fastify plugin (docs/architecture.md §7): app.workers for the routes,
// ended on the app's close, so SIGTERM leaves no thread behind (tests/operations/lifecycle.test.ts).
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { XlsxWorkers, type WorkerOptions } from './pool';

declare module 'fastify' {
  interface FastifyInstance {
    workers: XlsxWorkers;
  }
}

const plugin: FastifyPluginAsync<WorkerOptions> = async (app, options) => {
  const workers = new XlsxWorkers(options, (error) => app.log.error({ err: error }, 'worker thread failed'));
  app.decorate('workers', workers);
  app.addHook('onClose', async () => workers.close());
};

export const workersPlugin = fp(plugin, { name: 'workers' });
