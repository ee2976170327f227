import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CommentNotification, Notification, RoundNotification } from '@atelier/domain';
import type { WorkspaceStore } from '../workspace/workspaceStore';
import { UniqueConstraintError } from '../workspace/workspaceStore';
import { OPERATOR_INJECTION } from './operatorInjection';
import { minutesAfterBase } from './workspaceFactories';

const RACING_WRITERS = 10;

export function aCommentNotification(
  overrides: Partial<CommentNotification> = {},
): CommentNotification {
  return {
    id: `notification-${randomUUID()}`,
    userId: `user-${randomUUID()}`,
    kind: 'reply',
    consultationId: 'consultation-notifications',
    commitmentId: 'commitment-1',
    threadId: `thread-${randomUUID()}`,
    commentId: `comment-${randomUUID()}`,
    actorId: `user-${randomUUID()}`,
    actorName: 'Élise Moreau',
    commitmentTitle: 'Ouvrir les données de la commande publique',
    excerpt: 'Je propose d’ajouter un jalon sur les données essentielles…',
    createdAt: minutesAfterBase(0),
    readAt: null,
    ...overrides,
  };
}

export function aRoundNotification(overrides: Partial<RoundNotification> = {}): RoundNotification {
  return {
    id: `notification-${randomUUID()}`,
    userId: `user-${randomUUID()}`,
    kind: 'round_opened',
    consultationId: 'consultation-notifications',
    roundId: `round-${randomUUID()}`,
    roundTitle: 'Premier tour de commentaires',
    closesAt: minutesAfterBase(60 * 24 * 21),
    createdAt: minutesAfterBase(0),
    readAt: null,
    ...overrides,
  };
}

/** Every notification method that takes a key, with an operator object in its place. */
export function notificationOperatorInjectionCalls(
  store: WorkspaceStore,
): (() => Promise<unknown>)[] {
  const hostile = OPERATOR_INJECTION;
  const now = minutesAfterBase(0);
  return [
    () => store.notifications.listByUser(hostile, 10),
    () => store.notifications.listByUser('user-valide', hostile as unknown as number),
    () => store.notifications.countUnread(hostile),
    () => store.notifications.markRead(hostile, 'notification-valide', now),
    () => store.notifications.markRead('user-valide', hostile, now),
    () => store.notifications.markRead('user-valide', 'notification-valide', hostile),
    () => store.notifications.markAllRead(hostile, now),
    () => store.notifications.markAllRead('user-valide', hostile),
    () => store.notifications.createMany([aCommentNotification({ userId: hostile })]),
    () => store.notifications.createMany([aRoundNotification({ roundId: hostile })]),
    () => store.notifications.createMany(hostile as unknown as Notification[]),
  ];
}

/**
 * Notifications: part of the WorkspaceStore contract, run by `describeWorkspaceStoreContract`
 * inside its own describe (so every adapter gets them). `store()` returns the current test's
 * fresh store.
 */
export function describeNotificationStoreContract(store: () => WorkspaceStore): void {
  describe('notifications', () => {
    it('round-trips every kind and lists a person’s newest first, at most `limit`', async () => {
      const userId = `user-${randomUUID()}`;
      const reply = aCommentNotification({ userId, createdAt: minutesAfterBase(1) });
      const mention = aCommentNotification({
        userId,
        kind: 'mention',
        createdAt: minutesAfterBase(3),
      });
      const opened = aRoundNotification({ userId, createdAt: minutesAfterBase(2) });
      const closing = aRoundNotification({
        userId,
        kind: 'round_closing_soon',
        roundId: opened.roundId,
        createdAt: minutesAfterBase(4),
        readAt: minutesAfterBase(5),
      });
      const someoneElses = aCommentNotification({ createdAt: minutesAfterBase(9) });

      const stored = await store().notifications.createMany([
        reply,
        mention,
        opened,
        closing,
        someoneElses,
      ]);

      expect(stored).toEqual([reply, mention, opened, closing, someoneElses]);
      expect(await store().notifications.listByUser(userId, 10)).toEqual([
        closing,
        mention,
        opened,
        reply,
      ]);
      expect(await store().notifications.listByUser(userId, 2)).toEqual([closing, mention]);
      expect(await store().notifications.listByUser(userId, 0)).toEqual([]);
      expect(await store().notifications.listByUser('user-unknown', 10)).toEqual([]);
    });

    it('breaks ties on the same instant by id, newest id first', async () => {
      const userId = `user-${randomUUID()}`;
      const [first, second] = ['notification-a', 'notification-b'].map((suffix) =>
        aCommentNotification({ userId, id: `${suffix}-${randomUUID()}` }),
      ) as [Notification, Notification];
      await store().notifications.createMany([first, second]);

      expect(await store().notifications.listByUser(userId, 10)).toEqual([second, first]);
    });

    it('stores one notification per person, kind and subject, however often it is asked', async () => {
      const userId = `user-${randomUUID()}`;
      const reply = aCommentNotification({ userId });
      const [first] = await store().notifications.createMany([reply]);
      expect(first).toEqual(reply);

      // Same person, kind and comment under a new id: a second scheduler run, another server.
      const again = { ...reply, id: `notification-${randomUUID()}`, excerpt: 'Autre texte' };
      expect(await store().notifications.createMany([again])).toEqual([]);
      // Within one call too, and without stopping the others.
      const opened = aRoundNotification({ userId });
      const openedTwice = { ...opened, id: `notification-${randomUUID()}` };
      // Another kind about the same comment is another notification.
      const mention: Notification = {
        ...reply,
        id: `notification-${randomUUID()}`,
        kind: 'mention',
      };
      const otherPerson: Notification = { ...reply, id: `n-${randomUUID()}`, userId: 'user-autre' };
      expect(
        await store().notifications.createMany([opened, openedTwice, mention, otherPerson]),
      ).toEqual([opened, mention, otherPerson]);

      expect(await store().notifications.listByUser(userId, 10)).toHaveLength(3);
      expect(await store().notifications.countUnread(userId)).toBe(3);
    });

    it('lets concurrent writers of the same notifications store each one once', async () => {
      const userId = `user-${randomUUID()}`;
      const roundId = `round-${randomUUID()}`;
      const results = await Promise.all(
        Array.from({ length: RACING_WRITERS }, () =>
          store().notifications.createMany([aRoundNotification({ userId, roundId })]),
        ),
      );

      expect(results.flat()).toHaveLength(1);
      expect(await store().notifications.listByUser(userId, 10)).toHaveLength(1);
    });

    it('refuses a duplicate id, and an empty batch stores nothing', async () => {
      const notification = aCommentNotification();
      await store().notifications.createMany([notification]);
      const sameId = aRoundNotification({ id: notification.id });

      const error = await store()
        .notifications.createMany([sameId])
        .then(
          () => undefined,
          (rejection: unknown) => rejection,
        );
      expect(error).toBeInstanceOf(UniqueConstraintError);
      expect((error as UniqueConstraintError).constraint).toBe('primary_key');
      expect(await store().notifications.createMany([])).toEqual([]);
      expect(await store().notifications.listByUser(sameId.userId, 10)).toEqual([]);
    });

    it('counts unread ones and marks one read, only for its recipient, keeping the first date', async () => {
      const userId = `user-${randomUUID()}`;
      const [mine, alsoMine] = [aCommentNotification({ userId }), aRoundNotification({ userId })];
      const theirs = aCommentNotification();
      await store().notifications.createMany([mine, alsoMine, theirs]);
      expect(await store().notifications.countUnread(userId)).toBe(2);

      expect(await store().notifications.markRead(userId, theirs.id, minutesAfterBase(10))).toBe(
        null,
      );
      expect(await store().notifications.countUnread(theirs.userId)).toBe(1);
      expect(
        await store().notifications.markRead(userId, 'notification-unknown', minutesAfterBase(10)),
      ).toBeNull();

      const read = await store().notifications.markRead(userId, mine.id, minutesAfterBase(10));
      expect(read).toEqual({ ...mine, readAt: minutesAfterBase(10) });
      const readAgain = await store().notifications.markRead(userId, mine.id, minutesAfterBase(20));
      expect(readAgain).toEqual({ ...mine, readAt: minutesAfterBase(10) });
      expect(await store().notifications.countUnread(userId)).toBe(1);
    });

    it('marks all of one person’s unread notifications read, and nobody else’s', async () => {
      const userId = `user-${randomUUID()}`;
      const alreadyRead = aRoundNotification({ userId, readAt: minutesAfterBase(1) });
      const unread = [aCommentNotification({ userId }), aRoundNotification({ userId })];
      const theirs = aCommentNotification();
      await store().notifications.createMany([alreadyRead, ...unread, theirs]);

      expect(await store().notifications.markAllRead(userId, minutesAfterBase(30))).toBe(2);
      expect(await store().notifications.markAllRead(userId, minutesAfterBase(40))).toBe(0);

      expect(await store().notifications.countUnread(userId)).toBe(0);
      expect(await store().notifications.countUnread(theirs.userId)).toBe(1);
      const listed = await store().notifications.listByUser(userId, 10);
      expect(listed.find((n) => n.id === alreadyRead.id)?.readAt).toBe(minutesAfterBase(1));
      expect(listed.filter((n) => n.readAt === minutesAfterBase(30))).toHaveLength(2);
    });

    it('keeps only the fields of the notification’s kind', async () => {
      const userId = `user-${randomUUID()}`;
      const round = aRoundNotification({ userId });
      const withStrayFields = { ...round, excerpt: 'ne doit pas être stocké', extra: 1 };
      const [stored] = await store().notifications.createMany([withStrayFields]);

      expect(stored).toEqual(round);
      expect(await store().notifications.listByUser(userId, 1)).toEqual([round]);
    });

    it('rejects malformed records and operator objects before any query', async () => {
      const userId = `user-${randomUUID()}`;
      await store().notifications.createMany([aCommentNotification({ userId })]);
      const malformed = [
        aCommentNotification({ createdAt: '2024-03-01' }),
        aCommentNotification({ excerpt: 42 as unknown as string }),
        aRoundNotification({ closesAt: 'demain' }),
        { ...aCommentNotification(), kind: 'digest' } as unknown as Notification,
      ];
      for (const notification of malformed) {
        await expect(store().notifications.createMany([notification])).rejects.toThrow(TypeError);
      }
      for (const call of notificationOperatorInjectionCalls(store())) {
        await expect(call(), String(call)).rejects.toThrow(TypeError);
      }

      expect(await store().notifications.countUnread(userId)).toBe(1);
    });
  });
}
