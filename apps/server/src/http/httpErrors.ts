import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../logging/logger';

/**
 * An error a client can act on: an HTTP status, a stable machine code and a human message.
 * Anything else that reaches the error handler becomes a generic 500 that leaks nothing.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string };
}

export const notFoundHandler: RequestHandler = (request, _response, next) => {
  next(new HttpError(404, 'not_found', `No route for ${request.method} ${request.path}`));
};

export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _request, response, _next) => {
    const known = toHttpError(error);
    if (known.status >= 500) logger.error({ err: error }, 'request failed');
    const body: ErrorBody = { error: { code: known.code, message: known.message } };
    response.status(known.status).json(body);
  };
}

function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  // body-parser's errors carry a `type` and a 4xx `status` (malformed JSON, body too large).
  const candidate = error as { status?: unknown; type?: unknown };
  if (typeof candidate.status === 'number' && candidate.status >= 400 && candidate.status < 500) {
    const code = typeof candidate.type === 'string' ? candidate.type.replaceAll('.', '_') : 'bad_request';
    return new HttpError(candidate.status, code, 'The request could not be read.');
  }
  return new HttpError(500, 'internal_error', 'Something went wrong on our side.');
}
