import {
  isConsultationWritable,
  isRoundParticipant,
  roundRemindersDue,
  type CommentRound,
  type Consultation,
  type RoundNotification,
} from '@atelier/domain';
import type { WorkspaceContext } from '../workspaceContext';
import { deliverNotifications } from './deliverNotifications';

export interface RoundRemindersOptions {
  /** Time between the end of one pass and the start of the next. */
  readonly intervalMs: number;
  /** The clock that decides what is due; the workspace's by default (tests bring their own). */
  readonly now?: () => Date;
}

/**
 * Tells the participants of each comment round when it opens, and once more when it closes
 * within 48 hours (`roundRemindersDue`). A pass looks at every round of every consultation
 * still taking comments and asks the store to keep every notification due (but the ones it
 * has already seen kept, below); the store keeps one
 * per person, kind and round, so passes can repeat, overlap a restart, or run on two servers
 * without telling anyone twice. Someone who joins while a round is open hears of it at the
 * next pass. Nobody is told that the round they created has opened.
 *
 * Rounds stay open for weeks and a pass runs every minute or so: to avoid rewriting every
 * participant's reminders each time, a pass remembers whom the store already holds each one
 * for and writes only the others (usually none). Members are still read at every pass, so
 * newcomers are found; the store's key stays the guarantee across restarts and servers.
 */
export class RoundReminders {
  private readonly now: () => Date;
  private timer: NodeJS.Timeout | null = null;
  private pass: Promise<unknown> | null = null;
  private stopped = false;
  /**
   * By round and kind (see `reminderKey`), the people whose reminder the store holds: only
   * filled once a write succeeded, and only for reminders the last pass found due.
   */
  private delivered = new Map<string, Set<string>>();

  constructor(
    private readonly context: WorkspaceContext,
    private readonly options: RoundRemindersOptions,
  ) {
    this.now = options.now ?? context.now;
  }

  /** Runs a pass now, then one every `intervalMs` after the previous ends; never two at once. */
  start(): void {
    if (this.stopped || this.timer || this.pass) return;
    this.schedule(0);
  }

  /** No pass starts after this; resolves once the one under way (if any) has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.pass;
  }

  /** One pass; resolves with how many notifications were stored (0 when all were known). */
  async runOnce(): Promise<number> {
    const now = this.now();
    // Rebuilt each pass so that rounds no longer due (closed, or their consultation) drop out.
    const stillDue = new Map<string, Set<string>>();
    let stored = 0;
    for (const consultation of await this.context.store.consultations.list()) {
      // Comments are refused once a consultation is closed: no round is worth announcing.
      if (!isConsultationWritable(consultation.status)) continue;
      const rounds = await this.context.store.commentRounds.listByConsultation(consultation.id);
      const due = rounds.flatMap((round) =>
        roundRemindersDue(round, now).map((kind) => ({ round, kind })),
      );
      if (due.length === 0) continue;
      for (const { round, kind } of due) {
        const key = reminderKey(round.id, kind);
        stillDue.set(key, this.delivered.get(key) ?? new Set());
      }
      const notifications = (await this.notificationsFor(consultation, due, now)).filter(
        (notification) => !knownToStore(stillDue, notification),
      );
      stored += (await deliverNotifications(this.context, notifications)).length;
      // Stored now, or already held (by an earlier pass, another server): either way, known.
      for (const notification of notifications) {
        stillDue
          .get(reminderKey(notification.roundId, notification.kind))
          ?.add(notification.userId);
      }
    }
    this.delivered = stillDue;
    return stored;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      this.pass = this.runOnce()
        .catch((error: unknown) =>
          this.context.logger.error({ err: error }, 'round reminders pass failed'),
        )
        .finally(() => {
          this.pass = null;
          if (!this.stopped) this.schedule(this.options.intervalMs);
        });
    }, delayMs);
    // Reminders never keep the process alive on their own; shutdown stops them first anyway.
    this.timer.unref();
  }

  private async notificationsFor(
    consultation: Consultation,
    due: readonly { round: CommentRound; kind: RoundNotification['kind'] }[],
    now: Date,
  ): Promise<RoundNotification[]> {
    const memberships = await this.context.store.memberships.listByConsultation(consultation.id);
    const users = await this.context.store.users.listByIds(memberships.map((m) => m.userId));
    const active = new Set(users.filter((user) => !user.disabled).map((user) => user.id));
    const createdAt = now.toISOString();
    return due.flatMap(({ round, kind }) =>
      memberships
        .filter(
          (membership) =>
            active.has(membership.userId) &&
            isRoundParticipant(membership.role, round.audience) &&
            !(kind === 'round_opened' && membership.userId === round.createdBy),
        )
        .map((membership): RoundNotification => ({
          id: this.context.newId(),
          userId: membership.userId,
          kind,
          consultationId: consultation.id,
          roundId: round.id,
          roundTitle: round.title,
          closesAt: round.closesAt,
          createdAt,
          readAt: null,
        })),
    );
  }
}

function reminderKey(roundId: string, kind: RoundNotification['kind']): string {
  return `${roundId}:${kind}`;
}

function knownToStore(
  delivered: ReadonlyMap<string, ReadonlySet<string>>,
  notification: RoundNotification,
): boolean {
  return (
    delivered.get(reminderKey(notification.roundId, notification.kind))?.has(notification.userId) ??
    false
  );
}
