import type { ErrorBodyDto } from '@atelier/protocol';

/** A failed API call: the HTTP status and the server's stable error code (translated in the UI). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * Checked by hand rather than with the protocol's zod schema: this module is on every page, and
 * zod is only loaded with the screens that have forms.
 */
function isErrorBody(body: unknown): body is ErrorBodyDto {
  if (typeof body !== 'object' || body === null) return false;
  const error = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' && typeof message === 'string';
}

export async function readApiError(response: Response): Promise<ApiError> {
  try {
    const body: unknown = await response.json();
    if (isErrorBody(body))
      return new ApiError(response.status, body.error.code, body.error.message);
  } catch {
    // Not JSON (a proxy error page): fall through to a generic code.
  }
  return new ApiError(response.status, `http_${response.status}`, response.statusText);
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/** The i18n key that explains an error to a person; unknown codes get a generic sentence. */
export function errorMessageKey(error: unknown, knownCodes: ReadonlySet<string>): string {
  if (error instanceof ApiError && knownCodes.has(error.code)) return `errors.${error.code}`;
  if (error instanceof ApiError && error.status === 0) return 'errors.network_error';
  return 'errors.unknown';
}
