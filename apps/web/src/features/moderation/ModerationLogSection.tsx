import type { CommitmentDto } from '@atelier/protocol';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { DataTable } from '../../lib/DataTable';
import { absoluteDateTimeLabel, displayTitle } from '../commitments/commitmentView';
import { useConsultationContext } from '../consultations/ConsultationLayout';
import { QueryState } from '../consultations/QueryState';
import { useCommitments } from '../consultations/useConsultations';
import { moderationApi, moderationQueryKeys, type ModerationLogEntryDto } from './moderationApi';
import { parseLogTarget } from './moderationView';

/**
 * The public moderation log: every hide, restore, mute, unmute, lock and unlock, newest first,
 * with its date, reason and the moderator's role — never their name, which the server does not
 * even send. Readable by whoever reads the consultation, signed out for a public one.
 */
export function ModerationLogSection() {
  const { t } = useTranslation();
  const { consultation } = useConsultationContext();
  const log = useQuery({
    queryKey: moderationQueryKeys.log(consultation.id),
    queryFn: () => moderationApi.log(consultation.id),
  });
  const commitments = useCommitments(consultation.id);
  return (
    <section aria-labelledby="moderation-log-title">
      <h2 id="moderation-log-title">{t('moderation.log.title')}</h2>
      <p>{t('moderation.log.intro')}</p>
      <QueryState query={log}>
        {(entries) =>
          entries.length === 0 ? (
            <p>{t('moderation.log.empty')}</p>
          ) : (
            <LogTable entries={entries} commitments={commitments.data ?? []} />
          )
        }
      </QueryState>
    </section>
  );
}

function LogTable({
  entries,
  commitments,
}: {
  entries: readonly ModerationLogEntryDto[];
  commitments: readonly CommitmentDto[];
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'fr';
  return (
    <DataTable
      caption={t('moderation.log.caption')}
      columns={[
        t('moderation.log.columns.at'),
        t('moderation.log.columns.action'),
        t('moderation.log.columns.target'),
        t('moderation.log.columns.reason'),
        t('moderation.log.columns.by'),
      ]}
    >
      {entries.map((entry) => (
        <tr key={entry.id}>
          <td>
            <time dateTime={entry.at}>{absoluteDateTimeLabel(entry.at, locale)}</time>
          </td>
          <td>{t(`moderation.log.actions.${entry.action}`)}</td>
          <td>
            <LogTarget target={entry.target} commitments={commitments} />
          </td>
          <td>{entry.reason || t('moderation.log.noReason')}</td>
          <td>{t(`moderation.log.roles.${entry.moderatorRole}`)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** A comment or a person stays anonymous here; a commitment is named and linked. */
function LogTarget({
  target,
  commitments,
}: {
  target: string;
  commitments: readonly CommitmentDto[];
}) {
  const { t } = useTranslation();
  const parsed = parseLogTarget(target);
  if (parsed.kind === 'commitment') {
    const commitment = commitments.find((candidate) => candidate.id === parsed.id);
    if (commitment) {
      return (
        <Link to={`/consultations/${commitment.consultationId}/engagements/${commitment.id}`}>
          {t('moderation.commitmentLabel', {
            number: commitment.number,
            title: displayTitle(commitment),
          })}
        </Link>
      );
    }
  }
  return <>{t(`moderation.log.targets.${parsed.kind}`)}</>;
}
