import type { DenialReason } from '@atelier/domain';

/**
 * An error a client can act on: an HTTP status, a stable machine code and a human message.
 * Use cases throw these; the HTTP error handler renders them as
 * `{ "error": { "code", "message" } }`. Anything else becomes a generic 500 that leaks nothing.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  static badRequest(code: string, message: string): AppError {
    return new AppError(400, code, message);
  }
  static unauthorized(message = 'Sign in to continue.'): AppError {
    return new AppError(401, 'authentication_required', message);
  }
  static forbidden(code: string, message: string): AppError {
    return new AppError(403, code, message);
  }
  static notFound(code: string, message: string): AppError {
    return new AppError(404, code, message);
  }
  static conflict(code: string, message: string): AppError {
    return new AppError(409, code, message);
  }
}

const denialMessages: Record<DenialReason, { status: number; code: string; message: string }> = {
  signed_out: { status: 401, code: 'authentication_required', message: 'Sign in to continue.' },
  account_disabled: { status: 403, code: 'account_disabled', message: 'This account is disabled.' },
  not_a_member: {
    status: 403,
    code: 'not_a_member',
    message: 'You are not a member of this consultation.',
  },
  role_too_low: {
    status: 403,
    code: 'insufficient_role',
    message: 'Your role in this consultation does not allow this.',
  },
  consultation_closed: {
    status: 409,
    code: 'consultation_closed',
    message: 'This consultation is closed to changes.',
  },
  draft_locked: {
    status: 409,
    code: 'draft_locked',
    message: 'This draft is locked by the facilitators.',
  },
};

/** The error for a permission the policy refused. */
export function denied(reason: DenialReason): AppError {
  const { status, code, message } = denialMessages[reason];
  return new AppError(status, code, message);
}
