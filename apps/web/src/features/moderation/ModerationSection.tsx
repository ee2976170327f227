import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useSession } from '../auth/useSession';
import { displayTitle } from '../commitments/commitmentView';
import { useConsultationContext } from '../consultations/ConsultationLayout';
import { QueryState } from '../consultations/QueryState';
import { useCommitments } from '../consultations/useConsultations';
import { moderationApi, moderationQueryKeys, type ModerationQueueItemDto } from './moderationApi';
import { MutesPanel } from './MutesPanel';
import { QueueItem, type ModerationOutcome } from './QueueItem';
import { useCanModerate } from './useCanModerate';
import './moderation.css';

/** New flags arrive while a moderator works: the queue is read again this often. */
const QUEUE_REFRESH_MS = 30_000;

/**
 * Facilitators' moderation desk: the flagged comments to decide on, and who is muted. The link
 * to it is shown to moderators only, and others reaching its address are told it is not for
 * them; the server refuses them anyway (403).
 */
export function ModerationSection() {
  const { t } = useTranslation();
  const { role } = useConsultationContext();
  const canModerate = useCanModerate(role);
  const session = useSession();
  if (session.isPending) return <p role="status">{t('common.loading')}</p>;
  if (!canModerate) {
    return (
      <div className="fr-alert fr-alert--error" role="alert">
        <p className="fr-alert__title">{t('errors.forbidden')}</p>
      </div>
    );
  }
  return <ModerationDesk />;
}

function ModerationDesk() {
  const { t } = useTranslation();
  const { consultation } = useConsultationContext();
  const queryClient = useQueryClient();
  const queue = useQuery({
    queryKey: moderationQueryKeys.queue(consultation.id),
    queryFn: () => moderationApi.queue(consultation.id),
    refetchInterval: QUEUE_REFRESH_MS,
  });
  const commitments = useCommitments(consultation.id);
  const [handled, setHandled] = useState<readonly ModerationQueueItemDto[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const queueHeading = useRef<HTMLHeadingElement>(null);

  const labelOf = (commitmentId: string) => {
    const commitment = commitments.data?.find((candidate) => candidate.id === commitmentId);
    return commitment
      ? t('moderation.commitmentLabel', {
          number: commitment.number,
          title: displayTitle(commitment),
        })
      : null;
  };

  const onDone = (outcome: ModerationOutcome) => {
    const name = outcome.item.comment.author?.displayName ?? t('moderation.queue.unknownAuthor');
    setAnnouncement(t(`moderation.queue.done.${outcome.kind}`, { name }));
    setHandled((previous) => [
      outcome.item,
      ...previous.filter((item) => item.comment.id !== outcome.item.comment.id),
    ]);
    void queryClient.invalidateQueries({ queryKey: moderationQueryKeys.queue(consultation.id) });
    void queryClient.invalidateQueries({ queryKey: moderationQueryKeys.log(consultation.id) });
    // The item leaves the list it was in: the focus goes back to the top of the queue.
    requestAnimationFrame(() => queueHeading.current?.focus());
  };

  const handledIds = new Set(handled.map((item) => item.comment.id));
  return (
    <section aria-labelledby="moderation-title">
      <h2 id="moderation-title">{t('moderation.title')}</h2>
      <p>{t('moderation.intro')}</p>
      <div aria-live="polite">
        {announcement ? (
          <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w">
            <p>{announcement}</p>
          </div>
        ) : null}
      </div>
      <section aria-labelledby="moderation-queue-title" className="fr-mb-6w">
        <h3 id="moderation-queue-title" ref={queueHeading} tabIndex={-1}>
          {t('moderation.queue.title')}
        </h3>
        <QueryState query={queue}>
          {(items) => {
            const pending = items.filter((item) => !handledIds.has(item.comment.id));
            return pending.length === 0 ? (
              <p>{t('moderation.queue.empty')}</p>
            ) : (
              <ul className="atelier-plain-list">
                {pending.map((item) => (
                  <li key={item.comment.id}>
                    <QueueItem
                      consultationId={consultation.id}
                      item={item}
                      commitmentLabel={labelOf(item.comment.commitmentId)}
                      onDone={onDone}
                    />
                  </li>
                ))}
              </ul>
            );
          }}
        </QueryState>
        {handled.length > 0 ? (
          <>
            <h3 className="fr-h5 fr-mt-4w">{t('moderation.queue.handledTitle')}</h3>
            <p className="fr-text--sm">{t('moderation.queue.handledIntro')}</p>
            <ul className="atelier-plain-list">
              {handled.map((item) => (
                <li key={item.comment.id}>
                  <QueueItem
                    consultationId={consultation.id}
                    item={item}
                    commitmentLabel={labelOf(item.comment.commitmentId)}
                    onDone={onDone}
                  />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <MutesPanel consultationId={consultation.id} />
    </section>
  );
}
