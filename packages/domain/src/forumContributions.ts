/**
 * Written contributions of a live forum session (issue 7): what a participant writes to the
 * room about the current agenda item, guests included under the `comment` policy. They have no
 * account, so the consultation's comment threads are closed to them; this is their channel.
 * Kept in the session's record and appended to its minutes when it ends.
 */
export interface ForumContributionHiding {
  readonly reason: string;
  /** The facilitator's participant id. */
  readonly hiddenByParticipantId: string;
  readonly hiddenAt: string;
}

export interface ForumContribution {
  readonly id: string;
  readonly sessionId: string;
  readonly participantId: string;
  /** Plain text, shown as text (never HTML). */
  readonly body: string;
  /**
   * The agenda item running when it was written, id and title copied: editing the agenda gives
   * its items new ids, and the record keeps what the room saw.
   */
  readonly agendaItemId: string | null;
  readonly agendaItemTitle: string | null;
  /** The spotlighted commitment (and passage) at that moment, when the author tied it. */
  readonly commitmentId: string | null;
  readonly passageQuote: string | null;
  readonly createdAt: string;
  /** Set when a facilitator hid it: a trace with the reason stays visible, like comments. */
  readonly hidden: ForumContributionHiding | null;
}
