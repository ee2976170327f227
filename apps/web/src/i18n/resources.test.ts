import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  frenchTranslations,
  lazyTranslationAreas,
  loadAllTranslations,
  loadAreaTranslations,
} from './translations';

type Tree = { [key: string]: string | Tree };

const fr = await loadAllTranslations('fr');
const en = await loadAllTranslations('en');

function flatten(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : flatten(value, `${prefix}${key}.`),
  );
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Plural forms are stored as key_one / key_other and asked for as key. */
function baseKey(key: string): string {
  return key.replace(/_(zero|one|two|few|many|other)$/, '');
}

describe('translations', () => {
  const frKeys = flatten(fr);
  const enKeys = flatten(en);

  it('have the same keys in French and English', () => {
    expect(enKeys.filter((key) => !frKeys.includes(key))).toEqual([]);
    expect(frKeys.filter((key) => !enKeys.includes(key))).toEqual([]);
  });

  it('cover every literal key the components ask for', () => {
    const known = new Set([...frKeys, ...frKeys.map(baseKey)]);
    const used = new Set<string>();
    for (const file of sourceFiles(join(__dirname, '..'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(match[1]!);
    }
    expect([...used].filter((key) => !known.has(key))).toEqual([]);
  });

  it('explain every read-only reason the server can send', () => {
    for (const reason of [
      'role_comment_only',
      'role_view_only',
      'draft_locked',
      'consultation_closed',
      'signed_out',
      'muted',
    ]) {
      expect(frKeys).toContain(`readOnly.reason.${reason}`);
    }
  });

  it('ship every French area with the app except the on-demand ones', async () => {
    const onDemand = Object.keys(await loadAreaTranslations('fr', lazyTranslationAreas));
    expect(onDemand.length).toBeGreaterThan(0);
    expect(Object.keys(frenchTranslations).filter((key) => onDemand.includes(key))).toEqual([]);
    expect(Object.keys(frenchTranslations).sort()).toEqual(
      Object.keys(fr)
        .filter((key) => !onDemand.includes(key))
        .sort(),
    );
  });
});
