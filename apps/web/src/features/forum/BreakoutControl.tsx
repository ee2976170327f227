import { breakoutStrategies, FORUM_LIMITS, type BreakoutStrategy } from '@atelier/domain';
import { ForumEvent } from '@atelier/protocol';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { RadioChoice } from '../../lib/RadioChoice';
import { CommandError } from './CommandError';
import { Countdown } from './Countdown';
import type { ForumView } from './forumLiveState';
import { participantNames } from './participantNames';
import type { CommitmentNames } from './useCommitmentTitles';
import type { ForumLive } from './useForumLive';
import { useCommandRunner } from './useCommandRunner';

/**
 * Splits the room into groups, one per chosen commitment (by hand, at random, or mixing
 * organisation kinds), with a countdown; "back to plenary" ends it for everyone.
 */
export function BreakoutControl({
  view,
  send,
  names,
}: {
  view: ForumView;
  send: ForumLive['send'];
  names: CommitmentNames;
}) {
  const { t } = useTranslation();
  const { run, pending, errorCode } = useCommandRunner();
  const breakout = view.state.breakout;
  const people = participantNames(view.attendance);
  return (
    <section className="atelier-forum-panel" aria-labelledby="breakout-control-title">
      <h2 id="breakout-control-title" className="fr-h5">
        {t('forum.breakout.title')}
      </h2>
      <CommandError code={errorCode} />
      {breakout ? (
        <>
          <ul>
            {breakout.groups.map((group) => (
              <li key={group.id}>
                <span className="fr-text--bold">
                  {t('forum.breakout.groupLine', {
                    group: group.name,
                    name: names.nameOf(group.commitmentId),
                    count: group.participantIds.length,
                  })}
                </span>
                {group.participantIds.length > 0 ? (
                  <span>
                    {' '}
                    : {group.participantIds.map((id) => people.get(id) ?? '…').join(', ')}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
          <Countdown
            timer={breakout.timer}
            offsetMs={view.offsetMs}
            label={t('forum.breakout.timeLeft')}
          />
          <button
            type="button"
            className="fr-btn fr-mt-2w"
            disabled={pending}
            onClick={() => void run(() => send(ForumEvent.EndBreakout, {}))}
          >
            {t('forum.breakout.backToPlenary')}
          </button>
        </>
      ) : (
        <BreakoutForm
          view={view}
          names={names}
          pending={pending}
          onStart={(breakoutInput) =>
            void run(() => send(ForumEvent.StartBreakout, { breakout: breakoutInput }))
          }
        />
      )}
    </section>
  );
}

interface BreakoutInputDraft {
  strategy: BreakoutStrategy;
  commitmentIds: string[];
  durationMinutes: number;
  assignments?: Record<string, number>;
}

function BreakoutForm({
  view,
  names,
  pending,
  onStart,
}: {
  view: ForumView;
  names: CommitmentNames;
  pending: boolean;
  onStart: (input: BreakoutInputDraft) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [strategy, setStrategy] = useState<BreakoutStrategy>('random');
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [minutes, setMinutes] = useState(15);
  const [assignments, setAssignments] = useState<Readonly<Record<string, number>>>({});
  const [invalid, setInvalid] = useState(false);
  const participants = (view.attendance.participants ?? []).filter(
    (participant) => participant.role !== 'facilitator',
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const bad = chosen.length === 0;
    setInvalid(bad);
    if (bad) return;
    onStart({
      strategy,
      commitmentIds: [...chosen],
      durationMinutes: minutes,
      ...(strategy === 'manual'
        ? {
            assignments: Object.fromEntries(
              Object.entries(assignments).filter(([, index]) => index < chosen.length),
            ),
          }
        : {}),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      {invalid ? (
        <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert">
          <p>{t('forum.breakout.chooseCommitments')}</p>
        </div>
      ) : null}
      <RadioChoice
        legend={t('forum.breakout.strategy')}
        name={`${id}-strategy`}
        values={breakoutStrategies}
        value={strategy}
        label={(value) => t(`forum.breakoutStrategy.${value}`)}
        onChange={setStrategy}
      />
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-text--regular">
          {t('forum.breakout.commitments')}
          <span className="fr-hint-text">{t('forum.breakout.commitmentsHint')}</span>
        </legend>
        {names.list.map((commitment) => (
          <div className="fr-fieldset__element" key={commitment.id}>
            <div className="fr-checkbox-group">
              <input
                type="checkbox"
                id={`${id}-commitment-${commitment.id}`}
                checked={chosen.includes(commitment.id)}
                disabled={
                  !chosen.includes(commitment.id) && chosen.length >= FORUM_LIMITS.breakoutGroupsMax
                }
                onChange={(event) =>
                  setChosen((current) =>
                    event.target.checked
                      ? [...current, commitment.id]
                      : current.filter((other) => other !== commitment.id),
                  )
                }
              />
              <label className="fr-label" htmlFor={`${id}-commitment-${commitment.id}`}>
                {names.nameOf(commitment.id)}
              </label>
            </div>
          </div>
        ))}
      </fieldset>
      <div className="fr-input-group">
        <label className="fr-label" htmlFor={`${id}-minutes`}>
          {t('forum.breakout.duration')}
        </label>
        <input
          id={`${id}-minutes`}
          className="fr-input"
          type="number"
          min={1}
          max={FORUM_LIMITS.itemMinutesMax}
          value={minutes}
          onChange={(event) =>
            setMinutes(
              Math.min(FORUM_LIMITS.itemMinutesMax, Math.max(1, Number(event.target.value) || 1)),
            )
          }
        />
      </div>
      {strategy === 'manual' && chosen.length > 0 ? (
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend fr-text--regular">
            {t('forum.breakout.assignments')}
          </legend>
          {participants.length === 0 ? <p>{t('forum.breakout.nobodyYet')}</p> : null}
          {participants.map((participant) => (
            <div className="fr-fieldset__element" key={participant.id}>
              <div className="fr-select-group">
                <label className="fr-label" htmlFor={`${id}-assign-${participant.id}`}>
                  {participant.displayName}
                </label>
                <select
                  id={`${id}-assign-${participant.id}`}
                  className="fr-select"
                  value={assignments[participant.id] ?? ''}
                  onChange={(event) =>
                    setAssignments((current) => {
                      const { [participant.id]: _previous, ...rest } = current;
                      return event.target.value === ''
                        ? rest
                        : { ...rest, [participant.id]: Number(event.target.value) };
                    })
                  }
                >
                  <option value="">{t('forum.breakout.unassigned')}</option>
                  {chosen.map((commitmentId, index) => (
                    <option key={commitmentId} value={index}>
                      {t('forum.breakout.groupOption', {
                        number: index + 1,
                        name: names.nameOf(commitmentId),
                      })}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          ))}
        </fieldset>
      ) : null}
      <button type="submit" className="fr-btn" disabled={pending}>
        {t('forum.breakout.start')}
      </button>
    </form>
  );
}
