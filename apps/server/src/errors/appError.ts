import type { CommentDenialReason } from '@atelier/domain';

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

// CommentDenialReason includes every DenialReason: one table for the workspace and comment rules.
const denialMessages: Record<
  CommentDenialReason,
  { status: number; code: string; message: string }
> = {
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
  muted: {
    status: 403,
    code: 'muted',
    message: 'You are muted in this consultation by its moderators for now.',
  },
  // One code for "comments are not being taken here now", with the reason in the message.
  round_not_open_yet: {
    status: 409,
    code: 'round_not_open',
    message: 'This comment round has not opened yet.',
  },
  round_closed: {
    status: 409,
    code: 'round_not_open',
    message: 'This comment round is closed: new comments are no longer accepted.',
  },
  no_open_round: {
    status: 409,
    code: 'round_not_open',
    message: 'No comment round is open on this commitment.',
  },
  commitment_not_in_round: {
    status: 409,
    code: 'commitment_not_in_round',
    message: 'This commitment is not part of that comment round.',
  },
  not_author: {
    status: 403,
    code: 'not_author',
    message: 'Only the author of a comment can do this.',
  },
  not_lead_organisation: {
    status: 403,
    code: 'not_lead_organisation',
    message: 'Only facilitators and members of the lead organisations can do this.',
  },
  thread_hidden: {
    status: 409,
    code: 'thread_hidden',
    message: 'This thread was hidden by moderation and takes no replies.',
  },
  comment_deleted: {
    status: 409,
    code: 'comment_deleted',
    message: 'This comment was deleted.',
  },
  comment_hidden: {
    status: 409,
    code: 'comment_hidden',
    message: 'This comment is hidden by moderation.',
  },
  comment_not_hidden: {
    status: 409,
    code: 'comment_not_hidden',
    message: 'This comment is not hidden.',
  },
  cannot_mute_moderator: {
    status: 403,
    code: 'cannot_mute_moderator',
    message: 'Moderators cannot be muted, and nobody mutes themselves.',
  },
};

/** The error for a permission the policy refused. */
export function denied(reason: CommentDenialReason): AppError {
  const { status, code, message } = denialMessages[reason];
  return new AppError(status, code, message);
}
