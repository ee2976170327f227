import { ForumEvent } from '@atelier/protocol';
import { useTranslation } from 'react-i18next';

import { CommandError } from './CommandError';
import { CurrentItem } from './CurrentItem';
import type { ForumView } from './forumLiveState';
import type { ForumLive } from './useForumLive';
import { useCommandRunner } from './useCommandRunner';

/** The agenda with the current item marked, a "go to" per item, and the item's countdown. */
export function AgendaControl({
  view,
  send,
  nameOf,
}: {
  view: ForumView;
  send: ForumLive['send'];
  nameOf: (commitmentId: string | null) => string | null;
}) {
  const { t } = useTranslation();
  const { run, pending, errorCode } = useCommandRunner();
  const current = view.state.currentItemIndex;
  const running = view.state.status === 'live' || view.state.status === 'paused';
  return (
    <section className="atelier-forum-panel" aria-labelledby="agenda-control-title">
      <h2 id="agenda-control-title" className="fr-h5">
        {t('forum.console.agenda.title')}
      </h2>
      <CurrentItem
        agenda={view.session.agenda}
        state={view.state}
        offsetMs={view.offsetMs}
        nameOf={nameOf}
        headingLevel={3}
      />
      <CommandError code={errorCode} />
      {view.session.agenda.length === 0 ? <p>{t('forum.console.agenda.empty')}</p> : null}
      <ol className="atelier-agenda">
        {view.session.agenda.map((item, index) => (
          <li
            key={item.id}
            aria-current={index === current ? 'step' : undefined}
            className={index === current ? 'atelier-agenda__current' : undefined}
          >
            <span className="fr-text--bold">{item.title}</span>{' '}
            <span className="atelier-muted">
              {t('forum.agenda.minutes', { count: item.durationMinutes })}
              {item.commitmentId ? ` · ${nameOf(item.commitmentId)}` : ''}
            </span>
            {index === current ? (
              <span className="fr-badge fr-badge--sm fr-badge--info fr-ml-1w">
                {t('forum.console.agenda.now')}
              </span>
            ) : (
              <button
                type="button"
                className="fr-btn fr-btn--sm fr-btn--tertiary fr-ml-1w"
                disabled={pending || !running}
                onClick={() => void run(() => send(ForumEvent.GoToItem, { itemIndex: index }))}
              >
                {t('forum.console.agenda.goTo', { title: item.title })}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
