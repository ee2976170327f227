import type { RequestHandler } from 'express';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@atelier/protocol';
import { AppError } from '../../errors/appError';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for cookie sessions, two checks on every state-changing request:
 * a browser's Origin must be ours, and the request must carry a custom header, which a page on
 * another site cannot add without a CORS preflight that we never grant.
 */
export function csrfGuard(publicOrigin: string): RequestHandler {
  return (request, _response, next) => {
    if (SAFE_METHODS.has(request.method)) return next();
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== publicOrigin) {
      return next(
        AppError.forbidden('csrf_check_failed', 'Requests from another site are refused.'),
      );
    }
    if (request.headers[CSRF_HEADER] !== CSRF_HEADER_VALUE) {
      return next(
        AppError.forbidden(
          'csrf_check_failed',
          `State-changing requests must send the header ${CSRF_HEADER}: ${CSRF_HEADER_VALUE}.`,
        ),
      );
    }
    next();
  };
}
