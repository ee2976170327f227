import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { queryKeys } from '../../app/queryClient';
import { api } from '../../lib/api';
import { absoluteDateTimeLabel } from '../commitments/commitmentView';
import { useConsultationContext } from '../consultations/ConsultationLayout';
import { QueryState } from '../consultations/QueryState';
import { DataTable } from '../../lib/DataTable';

/** What facilitators and the system did, newest first. */
export function AuditSection() {
  const { t, i18n } = useTranslation();
  const { consultation } = useConsultationContext();
  const audit = useQuery({
    queryKey: queryKeys.audit(consultation.id),
    queryFn: () => api.audit(consultation.id),
  });
  const locale = i18n.resolvedLanguage ?? 'fr';
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{t('audit.title')}</h2>
      <QueryState query={audit}>
        {(entries) =>
          entries.length === 0 ? (
            <p>{t('audit.empty')}</p>
          ) : (
            <DataTable
              caption={t('audit.caption')}
              columns={[
                t('audit.columns.at'),
                t('audit.columns.actor'),
                t('audit.columns.action'),
                t('audit.columns.target'),
              ]}
            >
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.at}>{absoluteDateTimeLabel(entry.at, locale)}</time>
                  </td>
                  <td>{entry.actor?.displayName ?? t('audit.system')}</td>
                  <td>{t(`audit.actions.${entry.action}`, { defaultValue: entry.action })}</td>
                  <td>{entry.target}</td>
                </tr>
              ))}
            </DataTable>
          )
        }
      </QueryState>
    </section>
  );
}
