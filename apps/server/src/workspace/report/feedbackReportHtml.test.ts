import { describe, expect, it } from 'vitest';
import type { FeedbackReport } from './feedbackReportModel';
import {
  escapeHtml,
  FEEDBACK_REPORT_HTML_CSP,
  renderFeedbackReportHtml,
} from './feedbackReportHtml';

const report: FeedbackReport = {
  consultationTitle: 'Plan <2024>',
  generatedAt: '2024-05-01T08:00:00.000Z',
  rows: [
    {
      commitmentNumber: 1,
      commitmentTitle: 'Données & transparence',
      threadId: 't1',
      commentId: 'c1',
      isReply: false,
      postedAt: '2024-04-02T10:00:00.000Z',
      author: 'Zoé "la" citoyenne',
      participantKind: 'citizen',
      passage: 'les <b>données</b>',
      contribution: { kind: 'visible', body: '<script>alert(1)</script>' },
      disposition: 'accepted',
      reason: 'Repris dans la version 2',
    },
    {
      commitmentNumber: 1,
      commitmentTitle: 'Données & transparence',
      threadId: 't1',
      commentId: 'c2',
      isReply: true,
      postedAt: '2024-04-03T10:00:00.000Z',
      author: 'Karim',
      participantKind: 'administration',
      passage: null,
      contribution: { kind: 'hidden', at: '2024-04-04T10:00:00.000Z', reason: 'Propos injurieux' },
      disposition: null,
      reason: '',
    },
  ],
};

describe('feedback report as an HTML page', () => {
  const html = renderFeedbackReportHtml(report);

  it('is a French, standalone page with a captioned table and scoped headers, and no script', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(html).toContain('<caption>Contributions (2) et réponses motivées</caption>');
    expect(html).toContain('<th scope="col">Disposition</th>');
    expect(html).toContain('<th scope="row">1. Données &amp; transparence</th>');
    expect(html).not.toMatch(/<script/i);
  });

  it('renders comments, names and passages as text', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Zoé &quot;la&quot; citoyenne');
    expect(html).toContain('les &lt;b&gt;données&lt;/b&gt;');
    expect(html).toContain('<title>Rapport de suivi des contributions — Plan &lt;2024&gt;</title>');
  });

  it('shows the moderation trace instead of a hidden text, and the state of each response', () => {
    expect(html).toContain('Masqué par la modération le 4 avril 2024 à 12:00 : Propos injurieux');
    expect(html).toContain('Retenue');
    expect(html).toContain('En attente de réponse');
  });

  it('allows its own inline style by hash and nothing else', () => {
    expect(FEEDBACK_REPORT_HTML_CSP).toMatch(/^default-src 'none'; style-src 'sha256-[\w+/=]+'/);
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
});
