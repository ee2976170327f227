import { participantKinds } from '@atelier/domain';
import type { AttendancePayload } from '@atelier/protocol';
import { useTranslation } from 'react-i18next';

/** Who joined, when, as what; whether still connected; and the counts by organisation kind. */
export function AttendanceList({ attendance }: { attendance: AttendancePayload }) {
  const { t, i18n } = useTranslation();
  const time = new Intl.DateTimeFormat(i18n.resolvedLanguage, { timeStyle: 'short' });
  return (
    <section className="atelier-forum-panel" aria-labelledby="attendance-title">
      <h2 id="attendance-title" className="fr-h5">
        {t('forum.attendance.title')}
      </h2>
      <p aria-live="polite">
        {t('forum.attendance.connected', { count: attendance.connectedCount })}
      </p>
      <p className="fr-text--sm">
        {participantKinds
          .map(
            (kind) =>
              `${t(`forum.participantKind.${kind}`)} : ${attendance.joinedByKind[kind] ?? 0}`,
          )
          .join(' · ')}
      </p>
      {attendance.participants && attendance.participants.length > 0 ? (
        <table className="atelier-forum-table">
          <caption className="fr-text--sm">{t('forum.attendance.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('forum.attendance.columns.name')}</th>
              <th scope="col">{t('forum.attendance.columns.kind')}</th>
              <th scope="col">{t('forum.attendance.columns.role')}</th>
              <th scope="col">{t('forum.attendance.columns.joinedAt')}</th>
              <th scope="col">{t('forum.attendance.columns.connected')}</th>
            </tr>
          </thead>
          <tbody>
            {attendance.participants.map((participant) => (
              <tr key={participant.id}>
                <th scope="row">{participant.displayName}</th>
                <td>{t(`forum.participantKind.${participant.participantKind}`)}</td>
                <td>{t(`forum.participantRole.${participant.role}`)}</td>
                <td>{time.format(new Date(participant.joinedAt))}</td>
                <td>
                  {participant.connected ? t('forum.attendance.yes') : t('forum.attendance.no')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
