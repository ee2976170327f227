import { toCsv } from './csv';
import {
  WHOLE_DRAFT_LABEL,
  dispositionLabel,
  hiddenTraceText,
  participantKindLabels,
  type FeedbackReport,
  type FeedbackReportRow,
} from './feedbackReportModel';

const HEADER = [
  'Engagement',
  'Titre de l’engagement',
  'Fil',
  'Contribution',
  'Type',
  'Date',
  'Auteur',
  'Type d’organisation',
  'Passage',
  'Texte',
  'Disposition',
  'Motif',
] as const;

function record(row: FeedbackReportRow): string[] {
  return [
    String(row.commitmentNumber),
    row.commitmentTitle,
    row.threadId,
    row.commentId,
    row.isReply ? 'Réponse' : 'Commentaire',
    row.postedAt,
    row.author,
    participantKindLabels[row.participantKind],
    row.passage ?? WHOLE_DRAFT_LABEL,
    row.contribution.kind === 'visible'
      ? row.contribution.body
      : hiddenTraceText(row.contribution.at, row.contribution.reason),
    dispositionLabel(row.disposition),
    row.reason,
  ];
}

/** One header line, then one line per contribution; dates as ISO-8601 (UTC) for sorting. */
export function renderFeedbackReportCsv(report: FeedbackReport): string {
  return toCsv([[...HEADER], ...report.rows.map(record)]);
}
