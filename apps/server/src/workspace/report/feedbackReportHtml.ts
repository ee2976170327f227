import { createHash } from 'node:crypto';
import {
  WHOLE_DRAFT_LABEL,
  dispositionLabel,
  hiddenTraceText,
  participantKindLabels,
  type FeedbackReport,
  type FeedbackReportRow,
} from './feedbackReportModel';

/**
 * The feedback report as a standalone, accessible page: French, one table with a caption and
 * scoped headers, no script, every piece of text escaped (comments are plain text, even when
 * they look like HTML).
 */
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

/** Paris time: the consultations are French and so are their readers. */
const DATE_FORMAT = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Paris',
});

export function formatFrenchDate(instant: string): string {
  return DATE_FORMAT.format(new Date(instant));
}

function time(instant: string): string {
  return `<time datetime="${escapeHtml(instant)}">${escapeHtml(formatFrenchDate(instant))}</time>`;
}

/** Line breaks in comments are kept; the text is escaped first. */
function paragraphs(text: string): string {
  return escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>');
}

const STYLE = `
body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 2rem; color: #1a1a1a; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: bold; padding: 0.5rem 0; }
th, td { border: 1px solid #767676; padding: 0.4rem; text-align: left; vertical-align: top; }
thead th { background: #f0f0f0; }
blockquote { margin: 0; font-style: italic; }
.hidden-trace { font-style: italic; }
@media print { body { margin: 0; } }
`;

/**
 * The page's own Content-Security-Policy: nothing may load or run, only its inline style
 * (allowed by hash), so even a rendering mistake could not execute a comment.
 */
export const FEEDBACK_REPORT_HTML_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const COLUMNS = [
  'Engagement',
  'Date',
  'Auteur',
  'Type d’organisation',
  'Passage',
  'Contribution',
  'Disposition',
  'Motif',
] as const;

function contributionCell(row: FeedbackReportRow): string {
  const kind = row.isReply ? 'Réponse' : 'Commentaire';
  if (row.contribution.kind === 'hidden') {
    const trace = hiddenTraceText(formatFrenchDate(row.contribution.at), row.contribution.reason);
    return `<span class="hidden-trace">${kind} — ${escapeHtml(trace)}</span>`;
  }
  return `${kind} : ${paragraphs(row.contribution.body)}`;
}

function tableRow(row: FeedbackReportRow): string {
  const cells = [
    `<th scope="row">${row.commitmentNumber}. ${escapeHtml(row.commitmentTitle)}</th>`,
    `<td>${time(row.postedAt)}</td>`,
    `<td>${escapeHtml(row.author)}</td>`,
    `<td>${escapeHtml(participantKindLabels[row.participantKind])}</td>`,
    `<td>${row.passage === null ? escapeHtml(WHOLE_DRAFT_LABEL) : `<blockquote>${paragraphs(row.passage)}</blockquote>`}</td>`,
    `<td>${contributionCell(row)}</td>`,
    `<td>${escapeHtml(dispositionLabel(row.disposition))}</td>`,
    `<td>${paragraphs(row.reason)}</td>`,
  ];
  return `<tr>${cells.join('')}</tr>`;
}

export function renderFeedbackReportHtml(report: FeedbackReport): string {
  const title = `Rapport de suivi des contributions — ${report.consultationTitle}`;
  const body =
    report.rows.length === 0
      ? '<p>Aucune contribution pour le moment.</p>'
      : [
          '<table>',
          `<caption>Contributions (${report.rows.length}) et réponses motivées</caption>`,
          `<thead><tr>${COLUMNS.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('')}</tr></thead>`,
          `<tbody>${report.rows.map(tableRow).join('\n')}</tbody>`,
          '</table>',
        ].join('\n');
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>Généré le ${time(report.generatedAt)}.</p>
${body}
</main>
</body>
</html>
`;
}
