import { forumReactionKinds, type ForumReactionKind } from '@atelier/domain';
import { ForumEvent } from '@atelier/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { forumErrorKey } from './forumErrors';
import type { ForumLive } from './useForumLive';

/** Agree, question, slow down: shown briefly on the projector, to nobody by name. */
export function ReactionButtons({ send }: { send: ForumLive['send'] }) {
  const { t } = useTranslation();
  const [feedback, setFeedback] = useState<string>('');
  const react = async (kind: ForumReactionKind) => {
    const ack = await send(ForumEvent.React, { kind });
    setFeedback(
      ack.ok
        ? t('forum.reactions.sent', { reaction: t(`forum.reactions.kind.${kind}`) })
        : t(forumErrorKey(ack.code)),
    );
  };
  return (
    <section className="atelier-forum-panel" aria-labelledby="reactions-title">
      <h2 id="reactions-title" className="fr-h5">
        {t('forum.reactions.title')}
      </h2>
      <ul className="fr-btns-group fr-btns-group--inline-sm">
        {forumReactionKinds.map((kind) => (
          <li key={kind}>
            <button
              type="button"
              className="fr-btn fr-btn--secondary"
              onClick={() => void react(kind)}
            >
              {t(`forum.reactions.kind.${kind}`)}
            </button>
          </li>
        ))}
      </ul>
      <p className="fr-text--sm" role="status" aria-live="polite">
        {feedback}
      </p>
    </section>
  );
}
