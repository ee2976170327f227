import express, { type Express } from 'express';
import type { Logger } from '../logging/logger';
import type { CollabMetrics } from '../metrics/collabMetrics';
import { createErrorHandler, notFoundHandler } from './errorHandler';

export interface HttpAppDependencies {
  readonly metrics: CollabMetrics;
  readonly logger: Logger;
  /** True once storage is open and the server accepts work. */
  readonly isReady: () => boolean;
}

/** REST under `/api`, plus `/metrics` for Prometheus. */
export function createHttpApp({ metrics, logger, isReady }: HttpAppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '256kb' }));

  app.get('/api/health', (_request, response) => {
    if (isReady()) response.json({ status: 'ok' });
    else
      response.status(503).json({ error: { code: 'not_ready', message: 'Starting or stopping.' } });
  });

  app.get('/metrics', async (_request, response, next) => {
    try {
      response.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    } catch (error) {
      next(error);
    }
  });

  app.use(notFoundHandler);
  app.use(createErrorHandler(logger));
  return app;
}
