/** Links in a draft may only point to web pages or email addresses: no javascript:, data:, file:. */
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

export function isAllowedLinkUrl(url: string): boolean {
  const trimmed = url.trim();
  if (trimmed === '') return false;
  try {
    const parsed = new URL(trimmed);
    if (!ALLOWED_PROTOCOLS.has(parsed.protocol)) return false;
    return parsed.protocol === 'mailto:' ? parsed.pathname.includes('@') : parsed.hostname !== '';
  } catch {
    return false;
  }
}

/** What a person typed, made into a link target: "example.org" becomes "https://example.org". */
export function normaliseLinkInput(input: string): string {
  const trimmed = input.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) return `mailto:${trimmed}`;
  return `https://${trimmed}`;
}
