import type { ParticipantKind, ThreadDisposition } from '@atelier/domain';

/**
 * The consultation's feedback report (OGP co-creation standard 4): every contribution with its
 * author, the passage it is about and the reasoned response to its thread. One model, rendered
 * as CSV and as an HTML page; labels are French, like the page (`lang="fr"`).
 */
export interface FeedbackReport {
  readonly consultationTitle: string;
  readonly generatedAt: string;
  readonly rows: readonly FeedbackReportRow[];
}

/** What a contribution says in the report: its text, or the trace moderation left. */
export type ContributionText =
  | { readonly kind: 'visible'; readonly body: string }
  | { readonly kind: 'hidden'; readonly at: string; readonly reason: string };

/** One comment; the thread's response is repeated on each of its comments. */
export interface FeedbackReportRow {
  readonly commitmentNumber: number;
  readonly commitmentTitle: string;
  readonly threadId: string;
  readonly commentId: string;
  /** False for the comment that opened the thread. */
  readonly isReply: boolean;
  readonly postedAt: string;
  /** Display name or public pseudonym. */
  readonly author: string;
  readonly participantKind: ParticipantKind;
  /** The quoted passage; null for a comment on the whole draft. */
  readonly passage: string | null;
  readonly contribution: ContributionText;
  /** Null while the thread awaits its response. */
  readonly disposition: ThreadDisposition | null;
  readonly reason: string;
}

export const participantKindLabels: Record<ParticipantKind, string> = {
  administration: 'Administration',
  civil_society: 'Société civile',
  other: 'Autre organisation',
  citizen: 'Citoyen ou citoyenne',
};

export const dispositionLabels: Record<ThreadDisposition, string> = {
  accepted: 'Retenue',
  partially_accepted: 'Partiellement retenue',
  rejected: 'Non retenue',
  out_of_scope: 'Hors sujet',
  already_covered: 'Déjà prise en compte',
};

export const AWAITING_RESPONSE_LABEL = 'En attente de réponse';
export const WHOLE_DRAFT_LABEL = 'Ensemble du texte';

export function dispositionLabel(disposition: ThreadDisposition | null): string {
  return disposition ? dispositionLabels[disposition] : AWAITING_RESPONSE_LABEL;
}

/** "Masqué par la modération le <date> : <motif>", with the date as the caller formats it. */
export function hiddenTraceText(formattedDate: string, reason: string): string {
  return `Masqué par la modération le ${formattedDate} : ${reason}`;
}
