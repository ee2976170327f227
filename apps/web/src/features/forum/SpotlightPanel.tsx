import type { ForumView } from './forumLiveState';
import { lazy, Suspense, useId, useReducer } from 'react';
import { useTranslation } from 'react-i18next';

import { QueryState } from '../consultations/QueryState';
import { followReducer, initialFollowState, shownDraft } from './followState';
import { admittedByCode, isSessionRunning } from './sessionDrafts';
import type { CommitmentNames } from './useCommitmentTitles';

// The editor (Lexical, Yjs) loads only when there is a draft to show.
const SpotlightDraft = lazy(() =>
  import('./SpotlightDraft').then((module) => ({ default: module.SpotlightDraft })),
);

/**
 * The draft in front of the room: the spotlighted commitment (scrolled to its passage), or the
 * breakout group's. A participant may roam to another draft and come back to the spotlight.
 */
export function SpotlightPanel({
  view,
  names,
  breakoutCommitmentId,
  signedIn,
}: {
  view: ForumView;
  names: CommitmentNames;
  breakoutCommitmentId: string | null;
  signedIn: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [follow, dispatch] = useReducer(followReducer, initialFollowState);
  const shown = shownDraft(follow, view.state.spotlight, breakoutCommitmentId);
  const roaming = follow.mode === 'roam';
  return (
    <section className="atelier-forum-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="fr-h5">
        {t('forum.spotlight.title')}
      </h2>
      <div aria-live="polite" aria-atomic="true">
        <p className="fr-mb-1w">
          {shown.commitmentId
            ? t(`forum.spotlight.source.${shown.source}`, {
                name: names.nameOf(shown.commitmentId),
              })
            : t('forum.spotlight.nothing')}
        </p>
        {shown.awayFromRoom ? (
          <p className="fr-text--sm fr-mb-1w">{t('forum.spotlight.roomIsElsewhere')}</p>
        ) : null}
      </div>
      <div className="fr-toggle fr-mb-2w">
        <input
          type="checkbox"
          className="fr-toggle__input"
          id={`${id}-roam`}
          checked={roaming}
          onChange={(event) =>
            dispatch(
              event.target.checked
                ? { type: 'roam', commitmentId: shown.commitmentId }
                : { type: 'back_to_spotlight' },
            )
          }
        />
        <label className="fr-toggle__label" htmlFor={`${id}-roam`}>
          {t('forum.spotlight.roam')}
        </label>
      </div>
      {roaming ? (
        <div className="fr-select-group">
          <label className="fr-label" htmlFor={`${id}-choice`}>
            {t('forum.spotlight.chooseDraft')}
          </label>
          <select
            id={`${id}-choice`}
            className="fr-select"
            value={follow.roamCommitmentId ?? ''}
            onChange={(event) =>
              dispatch({ type: 'roam', commitmentId: event.target.value || null })
            }
          >
            <option value="">{t('forum.spotlight.noDraft')}</option>
            {names.list.map((commitment) => (
              <option key={commitment.id} value={commitment.id}>
                {names.nameOf(commitment.id)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {roaming ? (
        <button
          type="button"
          className="fr-btn fr-btn--sm fr-mb-2w"
          onClick={() => dispatch({ type: 'back_to_spotlight' })}
        >
          {t('forum.spotlight.backToSpotlight')}
        </button>
      ) : null}
      {shown.commitmentId === null ? null : admittedByCode(view.you.role) &&
        !isSessionRunning(view.state.status) ? (
        // The server opens the session's drafts to guests only while it runs.
        <p className="fr-text--sm atelier-muted">{t('forum.spotlight.draftsWhileRunning')}</p>
      ) : (
        <QueryState query={names.query}>
          {() => {
            const commitment = names.find(shown.commitmentId!);
            if (!commitment) {
              return names.query.isPlaceholderData ? (
                <p role="status">{t('common.loading')}</p>
              ) : (
                <p className="fr-text--sm atelier-muted">{t('forum.spotlight.draftUnavailable')}</p>
              );
            }
            return (
              <Suspense fallback={<p role="status">{t('editor.loadingEditor')}</p>}>
                <SpotlightDraft
                  key={commitment.id}
                  commitment={commitment}
                  passageQuote={shown.passageQuote}
                  participantId={view.you.participantId}
                  displayName={view.you.displayName}
                  signedIn={signedIn}
                  mayComment={view.you.mayComment}
                  showComments={view.you.role === 'member' || view.you.role === 'facilitator'}
                />
              </Suspense>
            );
          }}
        </QueryState>
      )}
    </section>
  );
}
