import { lazy, memo, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';

import { ensureTranslationAreas } from '../../i18n/i18n';
import type { CommentsPanelProps } from './CommentsPanel';

/**
 * The comments panel, loaded beside the draft rather than before it: the editor route's first
 * JavaScript stays within its budget (300 kB gzip, see bench/), and the draft becomes editable
 * without waiting for the threads' screens. Its strings come with it. The threads' data is fetched by then anyway (the
 * draft's highlights ask for it).
 */
const CommentsPanel = lazy(async () => {
  const [module] = await Promise.all([
    import('./CommentsPanel'),
    ensureTranslationAreas('comments'),
  ]);
  return { default: module.CommentsPanel };
});

export const LazyCommentsPanel = memo(function LazyCommentsPanel(props: CommentsPanelProps) {
  return (
    <Suspense fallback={<CommentsPanelPlaceholder />}>
      <CommentsPanel {...props} />
    </Suspense>
  );
});

/** The panel's frame while its code arrives: same region and heading, a loading status. */
function CommentsPanelPlaceholder() {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="atelier-comments" aria-labelledby={headingId}>
      <h2 id={headingId} className="fr-h5 fr-mb-1w">
        {t('commentsFrame.heading')}
      </h2>
      <p role="status">{t('commentsFrame.loading')}</p>
    </section>
  );
}
