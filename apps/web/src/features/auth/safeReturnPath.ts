/**
 * Where to go after signing in. Only paths of this application: an absolute or
 * protocol-relative URL in `?retour=` would send a person to another site (open redirect).
 */
export function safeReturnPath(value: string | null, fallback = '/consultations'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return fallback;
  }
  return value;
}
