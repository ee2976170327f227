import { describe, expect, it } from 'vitest';

import { isAllowedLinkUrl, normaliseLinkInput } from './safeLink';

describe('isAllowedLinkUrl', () => {
  it('accepts web pages and email addresses', () => {
    expect(isAllowedLinkUrl('https://www.modernisation.gouv.fr/')).toBe(true);
    expect(isAllowedLinkUrl('http://example.org/path?q=1')).toBe(true);
    expect(isAllowedLinkUrl('mailto:contact@example.org')).toBe(true);
  });

  it('refuses every other scheme and malformed input', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'ftp://example.org',
      'mailto:nobody',
      'https://',
      'not a url',
      '',
    ]) {
      expect(isAllowedLinkUrl(url), url).toBe(false);
    }
  });
});

describe('normaliseLinkInput', () => {
  it('adds https:// or mailto: when the scheme is missing', () => {
    expect(normaliseLinkInput('data.gouv.fr')).toBe('https://data.gouv.fr');
    expect(normaliseLinkInput(' contact@example.org ')).toBe('mailto:contact@example.org');
    expect(normaliseLinkInput('javascript:alert(1)')).toBe('javascript:alert(1)');
  });
});
