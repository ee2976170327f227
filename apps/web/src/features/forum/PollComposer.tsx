import {
  FORUM_LIMITS,
  pollKinds,
  pollResultVisibilities,
  type PollCreateInput,
  type PollKind,
  type PollResultVisibility,
} from '@atelier/domain';
import { ForumEvent } from '@atelier/protocol';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { RadioChoice } from '../../lib/RadioChoice';
import { CommandError } from './CommandError';
import type { CommitmentNames } from './useCommitmentTitles';
import type { ForumLive } from './useForumLive';
import { useCommandRunner } from './useCommandRunner';

interface OptionDraft {
  readonly key: number;
  readonly label: string;
  readonly commitmentId: string | null;
}

let nextOptionKey = 1;
const blankOption = (): OptionDraft => ({ key: nextOptionKey++, label: '', commitmentId: null });

/** Prepares a poll (saved as a draft; opened from the list). */
export function PollComposer({ send, names }: { send: ForumLive['send']; names: CommitmentNames }) {
  const { t } = useTranslation();
  const id = useId();
  const { run, pending, errorCode } = useCommandRunner();
  const [question, setQuestion] = useState('');
  const [kind, setKind] = useState<PollKind>('single');
  const [options, setOptions] = useState<readonly OptionDraft[]>(() => [
    blankOption(),
    blankOption(),
  ]);
  const [dots, setDots] = useState(3);
  const [visibility, setVisibility] = useState<PollResultVisibility>('live');
  const [anonymous, setAnonymous] = useState(true);
  const [invalid, setInvalid] = useState(false);

  const filled = options.filter((option) => option.label.trim() !== '');
  const needsOptions = kind !== 'scale';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const bad = question.trim() === '' || (needsOptions && filled.length < 2);
    setInvalid(bad);
    if (bad) return;
    const poll: PollCreateInput = {
      question: question.trim(),
      kind,
      options: needsOptions
        ? filled.map((option) => ({
            label: option.label.trim(),
            commitmentId: option.commitmentId,
          }))
        : [],
      dotsPerParticipant: kind === 'dots' ? dots : null,
      resultVisibility: visibility,
      anonymous,
    };
    const ok = await run(() => send(ForumEvent.CreatePoll, { poll }));
    if (ok) {
      setQuestion('');
      setOptions([blankOption(), blankOption()]);
    }
  };

  const setOption = (key: number, label: string) =>
    setOptions((current) =>
      current.map((option) => (option.key === key ? { ...option, label } : option)),
    );

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="fr-mb-4w">
      <h3 className="fr-h6">{t('forum.console.polls.newTitle')}</h3>
      <CommandError code={errorCode} />
      {invalid ? (
        <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert">
          <p>{t('forum.console.polls.incomplete')}</p>
        </div>
      ) : null}
      <div className="fr-input-group">
        <label className="fr-label" htmlFor={`${id}-question`}>
          {t('forum.console.polls.question')}
        </label>
        <input
          id={`${id}-question`}
          className="fr-input"
          maxLength={FORUM_LIMITS.pollQuestionMax}
          value={question}
          onChange={(event) => setQuestion(event.target.value)}
        />
      </div>
      <RadioChoice
        legend={t('forum.console.polls.kind')}
        name={`${id}-kind`}
        values={pollKinds}
        value={kind}
        label={(value) => t(`forum.pollKind.${value}`)}
        onChange={setKind}
        inline
      />
      {needsOptions ? (
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend fr-text--regular">
            {t('forum.console.polls.options')}
          </legend>
          {options.map((option, index) => (
            <div className="fr-fieldset__element" key={option.key}>
              <div className="fr-input-group atelier-inline-field">
                <label className="fr-label" htmlFor={`${id}-option-${option.key}`}>
                  {t('forum.console.polls.option', { number: index + 1 })}
                </label>
                <input
                  id={`${id}-option-${option.key}`}
                  className="fr-input"
                  maxLength={FORUM_LIMITS.optionLabelMax}
                  value={option.label}
                  onChange={(event) => setOption(option.key, event.target.value)}
                />
                <button
                  type="button"
                  className="fr-btn fr-btn--sm fr-btn--tertiary"
                  disabled={options.length <= 2}
                  onClick={() =>
                    setOptions((current) => current.filter((other) => other.key !== option.key))
                  }
                >
                  {t('forum.console.polls.removeOption', { number: index + 1 })}
                </button>
              </div>
            </div>
          ))}
          <ul className="fr-btns-group fr-btns-group--inline-sm">
            <li>
              <button
                type="button"
                className="fr-btn fr-btn--sm fr-btn--secondary"
                disabled={options.length >= FORUM_LIMITS.pollOptionsMax}
                onClick={() => setOptions((current) => [...current, blankOption()])}
              >
                {t('forum.console.polls.addOption')}
              </button>
            </li>
            <li>
              <button
                type="button"
                className="fr-btn fr-btn--sm fr-btn--tertiary"
                disabled={names.list.length === 0}
                onClick={() =>
                  setOptions(
                    names.list.slice(0, FORUM_LIMITS.pollOptionsMax).map((commitment) => ({
                      key: nextOptionKey++,
                      label: names.nameOf(commitment.id) ?? commitment.title,
                      commitmentId: commitment.id,
                    })),
                  )
                }
              >
                {t('forum.console.polls.commitmentsAsOptions')}
              </button>
            </li>
          </ul>
        </fieldset>
      ) : (
        <p className="fr-text--sm">{t('forum.console.polls.scaleOptions')}</p>
      )}
      {kind === 'dots' ? (
        <div className="fr-input-group">
          <label className="fr-label" htmlFor={`${id}-dots`}>
            {t('forum.console.polls.dots')}
          </label>
          <input
            id={`${id}-dots`}
            className="fr-input"
            type="number"
            min={1}
            max={FORUM_LIMITS.dotsMax}
            value={dots}
            onChange={(event) =>
              setDots(Math.min(FORUM_LIMITS.dotsMax, Math.max(1, Number(event.target.value) || 1)))
            }
          />
        </div>
      ) : null}
      <RadioChoice
        legend={t('forum.console.polls.visibility')}
        name={`${id}-visibility`}
        values={pollResultVisibilities}
        value={visibility}
        label={(value) => t(`forum.resultVisibility.${value}`)}
        onChange={setVisibility}
      />
      <div className="fr-checkbox-group fr-mb-2w">
        <input
          type="checkbox"
          id={`${id}-anonymous`}
          checked={anonymous}
          onChange={(event) => setAnonymous(event.target.checked)}
        />
        <label className="fr-label" htmlFor={`${id}-anonymous`}>
          {t('forum.console.polls.anonymous')}
        </label>
      </div>
      <button type="submit" className="fr-btn" disabled={pending}>
        {t('forum.console.polls.create')}
      </button>
    </form>
  );
}
