import type { Ballot, Poll } from '@atelier/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { addDot, dotsBallot, dotsLeft, removeDot, type DotsAllocation } from './dotsAllocation';

/**
 * A participant's ballot for one open poll: radio buttons (single, scale), checkboxes
 * (multiple) or dot counters (dots). The server counts one vote per participant; this form only
 * helps them send a valid one.
 */
export function PollBallot({
  poll,
  pending,
  onVote,
}: {
  poll: Poll;
  pending: boolean;
  onVote: (ballot: Ballot) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [dots, setDots] = useState<DotsAllocation>({});
  const [missing, setMissing] = useState(false);
  const allowance = poll.dotsPerParticipant ?? 1;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ballot: Ballot =
      poll.kind === 'dots' ? dotsBallot(dots) : { kind: 'choice', optionIds: chosen };
    const empty =
      ballot.kind === 'dots'
        ? Object.keys(ballot.dots).length === 0
        : ballot.optionIds.length === 0;
    setMissing(empty);
    if (!empty) onVote(ballot);
  };

  const errorId = `${id}-error`;
  return (
    <form onSubmit={submit} noValidate>
      <fieldset
        className={`fr-fieldset${missing ? ' fr-fieldset--error' : ''}`}
        aria-describedby={missing ? errorId : undefined}
      >
        <legend className="fr-fieldset__legend">
          {poll.question}
          <span className="fr-hint-text">
            {t(`forum.ballot.hint.${poll.kind}`, { count: allowance })}
          </span>
        </legend>
        {poll.kind === 'dots' ? (
          <DotsCounters
            poll={poll}
            dots={dots}
            allowance={allowance}
            onAdd={(optionId) => setDots((current) => addDot(current, optionId, allowance))}
            onRemove={(optionId) => setDots((current) => removeDot(current, optionId))}
          />
        ) : (
          poll.options.map((option, index) => {
            const inputId = `${id}-option-${index}`;
            const multiple = poll.kind === 'multiple';
            return (
              <div className="fr-fieldset__element" key={option.id}>
                <div className={multiple ? 'fr-checkbox-group' : 'fr-radio-group'}>
                  <input
                    type={multiple ? 'checkbox' : 'radio'}
                    id={inputId}
                    name={`${id}-choice`}
                    value={option.id}
                    checked={chosen.includes(option.id)}
                    onChange={(event) =>
                      setChosen((current) =>
                        multiple
                          ? event.target.checked
                            ? [...current, option.id]
                            : current.filter((value) => value !== option.id)
                          : [option.id],
                      )
                    }
                  />
                  <label className="fr-label" htmlFor={inputId}>
                    {option.label}
                  </label>
                </div>
              </div>
            );
          })
        )}
        {missing ? (
          <div className="fr-messages-group" id={errorId} aria-live="assertive">
            <p className="fr-message fr-message--error">{t('forum.ballot.chooseFirst')}</p>
          </div>
        ) : null}
      </fieldset>
      <button type="submit" className="fr-btn" disabled={pending}>
        {t('forum.ballot.submit')}
      </button>
    </form>
  );
}

function DotsCounters({
  poll,
  dots,
  allowance,
  onAdd,
  onRemove,
}: {
  poll: Poll;
  dots: DotsAllocation;
  allowance: number;
  onAdd: (optionId: string) => void;
  onRemove: (optionId: string) => void;
}) {
  const { t } = useTranslation();
  const left = dotsLeft(dots, allowance);
  return (
    <>
      <p className="fr-text--bold" aria-live="polite" aria-atomic="true">
        {t('forum.ballot.dotsLeft', { count: left, total: allowance })}
      </p>
      <ul className="atelier-plain-list atelier-dots">
        {poll.options.map((option) => {
          const mine = dots[option.id] ?? 0;
          return (
            <li key={option.id} className="atelier-dots__option">
              <span className="atelier-dots__label">{option.label}</span>
              <span className="atelier-dots__controls">
                <button
                  type="button"
                  className="fr-btn fr-btn--sm fr-btn--secondary"
                  disabled={mine === 0}
                  aria-label={t('forum.ballot.removeDot', { option: option.label })}
                  onClick={() => onRemove(option.id)}
                >
                  −
                </button>
                <span className="atelier-dots__count">
                  {t('forum.ballot.dotsOn', { count: mine })}
                </span>
                <button
                  type="button"
                  className="fr-btn fr-btn--sm fr-btn--secondary"
                  disabled={left === 0}
                  aria-label={t('forum.ballot.addDot', { option: option.label })}
                  onClick={() => onAdd(option.id)}
                >
                  +
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
