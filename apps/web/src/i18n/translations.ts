/**
 * Translations live in one file per area under `locales/<language>/<area>.json` so features own
 * their strings. Each file holds distinct top-level keys; a language's areas merge into one
 * bundle. The areas every screen may need (core, notifications) ship with the app in French;
 * the areas of screens loaded on demand (forums, rounds, moderation, the comments panel) are
 * fetched with those screens, so the first screens stay light.
 */
export type TranslationTree = { [key: string]: string | TranslationTree };

export const lazyTranslationAreas = ['forum', 'rounds', 'moderation', 'comments'] as const;
export type LazyTranslationArea = (typeof lazyTranslationAreas)[number];

type AreaModule = { default: TranslationTree };

function mergeAreas(modules: Record<string, AreaModule>): TranslationTree {
  const bundle: TranslationTree = {};
  for (const [path, module] of Object.entries(modules)) {
    for (const [key, value] of Object.entries(module.default)) {
      if (key in bundle) throw new Error(`translation key "${key}" declared twice (${path})`);
      bundle[key] = value;
    }
  }
  return bundle;
}

function areaOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1, -'.json'.length);
}

function isLazyArea(path: string): boolean {
  return (lazyTranslationAreas as readonly string[]).includes(areaOf(path));
}

/**
 * French ships with the app (French first), without the on-demand areas: the glob must exclude
 * exactly {@link lazyTranslationAreas} (a test checks it; globs only take literals).
 */
export const frenchTranslations: TranslationTree = mergeAreas(
  import.meta.glob<AreaModule>(
    ['./locales/fr/*.json', '!./locales/fr/{forum,rounds,moderation,comments}.json'],
    { eager: true },
  ),
);

const loaders = import.meta.glob<AreaModule>('./locales/*/*.json');

async function loadFiles(paths: readonly string[]): Promise<TranslationTree> {
  const entries = await Promise.all(
    paths.map(async (path) => [path, await loaders[path]!()] as const),
  );
  return mergeAreas(Object.fromEntries(entries));
}

function pathsOf(language: string): string[] {
  return Object.keys(loaders).filter((path) => path.startsWith(`./locales/${language}/`));
}

/** A language's areas loaded with the app (English is fetched whole when chosen, minus those). */
export function loadBaseTranslations(language: string): Promise<TranslationTree> {
  return loadFiles(pathsOf(language).filter((path) => !isLazyArea(path)));
}

/** The strings of on-demand areas in one language. */
export function loadAreaTranslations(
  language: string,
  areas: readonly LazyTranslationArea[],
): Promise<TranslationTree> {
  return loadFiles(pathsOf(language).filter((path) => areas.includes(areaOf(path) as never)));
}

/** Every area of a language, for tests that compare languages and keys. */
export function loadAllTranslations(language: string): Promise<TranslationTree> {
  return loadFiles(pathsOf(language));
}
