import { z } from 'zod';
import { buildFeedbackReport } from '../../workspace/commands/feedbackReport';
import { renderFeedbackReportCsv } from '../../workspace/report/feedbackReportCsv';
import {
  FEEDBACK_REPORT_HTML_CSP,
  renderFeedbackReportHtml,
} from '../../workspace/report/feedbackReportHtml';
import type { WorkspaceContext } from '../../workspace/workspaceContext';
import { defineRoute, idParamsSchema, type AnyRouteDefinition } from '../routeDefinition';

const reportQuerySchema = z.strictObject({ format: z.enum(['csv', 'html']).default('html') });

/** `plan-2024-2026` → `rapport-contributions-plan-2024-2026-2024-05-01.csv`. */
function fileName(slug: string, generatedAt: string): string {
  return `rapport-contributions-${slug}-${generatedAt.slice(0, 10)}.csv`;
}

export function feedbackReportRoutes(context: WorkspaceContext): AnyRouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/consultations/{id}/feedback-report',
      tag: 'comments',
      summary:
        'Feedback report: every contribution with its author, organisation kind, passage, disposition and reason. `format=csv` downloads RFC 4180 CSV (UTF-8 with BOM, formula-like cells escaped); `format=html` (default) is a standalone accessible page. Public when the consultation is.',
      params: idParamsSchema,
      query: reportQuerySchema,
      // Not JSON: text/csv or text/html, written by the handler.
      response: z.string().meta({ description: 'text/csv or text/html' }),
      errors: [400, 401, 404],
      handler: async ({ user, params, query, response }) => {
        const report = await buildFeedbackReport(context, user, params.id);
        if (query.format === 'csv') {
          const consultation = (await context.store.consultations.findById(params.id))!;
          response
            .status(200)
            .type('text/csv; charset=utf-8')
            .attachment(fileName(consultation.slug, report.generatedAt))
            .send(renderFeedbackReportCsv(report));
        } else {
          response
            .status(200)
            .type('text/html; charset=utf-8')
            .set('Content-Security-Policy', FEEDBACK_REPORT_HTML_CSP)
            .send(renderFeedbackReportHtml(report));
        }
        return '';
      },
    }),
  ];
}
