import type { CommitmentDto } from '@atelier/protocol';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { PresentPerson } from '../../editor/presence/presenceStates';
import { useConsultationContext } from '../consultations/ConsultationLayout';
import { QueryState } from '../consultations/QueryState';
import { CommitmentStatusBadge } from '../consultations/StatusBadge';
import { useCommitments } from '../consultations/useConsultations';
import {
  displayTitle,
  formatNameList,
  leadOrganisationNames,
  relativeTimeLabel,
} from './commitmentView';
import { useDraftPresence } from './useDraftPresence';
import { DataTable } from '../../lib/DataTable';

export function CommitmentsSection() {
  const { t } = useTranslation();
  const { consultation } = useConsultationContext();
  const commitments = useCommitments(consultation.id);
  return (
    <section aria-labelledby="commitments-title">
      <h2 id="commitments-title">{t('consultation.sections.commitments')}</h2>
      <QueryState query={commitments}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('commitments.empty')}</p>
          ) : (
            <CommitmentsTable commitments={list} />
          )
        }
      </QueryState>
    </section>
  );
}

function CommitmentsTable({ commitments }: { commitments: readonly CommitmentDto[] }) {
  const { t, i18n } = useTranslation();
  const presence = useDraftPresence(
    commitments.map((commitment) => commitment.docName),
    t('presence.anonymous'),
  );
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
          <td>{commitment.locked ? t('commitments.locked') : t('commitments.unlocked')}</td>
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
            <WritingNow people={presence.get(commitment.docName)} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function WritingNow({ people }: { people: readonly PresentPerson[] | undefined }) {
  const { t } = useTranslation();
  if (!people || people.length === 0) return <>{t('commitments.nobody')}</>;
  return (
    <ul className="atelier-plain-list atelier-writers">
      {people.map((person) => (
        <li key={person.key}>
          {/* React sets colours through the CSSOM, which the CSP allows (no style attribute). */}
          <span
            className="atelier-dot"
            style={person.color ? { backgroundColor: person.color } : undefined}
            aria-hidden="true"
          />
          {person.name}
          {person.focusing ? (
            <span className="atelier-muted"> {t('commitments.typing')}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
