import path from 'node:path';
import express, { Router, type Express } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { Logger } from '../logging/logger';
import type { CollabMetrics } from '../metrics/collabMetrics';
import type { SessionService } from '../workspace/auth/sessionService';
import { createErrorHandler, notFoundHandler } from './errorHandler';
import { csrfGuard } from './middleware/csrfGuard';
import { jsonOnly } from './middleware/jsonOnly';
import { sessionResolver, userOf } from './middleware/sessionResolver';
import { buildOpenApiDocument } from './openApiDocument';
import { mountRoutes, type AnyRouteDefinition } from './routeDefinition';
import { AppError } from '../errors/appError';

/** Bodies are small JSON documents; anything bigger is a mistake or an attack. */
const JSON_BODY_LIMIT = '100kb';
const API_VERSION = '0.1.0';

export interface HttpAppDependencies {
  readonly metrics: CollabMetrics;
  readonly logger: Logger;
  /** True once storage is open and the server accepts work. */
  readonly isReady: () => boolean;
  readonly publicOrigin: string;
  /** Directory of the built web client (apps/web/dist), served with a single-page fallback. */
  readonly webRoot?: string | null;
  /** Present when the workspace (accounts, consultations) is wired; absent in collab-only setups. */
  readonly api?: {
    readonly routes: readonly AnyRouteDefinition[];
    readonly sessions: SessionService;
    readonly cookieName: string;
    /** Per client address, over all of /api. */
    readonly requestsPerMinute: number;
  };
}

/** REST under `/api`, `/api/openapi.json`, and `/metrics` for Prometheus. */
export function createHttpApp({
  metrics,
  logger,
  isReady,
  publicOrigin,
  webRoot,
  api,
}: HttpAppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  // One reverse proxy in front (see infra/): trust it for the client address used in rate limits.
  app.set('trust proxy', 'loopback');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'", publicOrigin.replace(/^http/, 'ws')],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );

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

  if (api) {
    // Built on first request: generating JSON schemas allocates a lot for a page few will read.
    let openApi: ReturnType<typeof buildOpenApiDocument> | null = null;
    app.get('/api/openapi.json', (_request, response) => {
      openApi ??= buildOpenApiDocument(api.routes, API_VERSION);
      response.json(openApi);
    });
    const router = Router();
    router.use(
      rateLimit({
        windowMs: 60_000,
        limit: api.requestsPerMinute,
        standardHeaders: 'draft-8',
        legacyHeaders: false,
        handler: (_request, _response, next) =>
          next(
            new AppError(
              429,
              'rate_limited',
              'Too many requests; slow down and try again in a minute.',
            ),
          ),
      }),
    );
    router.use(csrfGuard(publicOrigin));
    router.use(jsonOnly);
    router.use(express.json({ limit: JSON_BODY_LIMIT, strict: true }));
    router.use(sessionResolver(api.sessions, api.cookieName));
    mountRoutes(router, api.routes, userOf);
    app.use('/api', router);
  }

  if (webRoot) serveWebClient(app, webRoot);
  app.use(notFoundHandler);
  app.use(createErrorHandler(logger));
  return app;
}

/** Hashed build assets are immutable; everything else (index.html) is revalidated. */
const ASSET_MAX_AGE = '365d';

function serveWebClient(app: Express, webRoot: string): void {
  app.use(
    '/assets',
    express.static(path.join(webRoot, 'assets'), { immutable: true, maxAge: ASSET_MAX_AGE }),
  );
  app.use(express.static(webRoot, { index: false }));
  // The client routes (/consultations/..., /accessibilite) all load the same page.
  app.get(/^(?!\/api\/|\/collab\/|\/metrics$|\/socket\.io\/).*/, (request, response, next) => {
    if (!request.accepts('html')) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(path.join(webRoot, 'index.html'));
  });
}
