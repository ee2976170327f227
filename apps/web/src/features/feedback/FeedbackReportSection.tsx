import { useTranslation } from 'react-i18next';

import { useConsultationContext } from '../consultations/ConsultationLayout';

/** The CSV's columns in the order the server writes them (feedbackReportCsv.ts). */
const CSV_COLUMNS = [
  'number',
  'title',
  'thread',
  'contribution',
  'type',
  'date',
  'author',
  'kind',
  'passage',
  'text',
  'disposition',
  'reason',
] as const;

/**
 * The feedback report (reasoned responses to every contribution): the server renders it as an
 * accessible HTML page and as CSV. Whoever reads the consultation reads the report, so the
 * section is shown to all; plain links, not client routes, since the server answers them.
 */
export function FeedbackReportSection() {
  const { t } = useTranslation();
  const { consultation } = useConsultationContext();
  const report = `/api/consultations/${encodeURIComponent(consultation.id)}/feedback-report`;
  return (
    <section aria-labelledby="feedback-title">
      <h2 id="feedback-title">{t('feedback.title')}</h2>
      <p>{t('feedback.intro')}</p>
      <ul className="atelier-plain-list fr-mb-3w">
        <li className="fr-mb-2w">
          <a className="fr-link" href={`${report}?format=html`}>
            {t('feedback.html')}
          </a>
        </li>
        <li>
          <a
            className="fr-link fr-link--download"
            href={`${report}?format=csv`}
            download
            aria-describedby="feedback-csv-format"
          >
            {t('feedback.csv')}
            <span className="fr-link__detail">{t('feedback.csvDetail')}</span>
          </a>
        </li>
      </ul>
      <div>
        <h3 className="fr-h6">{t('feedback.formatTitle')}</h3>
        <p id="feedback-csv-format">{t('feedback.format')}</p>
        <p className="fr-mb-1w">{t('feedback.columnsTitle')}</p>
        <ol>
          {CSV_COLUMNS.map((column) => (
            <li key={column}>{t(`feedback.columns.${column}`)}</li>
          ))}
        </ol>
      </div>
    </section>
  );
}
