import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

import {
  frenchTranslations,
  loadAreaTranslations,
  loadBaseTranslations,
  type LazyTranslationArea,
} from './translations';

export const supportedLanguages = ['fr', 'en'] as const;
export type SupportedLanguage = (typeof supportedLanguages)[number];

const DEFAULT_LANGUAGE: SupportedLanguage = 'fr';
const STORAGE_KEY = 'atelier.language';

export function isSupportedLanguage(value: unknown): value is SupportedLanguage {
  return typeof value === 'string' && (supportedLanguages as readonly string[]).includes(value);
}

/** The language the person chose last time on this browser; French otherwise (French first). */
export function rememberedLanguage(
  storage: Pick<Storage, 'getItem'> | undefined,
): SupportedLanguage {
  try {
    const stored = storage?.getItem(STORAGE_KEY);
    return isSupportedLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    // Storage can be disabled (private mode, policies): fall back without failing the app.
    return DEFAULT_LANGUAGE;
  }
}

function rememberLanguage(language: SupportedLanguage): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered, still applied.
  }
}

/** Keeps <html lang> in step so screen readers pronounce the page in the right language. */
function applyDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
}

/** The on-demand areas some screen asked for: a language chosen later needs them too. */
const requestedAreas = new Set<LazyTranslationArea>();

function addStrings(language: string, strings: object): void {
  i18next.addResourceBundle(language, 'translation', strings, true, true);
}

/** French ships with the app; other languages are fetched when chosen. */
async function loadLanguage(language: SupportedLanguage): Promise<void> {
  if (!i18next.hasResourceBundle(language, 'translation'))
    addStrings(language, await loadBaseTranslations(language));
  if (requestedAreas.size > 0)
    addStrings(language, await loadAreaTranslations(language, [...requestedAreas]));
}

/**
 * Fetches the strings of screens loaded on demand (forums, rounds, moderation) before they
 * render; the router calls it in those routes' `lazy` loaders. French is kept loaded too, as
 * the fallback language.
 */
export async function ensureTranslationAreas(
  ...areas: readonly LazyTranslationArea[]
): Promise<void> {
  const missing = areas.filter((area) => !requestedAreas.has(area));
  if (missing.length === 0) return;
  const languages = new Set([DEFAULT_LANGUAGE, i18next.language].filter(isSupportedLanguage));
  await Promise.all(
    [...languages].map(async (language) =>
      addStrings(language, await loadAreaTranslations(language, missing)),
    ),
  );
  for (const area of missing) requestedAreas.add(area);
}

export async function changeLanguage(language: SupportedLanguage): Promise<void> {
  await loadLanguage(language);
  await i18next.changeLanguage(language);
}

export async function initI18n(): Promise<typeof i18next> {
  const language = rememberedLanguage(window.localStorage);
  await i18next.use(initReactI18next).init({
    resources: { fr: { translation: frenchTranslations } },
    partialBundledLanguages: true,
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...supportedLanguages],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  if (language !== DEFAULT_LANGUAGE) await changeLanguage(language);
  applyDocumentLanguage(i18next.language);
  i18next.on('languageChanged', (language) => {
    applyDocumentLanguage(language);
    if (isSupportedLanguage(language)) rememberLanguage(language);
  });
  return i18next;
}
