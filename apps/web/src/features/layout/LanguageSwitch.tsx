import { useTranslation } from 'react-i18next';

import { changeLanguage, supportedLanguages } from '../../i18n/i18n';

/** FR / EN, each named in its own language so that it is found whatever the current one. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="atelier-language-switch" role="group" aria-label={t('layout.language.label')}>
      {supportedLanguages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="fr-btn fr-btn--sm fr-btn--tertiary-no-outline"
          aria-pressed={i18n.resolvedLanguage === language}
          onClick={() => void changeLanguage(language)}
        >
          <span aria-hidden="true">{language.toUpperCase()}</span>
          <span className="fr-sr-only">{t(`layout.language.${language}`)}</span>
        </button>
      ))}
    </div>
  );
}
