import type { CommitmentDto, PresentPerson } from '@atelier/protocol';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { presenceColorFor } from '../../editor/presence/presenceColors';
import { useConsultationLiveUpdates, type ConsultationPresence } from '../../lib/liveUpdates';
import { useConsultationContext } from '../consultations/ConsultationLayout';
import { QueryState } from '../consultations/QueryState';
import { CommitmentStatusBadge } from '../consultations/StatusBadge';
import { useCommitments } from '../consultations/useConsultations';
import { CommitmentLockButton } from '../moderation/CommitmentLockButton';
import { useCanModerate } from '../moderation/useCanModerate';
import {
  displayTitle,
  formatNameList,
  leadOrganisationNames,
  relativeTimeLabel,
} from './commitmentView';
import { DataTable } from '../../lib/DataTable';

export function CommitmentsSection() {
  const { t } = useTranslation();
  const { consultation, role } = useConsultationContext();
  // Locks, like moderation, are the facilitators' (the editor offers the same action).
  const canLock = useCanModerate(role) && consultation.status !== 'archived';
  const commitments = useCommitments(consultation.id);
  const presence = useConsultationLiveUpdates(consultation.id);
  return (
    <section aria-labelledby="commitments-title">
      <h2 id="commitments-title">{t('consultation.sections.commitments')}</h2>
      <QueryState query={commitments}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('commitments.empty')}</p>
          ) : (
            <CommitmentsTable commitments={list} presence={presence} canLock={canLock} />
          )
        }
      </QueryState>
    </section>
  );
}

function CommitmentsTable({
  commitments,
  presence,
  canLock,
}: {
  commitments: readonly CommitmentDto[];
  presence: ConsultationPresence;
  canLock: boolean;
}) {
  const { t, i18n } = useTranslation();
  const now = new Date();
  const locale = i18n.resolvedLanguage ?? 'fr';
  return (
    <DataTable
      caption={t('commitments.caption')}
      columns={[
        t('commitments.columns.number'),
        t('commitments.columns.title'),
        t('commitments.columns.theme'),
        t('commitments.columns.leads'),
        t('commitments.columns.status'),
        t('commitments.columns.lock'),
        t('commitments.columns.lastEdit'),
        t('commitments.columns.writingNow'),
      ]}
    >
      {commitments.map((commitment) => (
        <tr key={commitment.id}>
          <td>{commitment.number}</td>
          <th scope="row">
            <Link to={`/consultations/${commitment.consultationId}/engagements/${commitment.id}`}>
              {displayTitle(commitment)}
            </Link>
          </th>
          <td>
            {commitment.theme.label}
            <span className="atelier-muted fr-text--xs">
              {' '}
              ({t(`commitment.themeKind.${commitment.theme.kind}`)})
            </span>
          </td>
          <td>{formatNameList(leadOrganisationNames(commitment), locale) || '—'}</td>
          <td>
            <CommitmentStatusBadge status={commitment.status} />
          </td>
          <td>
            {commitment.locked ? t('commitments.locked') : t('commitments.unlocked')}
            {canLock ? <CommitmentLockButton commitment={commitment} /> : null}
          </td>
          <td>
            {commitment.draft.lastEditedAt ? (
              <time dateTime={commitment.draft.lastEditedAt}>
                {relativeTimeLabel(commitment.draft.lastEditedAt, now, locale, t('common.justNow'))}
              </time>
            ) : (
              t('commitments.neverEdited')
            )}
          </td>
          <td>
            <WritingNow people={presence.get(commitment.id)} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** Who has the draft open now (from the server's own connections); writers are marked. */
function WritingNow({ people }: { people: readonly PresentPerson[] | undefined }) {
  const { t } = useTranslation();
  if (!people || people.length === 0) return <>{t('commitments.nobody')}</>;
  return (
    <ul className="atelier-plain-list atelier-writers">
      {people.map((person, index) => (
        <li key={person.userId ?? `anonymous-${index}`}>
          {/* React sets colours through the CSSOM, which the CSP allows (no style attribute). */}
          <span
            className="atelier-dot"
            style={{ backgroundColor: presenceColorFor(person.userId ?? `anonymous-${index}`) }}
            aria-hidden="true"
          />
          {person.name ?? t('presence.anonymous')}
          {person.access === 'edit' ? (
            <span className="atelier-muted"> {t('commitments.typing')}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
