import { FORUM_LIMITS } from '@atelier/domain';
import { ForumEvent, type ForumContributionDto } from '@atelier/protocol';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { CommandError } from './CommandError';
import { ContributionList } from './ContributionList';
import type { ForumView } from './forumLiveState';
import { useCommandRunner } from './useCommandRunner';
import type { ForumLive } from './useForumLive';

/** The console's view of the written contributions: all of them, each with hide-with-reason. */
export function ConsoleContributions({ view, send }: { view: ForumView; send: ForumLive['send'] }) {
  return (
    <ContributionList
      view={view}
      actions={(contribution) => <HideContribution contribution={contribution} send={send} />}
    />
  );
}

function HideContribution({
  contribution,
  send,
}: {
  contribution: ForumContributionDto;
  send: ForumLive['send'];
}) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { run, pending, errorCode, clearError } = useCommandRunner();
  const input = useRef<HTMLInputElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  // Focus follows the form: into the reason when it opens, back to its button when it closes.
  useEffect(() => {
    if (open) input.current?.focus();
    else if (wasOpen.current) toggle.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(() =>
      send(ForumEvent.HideContribution, { contributionId: contribution.id, reason: reason.trim() }),
    );
  };

  if (!open) {
    return (
      <button
        ref={toggle}
        type="button"
        className="fr-btn fr-btn--sm fr-btn--tertiary"
        onClick={() => setOpen(true)}
      >
        {t('forum.contributions.hide.open', { name: contribution.authorName })}
      </button>
    );
  }
  return (
    <form onSubmit={(event) => void submit(event)} className="fr-mt-1w">
      <CommandError code={errorCode} />
      <div className="fr-input-group">
        <label className="fr-label" htmlFor={`${id}-reason`}>
          {t('forum.contributions.hide.reason')}
        </label>
        <input
          ref={input}
          id={`${id}-reason`}
          className="fr-input"
          required
          maxLength={FORUM_LIMITS.hideReasonMax}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      <ul className="fr-btns-group fr-btns-group--inline-sm">
        <li>
          <button type="submit" className="fr-btn fr-btn--sm" disabled={pending || !reason.trim()}>
            {t('forum.contributions.hide.confirm')}
          </button>
        </li>
        <li>
          <button
            type="button"
            className="fr-btn fr-btn--sm fr-btn--secondary"
            onClick={() => {
              clearError();
              setOpen(false);
            }}
          >
            {t('forum.contributions.hide.cancel')}
          </button>
        </li>
      </ul>
    </form>
  );
}
