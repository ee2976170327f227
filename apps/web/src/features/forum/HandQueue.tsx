import type { ForumLiveState } from '@atelier/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The raised hands in order, with who has the floor; the console adds its buttons per hand. */
export function HandQueue({
  state,
  names,
  headingLevel = 2,
  size = 'md',
  actions,
}: {
  state: ForumLiveState;
  names: ReadonlyMap<string, string>;
  headingLevel?: 2 | 3;
  size?: 'md' | 'xl';
  actions?: (participantId: string, name: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const nameOf = (participantId: string) => names.get(participantId) ?? t('forum.hands.someone');
  const floor = state.floorParticipantId;
  return (
    <section className="atelier-forum-panel" aria-labelledby="hand-queue-title">
      <Heading id="hand-queue-title" className={size === 'xl' ? 'fr-h3' : 'fr-h5'}>
        {t('forum.hands.title', { count: state.hands.length })}
      </Heading>
      <div aria-live="polite">
        {floor ? (
          <p className={size === 'xl' ? 'fr-text--lead' : 'fr-text--bold'}>
            {t('forum.hands.floor', { name: nameOf(floor) })}
          </p>
        ) : null}
        {state.hands.length === 0 ? (
          <p>{t('forum.hands.none')}</p>
        ) : (
          <ol className={size === 'xl' ? 'atelier-hands atelier-hands--xl' : 'atelier-hands'}>
            {state.hands.map((hand) => (
              <li key={hand.participantId}>
                <span className="fr-text--bold">{nameOf(hand.participantId)}</span>
                {hand.topic ? <span> — {hand.topic}</span> : null}
                {actions ? (
                  <div className="atelier-hands__actions">
                    {actions(hand.participantId, nameOf(hand.participantId))}
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
