import { describe, expect, it } from 'vitest';
import type { WorkspaceStore } from '../workspace/workspaceStore';
import { UniqueConstraintError } from '../workspace/workspaceStore';
import { operatorInjectionCalls } from './operatorInjection';
import {
  aComment,
  aCommentReaction,
  aCommentRound,
  aCommentThread,
  aFlag,
  aModerationLogEntry,
  aMute,
  aThreadResponse,
  minutesAfterBase,
} from './workspaceFactories';

const RACING_REACTIONS = 10;

async function rejection(write: Promise<unknown>): Promise<unknown> {
  return write.then(
    () => undefined,
    (error: unknown) => error,
  );
}

async function expectConstraint(write: Promise<unknown>, constraint: string): Promise<void> {
  const error = await rejection(write);
  expect(error).toBeInstanceOf(UniqueConstraintError);
  expect((error as UniqueConstraintError).constraint).toBe(constraint);
}

/**
 * Comment rounds, threads, comments, reactions, responses and moderation: part of the
 * WorkspaceStore contract, run by `describeWorkspaceStoreContract` inside its own describe (so
 * every adapter gets them). `store()` returns the current test's fresh store.
 */
export function describeCommentStoreContract(store: () => WorkspaceStore): void {
  describe('comment rounds', () => {
    it('round-trips every field and lists a consultation’s rounds by opening date', async () => {
      const consultationId = 'consultation-tours';
      const later = aCommentRound({
        consultationId,
        opensAt: minutesAfterBase(100),
        audience: 'public',
        commitmentIds: ['commitment-1', 'commitment-3'],
      });
      const earlier = aCommentRound({ consultationId, opensAt: minutesAfterBase(10) });
      for (const round of [later, earlier, aCommentRound()]) {
        await store().commentRounds.create(round);
      }

      expect(await store().commentRounds.findById(later.id)).toEqual(later);
      expect(await store().commentRounds.findById('round-unknown')).toBeNull();
      expect(await store().commentRounds.listByConsultation(consultationId)).toEqual([
        earlier,
        later,
      ]);
      await expectConstraint(
        store().commentRounds.create(aCommentRound({ id: later.id })),
        'primary_key',
      );
    });

    it('updates only the patched fields', async () => {
      const round = aCommentRound({ commitmentIds: ['commitment-1'] });
      await store().commentRounds.create(round);

      const patch = {
        closesAt: minutesAfterBase(500),
        audience: 'public',
        commitmentIds: [],
      } as const;
      const updated = await store().commentRounds.update(round.id, patch);

      expect(updated).toEqual({ ...round, ...patch });
      expect(await store().commentRounds.findById(round.id)).toEqual({ ...round, ...patch });
      expect(await store().commentRounds.update(round.id, {})).toEqual({ ...round, ...patch });
      expect(await store().commentRounds.update('round-unknown', { title: 'Tour' })).toBeNull();
    });

    it('rejects malformed instants and audiences', async () => {
      await expect(
        store().commentRounds.create(aCommentRound({ opensAt: '2024-03-01' })),
      ).rejects.toThrow(TypeError);
      await expect(
        store().commentRounds.create(
          aCommentRound({ audience: 'everyone' as unknown as 'public' }),
        ),
      ).rejects.toThrow(TypeError);
    });
  });

  describe('comment threads', () => {
    it('stores a thread with its first comment and finds both', async () => {
      const anchored = aCommentThread({ roundId: 'round-1' });
      const first = aComment({ threadId: anchored.id, mentions: ['user-a', 'user-b'] });
      const whole = aCommentThread({ anchor: null });
      const wholeFirst = aComment({ threadId: whole.id });
      await store().commentThreads.createThread(anchored, first);
      await store().commentThreads.createThread(whole, wholeFirst);

      expect(await store().commentThreads.findThread(anchored.id)).toEqual(anchored);
      expect(await store().commentThreads.findThread(whole.id)).toEqual(whole);
      expect(await store().commentThreads.findComment(first.id)).toEqual(first);
      expect(await store().commentThreads.findRootComment(anchored.id)).toEqual(first);
      expect(await store().commentThreads.findThread('thread-unknown')).toBeNull();
      expect(await store().commentThreads.findComment('comment-unknown')).toBeNull();
      expect(await store().commentThreads.findRootComment('thread-unknown')).toBeNull();
    });

    it('keeps only the five anchor fields', async () => {
      const thread = aCommentThread();
      const anchor = { ...thread.anchor!, extra: 'ignored' } as typeof thread.anchor;
      await store().commentThreads.createThread(
        { ...thread, anchor },
        aComment({ threadId: thread.id }),
      );

      expect((await store().commentThreads.findThread(thread.id))?.anchor).toEqual(thread.anchor);
    });

    it('refuses a duplicate thread without leaving its comment behind', async () => {
      const thread = aCommentThread();
      await store().commentThreads.createThread(thread, aComment({ threadId: thread.id }));
      const orphan = aComment({ threadId: thread.id });

      await expectConstraint(
        store().commentThreads.createThread({ ...thread, commitmentId: 'autre' }, orphan),
        'primary_key',
      );
      expect(await store().commentThreads.findComment(orphan.id)).toBeNull();
      await expect(
        store().commentThreads.createThread(aCommentThread(), aComment()),
      ).rejects.toThrow(TypeError);
    });

    it('lists by commitment, round and consultation, and reads one thread the same way: threads and comments oldest first, first comment first, with responses', async () => {
      const consultationId = 'consultation-liste';
      const commitmentId = 'commitment-liste';
      const older = aCommentThread({
        consultationId,
        commitmentId,
        roundId: 'round-liste',
        createdAt: minutesAfterBase(1),
      });
      const newer = aCommentThread({
        consultationId,
        commitmentId,
        createdAt: minutesAfterBase(2),
      });
      const elsewhere = aCommentThread({ consultationId, createdAt: minutesAfterBase(0) });
      // Same instant as the reply below, and an id that sorts after it: the first stays first.
      const olderFirst = aComment({
        id: 'comment-zz-first',
        threadId: older.id,
        createdAt: minutesAfterBase(5),
      });
      const sameInstantReply = aComment({
        id: 'comment-aa-reply',
        threadId: older.id,
        createdAt: minutesAfterBase(5),
      });
      const laterReply = aComment({ threadId: older.id, createdAt: minutesAfterBase(9) });
      const earlierReply = aComment({ threadId: older.id, createdAt: minutesAfterBase(7) });
      const newerFirst = aComment({ threadId: newer.id, createdAt: minutesAfterBase(2) });
      const elsewhereFirst = aComment({ threadId: elsewhere.id });
      await store().commentThreads.createThread(newer, newerFirst);
      await store().commentThreads.createThread(older, olderFirst);
      await store().commentThreads.createThread(elsewhere, elsewhereFirst);
      for (const reply of [laterReply, sameInstantReply, earlierReply]) {
        await store().commentThreads.addComment(reply);
      }
      const response = aThreadResponse({ threadId: older.id, draftVersion: 'seq-42' });
      await store().commentThreads.setResponse(response);

      const listed = await store().commentThreads.listByCommitment(commitmentId);

      expect(listed).toEqual([
        {
          thread: older,
          comments: [olderFirst, sameInstantReply, earlierReply, laterReply],
          response,
        },
        { thread: newer, comments: [newerFirst], response: null },
      ]);
      expect(await store().commentThreads.listByRound('round-liste')).toEqual([listed[0]]);
      expect(
        (await store().commentThreads.listByConsultation(consultationId)).map((t) => t.thread.id),
      ).toEqual([elsewhere.id, older.id, newer.id]);
      expect(await store().commentThreads.listByCommitment('commitment-unknown')).toEqual([]);
      expect(await store().commentThreads.findThreadWithComments(older.id)).toEqual(listed[0]);
      expect(await store().commentThreads.findThreadWithComments(newer.id)).toEqual(listed[1]);
      expect(await store().commentThreads.findThreadWithComments('thread-unknown')).toBeNull();
    });

    it('resolves and reopens a thread', async () => {
      const thread = aCommentThread();
      await store().commentThreads.createThread(thread, aComment({ threadId: thread.id }));

      const resolved = await store().commentThreads.setThreadStatus(thread.id, {
        status: 'resolved',
        resolvedBy: 'user-porteur',
        resolvedAt: minutesAfterBase(30),
      });
      expect(resolved).toEqual({
        ...thread,
        status: 'resolved',
        resolvedBy: 'user-porteur',
        resolvedAt: minutesAfterBase(30),
      });

      const reopened = await store().commentThreads.setThreadStatus(thread.id, { status: 'open' });
      expect(reopened).toEqual(thread);
      expect(await store().commentThreads.findThread(thread.id)).toEqual(thread);
      expect(
        await store().commentThreads.setThreadStatus('thread-unknown', { status: 'open' }),
      ).toBeNull();
    });

    it('edits a comment until it is deleted', async () => {
      const thread = aCommentThread();
      const comment = aComment({ threadId: thread.id });
      await store().commentThreads.createThread(thread, comment);
      const edit = { body: 'Texte corrigé', mentions: ['user-c'], editedAt: minutesAfterBase(3) };

      expect(await store().commentThreads.editComment(comment.id, edit)).toEqual({
        ...comment,
        ...edit,
      });
      await store().commentThreads.deleteComment(comment.id, minutesAfterBase(4));
      expect(await store().commentThreads.editComment(comment.id, edit)).toBeNull();
      expect(await store().commentThreads.editComment('comment-unknown', edit)).toBeNull();
    });

    it('deletes a comment by emptying it, once, and keeps its replies', async () => {
      const thread = aCommentThread();
      const first = aComment({ threadId: thread.id, mentions: ['user-x'] });
      const reply = aComment({ threadId: thread.id, createdAt: minutesAfterBase(1) });
      await store().commentThreads.createThread(thread, first);
      await store().commentThreads.addComment(reply);

      const deleted = await store().commentThreads.deleteComment(first.id, minutesAfterBase(5));
      const again = await store().commentThreads.deleteComment(first.id, minutesAfterBase(6));

      const expected = { ...first, body: '', mentions: [], deletedAt: minutesAfterBase(5) };
      expect(deleted).toEqual(expected);
      expect(again).toEqual(expected);
      expect(
        (await store().commentThreads.listByCommitment(thread.commitmentId))[0]?.comments,
      ).toEqual([expected, reply]);
      expect(
        await store().commentThreads.deleteComment('comment-unknown', minutesAfterBase(5)),
      ).toBeNull();
    });

    it('hides a comment with its trace and restores it', async () => {
      const thread = aCommentThread();
      const comment = aComment({ threadId: thread.id });
      await store().commentThreads.createThread(thread, comment);
      const hidden = {
        at: minutesAfterBase(8),
        reason: 'Hors sujet',
        byRole: 'facilitator',
      } as const;

      expect(await store().commentThreads.setCommentHidden(comment.id, hidden)).toEqual({
        ...comment,
        hidden,
      });
      expect(await store().commentThreads.findRootComment(thread.id)).toEqual({
        ...comment,
        hidden,
      });
      expect(await store().commentThreads.setCommentHidden(comment.id, null)).toEqual(comment);
      expect(await store().commentThreads.setCommentHidden('comment-unknown', hidden)).toBeNull();
      await expect(
        store().commentThreads.setCommentHidden(comment.id, {
          ...hidden,
          byRole: 'observer' as unknown as 'admin',
        }),
      ).rejects.toThrow(TypeError);
    });

    it('keeps one reaction per person and comment, the latest', async () => {
      const commentId = 'comment-reactions';
      const first = aCommentReaction({ commentId, userId: 'user-b', kind: 'agree' });
      const changed = { ...first, kind: 'disagree' as const, createdAt: minutesAfterBase(2) };
      const other = aCommentReaction({ commentId, userId: 'user-a' });

      expect(await store().commentThreads.setReaction(first)).toBeNull();
      expect(await store().commentThreads.setReaction(changed)).toBe('agree');
      await store().commentThreads.setReaction(other);
      await store().commentThreads.setReaction(aCommentReaction());

      expect(await store().commentThreads.listReactions([commentId, 'comment-unknown'])).toEqual([
        other,
        changed,
      ]);
      expect(await store().commentThreads.listReactions([])).toEqual([]);
      expect(await store().commentThreads.removeReaction(commentId, 'user-a')).toBe(true);
      expect(await store().commentThreads.removeReaction(commentId, 'user-a')).toBe(false);
      expect(await store().commentThreads.listReactions([commentId])).toEqual([changed]);
    });

    it(`stores one reaction out of ${RACING_REACTIONS} concurrent ones by the same person`, async () => {
      const commentId = 'comment-course';
      await Promise.all(
        Array.from({ length: RACING_REACTIONS }, (_, index) =>
          store().commentThreads.setReaction(
            aCommentReaction({
              commentId,
              userId: 'user-presse',
              kind: index % 2 === 0 ? 'agree' : 'disagree',
            }),
          ),
        ),
      );

      expect(await store().commentThreads.listReactions([commentId])).toHaveLength(1);
    });

    it('records, replaces and finds the reasoned response', async () => {
      const response = aThreadResponse();
      const replacement = aThreadResponse({
        threadId: response.threadId,
        disposition: 'accepted',
        draftVersion: 'seq-7',
        respondedAt: minutesAfterBase(90),
      });

      expect(await store().commentThreads.setResponse(response)).toBeNull();
      expect(await store().commentThreads.setResponse(replacement)).toEqual(response);
      expect(await store().commentThreads.findResponse(response.threadId)).toEqual(replacement);
      expect(await store().commentThreads.findResponse('thread-unknown')).toBeNull();
      await expect(
        store().commentThreads.setResponse(
          aThreadResponse({ disposition: 'maybe' as unknown as 'accepted' }),
        ),
      ).rejects.toThrow(TypeError);
    });
  });

  describe('flags', () => {
    it('queues unhandled flags oldest first and handles them', async () => {
      const consultationId = 'consultation-signalements';
      const commentId = 'comment-signale';
      const late = aFlag({ consultationId, commentId, createdAt: minutesAfterBase(3) });
      const early = aFlag({ consultationId, commentId, createdAt: minutesAfterBase(1) });
      const otherComment = aFlag({ consultationId, createdAt: minutesAfterBase(2) });
      for (const flag of [late, early, otherComment, aFlag()]) await store().flags.create(flag);

      expect(await store().flags.findById(early.id)).toEqual(early);
      expect(await store().flags.findById('flag-unknown')).toBeNull();
      expect(await store().flags.listOpenByConsultation(consultationId)).toEqual([
        early,
        otherComment,
        late,
      ]);

      expect(await store().flags.markHandled(otherComment.id, minutesAfterBase(4))).toBe(true);
      expect(await store().flags.markHandled(otherComment.id, minutesAfterBase(5))).toBe(false);
      expect(await store().flags.markHandled('flag-unknown', minutesAfterBase(5))).toBe(false);
      expect(await store().flags.markHandledByComment(commentId, minutesAfterBase(6))).toBe(2);
      expect(await store().flags.markHandledByComment(commentId, minutesAfterBase(7))).toBe(0);
      expect(await store().flags.listOpenByConsultation(consultationId)).toEqual([]);
      expect(await store().flags.findById(otherComment.id)).toEqual({
        ...otherComment,
        handledAt: minutesAfterBase(4),
      });
    });

    it('lets a person flag a comment once', async () => {
      const flag = aFlag();
      await store().flags.create(flag);

      await expectConstraint(
        store().flags.create(aFlag({ commentId: flag.commentId, flaggedBy: flag.flaggedBy })),
        'flag_duplicate',
      );
      await expectConstraint(store().flags.create(aFlag({ id: flag.id })), 'primary_key');
      await store().flags.create(aFlag({ commentId: flag.commentId }));
    });
  });

  describe('mutes', () => {
    it('finds the mute in force, up to its end excluded', async () => {
      const mute = aMute({ until: minutesAfterBase(60) });
      await store().mutes.upsert(mute);
      const { consultationId, userId } = mute;

      expect(await store().mutes.activeMute(consultationId, userId, minutesAfterBase(59))).toEqual(
        mute,
      );
      expect(
        await store().mutes.activeMute(consultationId, userId, minutesAfterBase(60)),
      ).toBeNull();
      expect(
        await store().mutes.activeMute('consultation-autre', userId, minutesAfterBase(0)),
      ).toBeNull();
    });

    it('replaces a mute, lists those in force and removes one', async () => {
      const consultationId = 'consultation-sourdines';
      const mute = aMute({ consultationId, userId: 'user-b', until: minutesAfterBase(60) });
      const longer = { ...mute, until: minutesAfterBase(600), reason: 'Récidive', by: 'user-f2' };
      const shorter = aMute({ consultationId, userId: 'user-a', until: minutesAfterBase(30) });
      const ended = aMute({ consultationId, userId: 'user-c', until: minutesAfterBase(5) });
      for (const each of [mute, longer, shorter, ended]) await store().mutes.upsert(each);

      expect(
        await store().mutes.listActiveByConsultation(consultationId, minutesAfterBase(10)),
      ).toEqual([shorter, longer]);
      expect(await store().mutes.remove(consultationId, 'user-b')).toBe(true);
      expect(await store().mutes.remove(consultationId, 'user-b')).toBe(false);
      expect(
        await store().mutes.activeMute(consultationId, 'user-b', minutesAfterBase(10)),
      ).toBeNull();
    });
  });

  describe('moderation log', () => {
    it('lists a consultation’s entries newest first, at most `limit`', async () => {
      const consultationId = 'consultation-moderation';
      const entries = (['hide', 'restore', 'mute', 'lock'] as const).map((action, index) =>
        aModerationLogEntry({ consultationId, action, at: minutesAfterBase(index) }),
      );
      for (const entry of entries) await store().moderationLog.append(entry);
      await store().moderationLog.append(aModerationLogEntry({ at: minutesAfterBase(9) }));

      expect(await store().moderationLog.listByConsultation(consultationId, 3)).toEqual([
        entries[3],
        entries[2],
        entries[1],
      ]);
      expect(await store().moderationLog.listByConsultation(consultationId, 0)).toEqual([]);
      await expectConstraint(store().moderationLog.append(entries[0]!), 'primary_key');
      await expect(
        store().moderationLog.append(
          aModerationLogEntry({ moderatorRole: 'contributor' as unknown as 'admin' }),
        ),
      ).rejects.toThrow(TypeError);
    });
  });

  describe('comments and hostile input', () => {
    it('never lets an object passed as a string match or change a comment record', async () => {
      const thread = aCommentThread({ roundId: 'round-hostile' });
      const comment = aComment({ threadId: thread.id });
      const round = aCommentRound({ consultationId: thread.consultationId });
      const flag = aFlag({ consultationId: thread.consultationId, commentId: comment.id });
      const mute = aMute({
        consultationId: thread.consultationId,
        until: minutesAfterBase(10_000_000),
      });
      await store().commentRounds.create(round);
      await store().commentThreads.createThread(thread, comment);
      await store().commentThreads.setReaction(aCommentReaction({ commentId: comment.id }));
      await store().flags.create(flag);
      await store().mutes.upsert(mute);
      await store().moderationLog.append(
        aModerationLogEntry({ consultationId: thread.consultationId }),
      );

      for (const call of operatorInjectionCalls(store())) {
        await expect(call(), String(call)).rejects.toThrow(TypeError);
      }

      expect(await store().commentThreads.findComment(comment.id)).toEqual(comment);
      expect(await store().commentThreads.findThread(thread.id)).toEqual(thread);
      expect(await store().commentRounds.findById(round.id)).toEqual(round);
      expect(await store().flags.findById(flag.id)).toEqual(flag);
      expect(
        await store().mutes.activeMute(mute.consultationId, mute.userId, minutesAfterBase(0)),
      ).toEqual(mute);
    });
  });
}
