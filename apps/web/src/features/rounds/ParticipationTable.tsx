import { participantKinds } from '@atelier/domain';
import type { CountsByParticipantKindDto } from '@atelier/protocol';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { DataTable } from '../../lib/DataTable';
import { totalComments, type ParticipationRow } from './roundView';

/**
 * Per commitment: comments, contributors and their split by organisation kind. The table is
 * the figure itself; the coloured bar beside each count of contributors only repeats it for
 * the eye (hidden from assistive technology, its colours keyed by the column headers).
 */
export function ParticipationTable({
  consultationId,
  roundTitle,
  rows,
}: {
  consultationId: string;
  roundTitle: string;
  rows: readonly ParticipationRow[];
}) {
  const { t } = useTranslation();
  return (
    <>
      <p className="fr-mb-1w">{t('rounds.participation.total', { count: totalComments(rows) })}</p>
      <DataTable
        caption={t('rounds.participation.caption', { title: roundTitle })}
        columns={[
          t('rounds.participation.commitment'),
          t('rounds.participation.comments'),
          t('rounds.participation.contributors'),
          ...participantKinds.map((kind) => t(`rounds.kind.${kind}`)),
        ]}
      >
        {rows.map((row) => (
          <tr key={row.commitmentId}>
            <th scope="row">
              {row.number === null ? (
                t('rounds.participation.unknownCommitment')
              ) : (
                <Link to={`/consultations/${consultationId}/engagements/${row.commitmentId}`}>
                  {t('rounds.commitmentLabel', { number: row.number, title: row.title })}
                </Link>
              )}
            </th>
            <td>{row.comments}</td>
            <td>
              {row.contributors}
              <KindBar counts={row.contributorsByKind} />
            </td>
            {participantKinds.map((kind) => (
              <td key={kind}>
                <span className={`atelier-kind-swatch atelier-kind--${kind}`} aria-hidden="true" />
                {row.contributorsByKind[kind]}
              </td>
            ))}
          </tr>
        ))}
      </DataTable>
      <p className="fr-text--xs atelier-muted">{t('rounds.participation.note')}</p>
    </>
  );
}

/** The split as a bar, for the eye only: the cells of the same row say it in numbers. */
function KindBar({ counts }: { counts: CountsByParticipantKindDto }) {
  const total = participantKinds.reduce((sum, kind) => sum + counts[kind], 0);
  if (total === 0) return null;
  return (
    <span className="atelier-kind-bar" aria-hidden="true">
      {participantKinds.map((kind) =>
        counts[kind] > 0 ? (
          // React sets the share through the CSSOM, which the CSP allows (no style attribute).
          <span key={kind} className={`atelier-kind--${kind}`} style={{ flexGrow: counts[kind] }} />
        ) : null,
      )}
    </span>
  );
}
