import { useTranslation } from 'react-i18next';

import { forumErrorKey } from './forumErrors';

/** A refused command, said next to its controls (and announced). */
export function CommandError({ code }: { code: string | null }) {
  const { t } = useTranslation();
  if (code === null) return null;
  return (
    <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert">
      <p>{t(forumErrorKey(code))}</p>
    </div>
  );
}
