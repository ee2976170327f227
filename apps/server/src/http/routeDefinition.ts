import type { Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import type { User } from '@atelier/domain';
import { AppError } from '../errors/appError';

/**
 * One declaration per endpoint: its path, the zod schemas of what it accepts and returns, and
 * the use case it calls. The router and the OpenAPI document are both built from this list, so
 * the documentation cannot drift from what the server enforces.
 */
export interface RouteContext<P, Q, B> {
  readonly user: User | null;
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly request: Request;
  readonly response: Response;
}

export interface RouteDefinition<P = unknown, Q = unknown, B = unknown, R = unknown> {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI style: `/consultations/{id}`, relative to `/api`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly params?: z.ZodType<P>;
  readonly query?: z.ZodType<Q>;
  readonly body?: z.ZodType<B>;
  /** Null for 204 No Content. */
  readonly response: z.ZodType<R> | null;
  readonly successStatus?: number;
  /** Error codes this route may answer with, for the documentation. */
  readonly errors: readonly number[];
  readonly handler: (context: RouteContext<P, Q, B>) => Promise<R>;
}

// The helper only exists to infer P, Q, B and R from the schemas.
export function defineRoute<P, Q, B, R>(
  definition: RouteDefinition<P, Q, B, R>,
): RouteDefinition<P, Q, B, R> {
  return definition;
}

export type AnyRouteDefinition = RouteDefinition<any, any, any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const idParamsSchema = z.strictObject({ id: z.string().min(1).max(64) });

export function mountRoutes(
  router: Router,
  routes: readonly AnyRouteDefinition[],
  resolveUser: (request: Request) => User | null,
) {
  for (const route of routes) {
    const expressPath = route.path.replace(/\{(\w+)\}/g, ':$1');
    const handler: RequestHandler = async (request, response, next) => {
      try {
        const params = parse(route.params, request.params, 'path parameters');
        const query = parse(route.query, request.query, 'query');
        // A body must be a JSON object when the route takes one; none otherwise.
        const body = route.body ? parse(route.body, request.body ?? {}, 'body') : undefined;
        const result = await route.handler({
          user: resolveUser(request),
          params,
          query,
          body,
          request,
          response,
        });
        if (response.headersSent) return;
        if (route.response === null) response.status(route.successStatus ?? 204).end();
        else response.status(route.successStatus ?? 200).json(result);
      } catch (error) {
        next(error);
      }
    };
    router[route.method](expressPath, handler);
  }
}

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const location = first && first.path.length > 0 ? ` (${first.path.join('.')})` : '';
  throw AppError.badRequest(
    'validation_failed',
    `Invalid ${where}${location}: ${first?.message ?? 'invalid value'}.`,
  );
}
