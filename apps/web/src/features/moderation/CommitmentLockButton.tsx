import type { CommitmentDto } from '@atelier/protocol';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { queryKeys } from '../../app/queryClient';
import { api } from '../../lib/api';
import { displayTitle } from '../commitments/commitmentView';
import { moderationQueryKeys } from './moderationApi';
import { moderationErrorKey } from './moderationErrors';

/**
 * Lock or unlock a draft from the consultation's table of commitments, after a confirmation
 * (the editor has the same action). The API takes no reason for a lock: the public log records
 * it with the facilitator's role and an empty reason. Open editors turn read-only at once.
 */
export function CommitmentLockButton({ commitment }: { commitment: CommitmentDto }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState('');
  const number = commitment.number;
  const toggle = useMutation({
    mutationFn: (locked: boolean) => api.setCommitmentLocked(commitment.id, locked),
    onSuccess: (updated) => {
      setOutcome(
        t(updated.locked ? 'commitmentLock.locked' : 'commitmentLock.unlocked', { number }),
      );
      queryClient.setQueryData(queryKeys.commitment(commitment.id), updated);
      void queryClient.invalidateQueries({
        queryKey: queryKeys.commitments(commitment.consultationId),
      });
      void queryClient.invalidateQueries({
        queryKey: moderationQueryKeys.log(commitment.consultationId),
      });
    },
    onError: (error) => setOutcome(t(moderationErrorKey(error))),
  });
  const locking = !commitment.locked;
  return (
    <>
      <button
        type="button"
        className="fr-btn fr-btn--sm fr-btn--tertiary fr-mt-1w"
        // Not `disabled` while saving: that would drop the focus the person has on it.
        aria-disabled={toggle.isPending ? true : undefined}
        aria-label={t(locking ? 'commitmentLock.lockLabel' : 'commitmentLock.unlockLabel', {
          number,
        })}
        onClick={() => {
          const question = t(
            locking ? 'commitmentLock.lockConfirm' : 'commitmentLock.unlockConfirm',
            {
              number,
              title: displayTitle(commitment),
            },
          );
          if (!toggle.isPending && window.confirm(question)) toggle.mutate(locking);
        }}
      >
        {t(locking ? 'commitmentLock.lock' : 'commitmentLock.unlock')}
      </button>
      <span className={toggle.isError ? 'fr-error-text' : 'fr-sr-only'} aria-live="polite">
        {outcome}
      </span>
    </>
  );
}
