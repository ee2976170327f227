import type { RequestHandler } from 'express';
import { AppError } from '../../errors/appError';

/** A body that is not JSON would silently parse as empty; refuse it with a clear error instead. */
export const jsonOnly: RequestHandler = (request, _response, next) => {
  const hasBody =
    Number(request.headers['content-length'] ?? 0) > 0 ||
    request.headers['transfer-encoding'] !== undefined;
  if (hasBody && !request.is('application/json')) {
    return next(new AppError(415, 'unsupported_media_type', 'Send the body as application/json.'));
  }
  next();
};
