/**
 * Translations live in one file per area under `locales/<language>/` (core, comments, forum…)
 * so that features can own their strings. Each file holds distinct top-level keys; they are
 * merged into one bundle per language.
 */
export type TranslationTree = { [key: string]: string | TranslationTree };

type LocaleModules = Record<string, { default: TranslationTree }>;

function mergeAreas(modules: LocaleModules): TranslationTree {
  const bundle: TranslationTree = {};
  for (const [path, module] of Object.entries(modules)) {
    for (const [key, value] of Object.entries(module.default)) {
      if (key in bundle) throw new Error(`translation key "${key}" declared twice (${path})`);
      bundle[key] = value;
    }
  }
  return bundle;
}

/** French ships with the app (French first). */
export const frenchTranslations: TranslationTree = mergeAreas(
  import.meta.glob<{ default: TranslationTree }>('./locales/fr/*.json', { eager: true }),
);

const englishModules = import.meta.glob<{ default: TranslationTree }>('./locales/en/*.json');

/** English is fetched when chosen. */
export async function loadEnglishTranslations(): Promise<TranslationTree> {
  const entries = await Promise.all(
    Object.entries(englishModules).map(async ([path, load]) => [path, await load()] as const),
  );
  return mergeAreas(Object.fromEntries(entries));
}
