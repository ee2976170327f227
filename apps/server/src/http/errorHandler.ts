import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError } from '../errors/appError';
import type { Logger } from '../logging/logger';

export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string };
}

export const notFoundHandler: RequestHandler = (request, _response, next) => {
  next(AppError.notFound('route_not_found', `No route for ${request.method} ${request.path}.`));
};

/** The one error handler: known errors keep their status and code; the rest become a bare 500. */
export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _request, response, _next) => {
    const known = toAppError(error);
    if (known.status >= 500) logger.error({ err: error }, 'request failed');
    const body: ErrorBody = { error: { code: known.code, message: known.message } };
    response.status(known.status).json(body);
  };
}

const bodyParserCodes: Record<string, { code: string; message: string }> = {
  'entity.parse.failed': { code: 'malformed_json', message: 'The request body is not valid JSON.' },
  'entity.too.large': { code: 'body_too_large', message: 'The request body is too large.' },
  'encoding.unsupported': { code: 'unsupported_encoding', message: 'Unsupported body encoding.' },
  'charset.unsupported': { code: 'unsupported_charset', message: 'Unsupported body charset.' },
};

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  // body-parser's errors carry a `type` and a 4xx `status`.
  const candidate = error as { status?: unknown; type?: unknown };
  if (typeof candidate.status === 'number' && candidate.status >= 400 && candidate.status < 500) {
    const known = typeof candidate.type === 'string' ? bodyParserCodes[candidate.type] : undefined;
    return new AppError(
      candidate.status,
      known?.code ?? 'bad_request',
      known?.message ?? 'The request could not be read.',
    );
  }
  return new AppError(500, 'internal_error', 'Something went wrong on our side.');
}
