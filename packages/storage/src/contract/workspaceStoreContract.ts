import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkspaceStore } from '../workspace/workspaceStore';
import { UniqueConstraintError } from '../workspace/workspaceStore';
import type { UniqueConstraint } from '../workspace/workspaceStore';
import { describeCommentStoreContract } from './commentStoreContract';
import { describeNotificationStoreContract } from './notificationStoreContract';
import { OPERATOR_INJECTION, operatorInjectionCalls } from './operatorInjection';
import {
  aCommitment,
  aConsultation,
  aMembership,
  aSession,
  aUser,
  anAuditEntry,
  anInvitation,
  anOrganisation,
  daysFromNow,
  minutesAfterBase,
} from './workspaceFactories';

/** What an adapter's test file hands the contract for each test. */
export interface WorkspaceStoreUnderTest {
  /** A store on an empty database of its own (`isEmpty` is tested). */
  readonly store: WorkspaceStore;
  /** Closes the store and removes its data. */
  readonly cleanup: () => Promise<void>;
}

const RACING_CONSUMERS = 10;

async function expectUniqueViolation(
  write: Promise<unknown>,
  constraint: UniqueConstraint,
): Promise<void> {
  const error: unknown = await write.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(UniqueConstraintError);
  expect((error as UniqueConstraintError).constraint).toBe(constraint);
}

function byId<T extends { readonly id: string }>(records: readonly T[]): T[] {
  return [...records].sort((left, right) => left.id.localeCompare(right.id));
}

/**
 * The behaviour every WorkspaceStore adapter must share. Each test gets a fresh, empty store
 * from `openStore`.
 */
export function describeWorkspaceStoreContract(
  adapterName: string,
  openStore: () => Promise<WorkspaceStoreUnderTest>,
): void {
  describe(`WorkspaceStore contract: ${adapterName}`, () => {
    let underTest: WorkspaceStoreUnderTest;
    let store: WorkspaceStore;

    beforeEach(async () => {
      underTest = await openStore();
      store = underTest.store;
    });

    afterEach(async () => {
      await underTest.cleanup();
    });

    describe('users', () => {
      it('round-trips every field, nulls included, and keeps the password hash apart', async () => {
        const bare = aUser({ passwordHash: null });
        const full = aUser({
          publicPseudonym: 'Citoyenne engagée',
          organisationId: 'organisation-etalab',
          platformRole: 'admin',
          disabled: true,
          createdAt: minutesAfterBase(3),
        });
        await store.users.create(bare);
        await store.users.create(full);

        const { passwordHash: _bareHash, ...bareUser } = bare;
        const { passwordHash, ...fullUser } = full;
        expect(await store.users.findById(bare.id)).toEqual(bareUser);
        expect(await store.users.findById(full.id)).toEqual(fullUser);
        expect(await store.users.findByEmail(full.email)).toEqual(fullUser);
        expect(await store.users.findCredentialsByEmail(full.email)).toEqual({
          user: fullUser,
          passwordHash,
        });
        expect(await store.users.findCredentialsByEmail(bare.email)).toEqual({
          user: bareUser,
          passwordHash: null,
        });
        expect(await store.users.findById('user-unknown')).toBeNull();
        expect(await store.users.findByEmail('personne@exemple.fr')).toBeNull();
        expect(await store.users.findCredentialsByEmail('personne@exemple.fr')).toBeNull();
      });

      it('refuses a second account for an email that differs only in case', async () => {
        await store.users.create(aUser({ email: 'elise.durand@exemple.fr' }));

        await expectUniqueViolation(
          store.users.create(aUser({ email: 'Elise.Durand@Exemple.FR' })),
          'user_email',
        );
        await expectUniqueViolation(
          store.users.create(aUser({ email: 'elise.durand@exemple.fr' })),
          'user_email',
        );
      });

      it('compares emails with non-ASCII letters case-insensitively too', async () => {
        await store.users.create(aUser({ email: 'élodie@exemple.fr' }));

        await expectUniqueViolation(
          store.users.create(aUser({ email: 'ÉLODIE@exemple.fr' })),
          'user_email',
        );
        expect(await store.users.findByEmail('Élodie@Exemple.fr')).not.toBeNull();
      });

      it('refuses a second user with the same id', async () => {
        const user = aUser();
        await store.users.create(user);

        await expectUniqueViolation(store.users.create(aUser({ id: user.id })), 'primary_key');
      });

      it('updates only the patched fields and returns the updated user', async () => {
        const user = aUser({ publicPseudonym: 'Pseudo', organisationId: 'organisation-a' });
        await store.users.create(user);

        const updated = await store.users.update(user.id, {
          displayName: 'Camille Martin-Leroy',
          publicPseudonym: null,
          platformRole: 'admin',
          passwordHash: 'nouvelle-empreinte',
        });

        const { passwordHash: _hash, ...unchanged } = user;
        const expected = {
          ...unchanged,
          displayName: 'Camille Martin-Leroy',
          publicPseudonym: null,
          platformRole: 'admin',
        };
        expect(updated).toEqual(expected);
        expect(await store.users.findById(user.id)).toEqual(expected);
        expect((await store.users.findCredentialsByEmail(user.email))?.passwordHash).toBe(
          'nouvelle-empreinte',
        );
        expect(await store.users.update(user.id, {})).toEqual(expected);
        expect(await store.users.update('user-unknown', { disabled: true })).toBeNull();
      });

      it('lists users by ids, skipping unknown ones', async () => {
        const [first, second, third] = [aUser(), aUser(), aUser()];
        for (const user of [first, second, third]) await store.users.create(user);

        const listed = await store.users.listByIds([first.id, third.id, 'user-unknown']);

        expect(byId(listed).map((user) => user.id)).toEqual(byId([first, third]).map((u) => u.id));
        expect(await store.users.listByIds([])).toEqual([]);
      });

      it('counts admins, disabled ones included', async () => {
        expect(await store.users.countAdmins()).toBe(0);
        await store.users.create(aUser({ platformRole: 'admin' }));
        await store.users.create(aUser({ platformRole: 'admin', disabled: true }));
        await store.users.create(aUser());

        expect(await store.users.countAdmins()).toBe(2);
      });

      it('links an external identity once, idempotently for the same user', async () => {
        const [alice, bob] = [aUser(), aUser()];
        await store.users.create(alice);
        await store.users.create(bob);
        const issuer = 'https://auth.agentconnect.gouv.fr/api/v2';

        await store.users.linkExternalIdentity(alice.id, issuer, 'subject-alice');
        await store.users.linkExternalIdentity(alice.id, issuer, 'subject-alice');
        await expectUniqueViolation(
          store.users.linkExternalIdentity(bob.id, issuer, 'subject-alice'),
          'user_external_identity',
        );
        // The same subject at another issuer is another identity.
        await store.users.linkExternalIdentity(bob.id, 'https://autre.example', 'subject-alice');

        expect((await store.users.findByExternalIdentity(issuer, 'subject-alice'))?.id).toBe(
          alice.id,
        );
        expect(
          (await store.users.findByExternalIdentity('https://autre.example', 'subject-alice'))?.id,
        ).toBe(bob.id);
        expect(await store.users.findByExternalIdentity(issuer, 'subject-unknown')).toBeNull();
      });

      it('rejects malformed records and timestamps instead of storing them', async () => {
        await expect(
          store.users.create(aUser({ createdAt: '2024-03-01T09:00:00Z' })),
        ).rejects.toThrow(TypeError);
        await expect(
          store.users.create(aUser({ disabled: 'no' as unknown as boolean })),
        ).rejects.toThrow(TypeError);
        expect(await store.isEmpty()).toBe(true);
      });
    });

    describe('organisations', () => {
      it('round-trips every field and lists by ids', async () => {
        const withSite = anOrganisation({ kind: 'administration' });
        const withoutSite = anOrganisation({ website: null, kind: 'other' });
        await store.organisations.create(withSite);
        await store.organisations.create(withoutSite);

        expect(await store.organisations.findById(withSite.id)).toEqual(withSite);
        expect(await store.organisations.findById(withoutSite.id)).toEqual(withoutSite);
        expect(await store.organisations.findById('organisation-unknown')).toBeNull();
        expect(
          byId(await store.organisations.listByIds([withoutSite.id, 'unknown', withSite.id])),
        ).toEqual(byId([withSite, withoutSite]));
        expect(await store.organisations.listByIds([])).toEqual([]);
      });

      it('refuses a name that differs only in case', async () => {
        await store.organisations.create(anOrganisation({ name: 'Transparency International' }));

        await expectUniqueViolation(
          store.organisations.create(anOrganisation({ name: 'TRANSPARENCY international' })),
          'organisation_name',
        );
      });

      it('lists by name as a French reader expects', async () => {
        const names = ['Zèbre solidaire', 'association Anticor', 'Écologie urbaine', 'Défenseur'];
        for (const name of names) await store.organisations.create(anOrganisation({ name }));

        const listed = await store.organisations.list();

        expect(listed.map((organisation) => organisation.name)).toEqual([
          'association Anticor',
          'Défenseur',
          'Écologie urbaine',
          'Zèbre solidaire',
        ]);
      });
    });

    describe('consultations', () => {
      it('round-trips every field and finds by slug', async () => {
        const dated = aConsultation({ status: 'open', visibility: 'members' });
        const undated = aConsultation({ startsOn: null, endsOn: null, description: '' });
        await store.consultations.create(dated);
        await store.consultations.create(undated);

        expect(await store.consultations.findById(dated.id)).toEqual(dated);
        expect(await store.consultations.findById(undated.id)).toEqual(undated);
        expect(await store.consultations.findBySlug(dated.slug)).toEqual(dated);
        expect(await store.consultations.findBySlug('inconnue')).toBeNull();
        expect(await store.consultations.findById('consultation-unknown')).toBeNull();
      });

      it('refuses a duplicate slug', async () => {
        const consultation = aConsultation();
        await store.consultations.create(consultation);

        await expectUniqueViolation(
          store.consultations.create(aConsultation({ slug: consultation.slug })),
          'consultation_slug',
        );
      });

      it('lists newest first', async () => {
        const oldest = aConsultation({ createdAt: minutesAfterBase(1) });
        const newest = aConsultation({ createdAt: minutesAfterBase(3) });
        const middle = aConsultation({ createdAt: minutesAfterBase(2) });
        for (const consultation of [oldest, newest, middle]) {
          await store.consultations.create(consultation);
        }

        expect((await store.consultations.list()).map((c) => c.id)).toEqual([
          newest.id,
          middle.id,
          oldest.id,
        ]);
      });

      it('updates only the patched fields and returns the updated consultation', async () => {
        const consultation = aConsultation();
        await store.consultations.create(consultation);

        const updated = await store.consultations.update(consultation.id, {
          status: 'open',
          startsOn: null,
          updatedAt: minutesAfterBase(10),
        });

        const expected = {
          ...consultation,
          status: 'open',
          startsOn: null,
          updatedAt: minutesAfterBase(10),
        };
        expect(updated).toEqual(expected);
        expect(await store.consultations.findById(consultation.id)).toEqual(expected);
        expect(
          await store.consultations.update('consultation-unknown', {
            title: 'Introuvable',
            updatedAt: minutesAfterBase(10),
          }),
        ).toBeNull();
      });
    });

    describe('memberships', () => {
      it('upserts, returning the previous role and keeping the joining date', async () => {
        const membership = aMembership({ role: 'observer', createdAt: minutesAfterBase(1) });

        expect(await store.memberships.upsert(membership)).toBeNull();
        expect(
          await store.memberships.upsert({
            ...membership,
            role: 'facilitator',
            createdAt: minutesAfterBase(9),
          }),
        ).toBe('observer');
        expect(await store.memberships.find(membership.consultationId, membership.userId)).toEqual({
          ...membership,
          role: 'facilitator',
        });
        expect(await store.memberships.find(membership.consultationId, 'user-unknown')).toBeNull();
      });

      it('removes a membership once', async () => {
        const membership = aMembership();
        await store.memberships.upsert(membership);

        expect(await store.memberships.remove(membership.consultationId, membership.userId)).toBe(
          true,
        );
        expect(await store.memberships.remove(membership.consultationId, membership.userId)).toBe(
          false,
        );
        expect(
          await store.memberships.find(membership.consultationId, membership.userId),
        ).toBeNull();
      });

      it('lists by consultation and by user, oldest first', async () => {
        const consultationId = 'consultation-forum-open-etat';
        const userId = 'user-facilitatrice';
        const late = aMembership({ consultationId, createdAt: minutesAfterBase(5) });
        const early = aMembership({ consultationId, userId, createdAt: minutesAfterBase(1) });
        const elsewhere = aMembership({ userId, createdAt: minutesAfterBase(3) });
        for (const membership of [late, early, elsewhere]) {
          await store.memberships.upsert(membership);
        }

        expect(await store.memberships.listByConsultation(consultationId)).toEqual([early, late]);
        expect(await store.memberships.listByUser(userId)).toEqual([early, elsewhere]);
        expect(await store.memberships.listByUser('user-unknown')).toEqual([]);
      });
    });

    describe('commitments', () => {
      it('round-trips every field, arrays and nested read model included', async () => {
        const full = aCommitment({ locked: true, status: 'in_review' });
        const bare = aCommitment({
          leadOrganisationIds: [],
          partnerOrganisationIds: [],
          theme: { kind: 'thematic', label: 'Transition écologique' },
          readModel: {
            title: 'Vide',
            sections: {},
            milestones: [],
            wordCount: 0,
            lastEditedAt: null,
            contributorIds: [],
          },
        });
        await store.commitments.create(full);
        await store.commitments.create(bare);

        expect(await store.commitments.findById(full.id)).toEqual(full);
        expect(await store.commitments.findById(bare.id)).toEqual(bare);
        expect(await store.commitments.findByDocName(full.docName)).toEqual(full);
        expect(await store.commitments.findById('commitment-unknown')).toBeNull();
        expect(await store.commitments.findByDocName('commitment-unknown')).toBeNull();
      });

      it('refuses a number already taken in the same consultation only', async () => {
        const first = aCommitment({ number: 1 });
        await store.commitments.create(first);

        await expectUniqueViolation(
          store.commitments.create(
            aCommitment({ consultationId: first.consultationId, number: 1 }),
          ),
          'commitment_number',
        );
        await store.commitments.create(aCommitment({ number: 1 }));
      });

      it('refuses a second commitment on the same draft document', async () => {
        const first = aCommitment();
        await store.commitments.create(first);

        await expectUniqueViolation(
          store.commitments.create(aCommitment({ docName: first.docName })),
          'commitment_doc_name',
        );
      });

      it('lists by consultation in number order and reports the highest number', async () => {
        const consultationId = 'consultation-plan-2021';
        expect(await store.commitments.maxNumber(consultationId)).toBe(0);
        for (const number of [3, 1, 10]) {
          await store.commitments.create(aCommitment({ consultationId, number }));
        }
        await store.commitments.create(aCommitment({ number: 99 }));

        expect(
          (await store.commitments.listByConsultation(consultationId)).map((c) => c.number),
        ).toEqual([1, 3, 10]);
        expect(await store.commitments.maxNumber(consultationId)).toBe(10);
      });

      it('updates only the patched fields and returns the updated commitment', async () => {
        const commitment = aCommitment();
        await store.commitments.create(commitment);
        const patch = {
          theme: { kind: 'thematic', label: 'Réponse à la crise sanitaire' },
          leadOrganisationIds: ['organisation-sante-publique'],
          partnerOrganisationIds: [],
          locked: true,
          updatedAt: minutesAfterBase(20),
        } as const;

        const updated = await store.commitments.update(commitment.id, patch);

        const expected = { ...commitment, ...patch };
        expect(updated).toEqual(expected);
        expect(await store.commitments.findById(commitment.id)).toEqual(expected);
        expect(
          await store.commitments.update('commitment-unknown', { updatedAt: minutesAfterBase(1) }),
        ).toBeNull();
      });

      it('replaces the read model', async () => {
        const commitment = aCommitment();
        await store.commitments.create(commitment);
        const readModel = {
          title: 'Titre dérivé du brouillon',
          sections: { budget: '200 000 €', contact: 'mission@exemple.gouv.fr' },
          milestones: [],
          wordCount: 7,
          lastEditedAt: minutesAfterBase(30),
          contributorIds: ['user-a', 'user-b'],
        };

        await store.commitments.updateReadModel(commitment.id, readModel);
        await store.commitments.updateReadModel('commitment-unknown', readModel);

        expect(await store.commitments.findById(commitment.id)).toEqual({
          ...commitment,
          readModel,
        });
      });

      it('deletes a commitment once', async () => {
        const commitment = aCommitment();
        await store.commitments.create(commitment);

        expect(await store.commitments.delete(commitment.id)).toBe(true);
        expect(await store.commitments.delete(commitment.id)).toBe(false);
        expect(await store.commitments.findById(commitment.id)).toBeNull();
      });
    });

    describe('invitations', () => {
      it('round-trips every field and lists by consultation, newest first', async () => {
        const consultationId = 'consultation-invitations';
        const older = anInvitation({ consultationId, createdAt: minutesAfterBase(1) });
        const newer = anInvitation({
          consultationId,
          createdAt: minutesAfterBase(2),
          acceptedAt: minutesAfterBase(3),
          role: 'contributor',
        });
        await store.invitations.create(older);
        await store.invitations.create(newer);
        await store.invitations.create(anInvitation());

        expect(await store.invitations.findByTokenHash(older.tokenHash)).toEqual(older);
        expect(await store.invitations.findByTokenHash('sha256-unknown')).toBeNull();
        expect(await store.invitations.listByConsultation(consultationId)).toEqual([newer, older]);
      });

      it('refuses a duplicate token hash', async () => {
        const invitation = anInvitation();
        await store.invitations.create(invitation);

        await expectUniqueViolation(
          store.invitations.create(anInvitation({ tokenHash: invitation.tokenHash })),
          'invitation_token',
        );
      });

      it('is consumed only once', async () => {
        const invitation = anInvitation();
        await store.invitations.create(invitation);
        const acceptedAt = daysFromNow(0);

        expect(await store.invitations.consume(invitation.tokenHash, acceptedAt)).toBe(true);
        expect(await store.invitations.consume(invitation.tokenHash, daysFromNow(0))).toBe(false);
        expect((await store.invitations.findByTokenHash(invitation.tokenHash))?.acceptedAt).toBe(
          acceptedAt,
        );
        expect(await store.invitations.consume('sha256-unknown', daysFromNow(0))).toBe(false);
      });

      it(`lets exactly one of ${RACING_CONSUMERS} concurrent consumes through`, async () => {
        const invitation = anInvitation();
        await store.invitations.create(invitation);

        const results = await Promise.all(
          Array.from({ length: RACING_CONSUMERS }, () =>
            store.invitations.consume(invitation.tokenHash, daysFromNow(0)),
          ),
        );

        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('cannot be consumed once expired, nor at the instant it expires', async () => {
        const expiresAt = minutesAfterBase(60);
        const invitation = anInvitation({ createdAt: minutesAfterBase(0), expiresAt });
        await store.invitations.create(invitation);

        expect(await store.invitations.consume(invitation.tokenHash, minutesAfterBase(61))).toBe(
          false,
        );
        expect(await store.invitations.consume(invitation.tokenHash, expiresAt)).toBe(false);
        expect(await store.invitations.consume(invitation.tokenHash, minutesAfterBase(59))).toBe(
          true,
        );
      });
    });

    describe('sessions', () => {
      it('round-trips every field', async () => {
        const session = aSession();
        await store.sessions.create(session);

        expect(await store.sessions.findByIdHash(session.idHash)).toEqual(session);
        expect(await store.sessions.findByIdHash('sha256-unknown')).toBeNull();
        await expectUniqueViolation(
          store.sessions.create(aSession({ idHash: session.idHash })),
          'primary_key',
        );
      });

      it('touches forward only', async () => {
        const session = aSession({ lastSeenAt: minutesAfterBase(10) });
        await store.sessions.create(session);

        await store.sessions.touch(session.idHash, minutesAfterBase(20));
        await store.sessions.touch(session.idHash, minutesAfterBase(15));
        await store.sessions.touch('sha256-unknown', minutesAfterBase(20));

        expect((await store.sessions.findByIdHash(session.idHash))?.lastSeenAt).toBe(
          minutesAfterBase(20),
        );
      });

      it('deletes one session, or every session of a user', async () => {
        const userId = 'user-partout';
        const [first, second, other] = [aSession({ userId }), aSession({ userId }), aSession()];
        for (const session of [first, second, other]) await store.sessions.create(session);

        await store.sessions.delete(first.idHash);
        await store.sessions.delete('sha256-unknown');
        expect(await store.sessions.findByIdHash(first.idHash)).toBeNull();

        expect(await store.sessions.deleteByUser(userId)).toBe(1);
        expect(await store.sessions.deleteByUser(userId)).toBe(0);
        expect(await store.sessions.findByIdHash(second.idHash)).toBeNull();
        expect(await store.sessions.findByIdHash(other.idHash)).toEqual(other);
      });

      it('deletes sessions past their absolute or idle end, boundaries included', async () => {
        const now = minutesAfterBase(100);
        const idleCutoff = minutesAfterBase(70);
        const expired = aSession({ lastSeenAt: minutesAfterBase(90), expiresAt: now });
        const idle = aSession({ lastSeenAt: idleCutoff, expiresAt: minutesAfterBase(500) });
        const active = aSession({
          lastSeenAt: minutesAfterBase(71),
          expiresAt: minutesAfterBase(101),
        });
        for (const session of [expired, idle, active]) await store.sessions.create(session);

        expect(await store.sessions.deleteExpired(now, idleCutoff)).toBe(2);
        expect(await store.sessions.findByIdHash(active.idHash)).toEqual(active);
        expect(await store.sessions.findByIdHash(expired.idHash)).toBeNull();
        expect(await store.sessions.findByIdHash(idle.idHash)).toBeNull();
      });
    });

    describe('audit', () => {
      it('lists a consultation’s entries newest first, at most `limit`', async () => {
        const consultationId = 'consultation-journal';
        const entries = [2, 4, 1, 3].map((minute) =>
          anAuditEntry({ consultationId, at: minutesAfterBase(minute) }),
        );
        for (const entry of entries) await store.audit.append(entry);
        await store.audit.append(anAuditEntry({ at: minutesAfterBase(9) }));
        await store.audit.append(anAuditEntry({ consultationId: null, actorId: null }));

        const listed = await store.audit.listByConsultation(consultationId, 3);

        expect(listed.map((entry) => entry.at)).toEqual([
          minutesAfterBase(4),
          minutesAfterBase(3),
          minutesAfterBase(2),
        ]);
        expect(listed[0]).toEqual(entries[1]);
        expect(await store.audit.listByConsultation(consultationId, 10)).toHaveLength(4);
        expect(await store.audit.listByConsultation(consultationId, 0)).toEqual([]);
      });

      it('round-trips nested details and null actors', async () => {
        const entry = anAuditEntry({
          actorId: null,
          action: 'member.role_changed',
          details: { from: 'observer', to: 'facilitator', motifs: ['forum', { séance: 2 }] },
        });
        await store.audit.append(entry);

        expect(await store.audit.listByConsultation(entry.consultationId!, 1)).toEqual([entry]);
        await expectUniqueViolation(store.audit.append(entry), 'primary_key');
      });
    });

    describeCommentStoreContract(() => store);
    describeNotificationStoreContract(() => store);

    describe('isEmpty', () => {
      it('is true only while there is neither a user nor a consultation', async () => {
        expect(await store.isEmpty()).toBe(true);
        await store.organisations.create(anOrganisation());
        expect(await store.isEmpty()).toBe(true);

        await store.consultations.create(aConsultation());
        expect(await store.isEmpty()).toBe(false);
      });

      it('is false as soon as a user exists', async () => {
        await store.users.create(aUser());

        expect(await store.isEmpty()).toBe(false);
      });
    });

    describe('hostile input', () => {
      it('never lets an object passed as a string match a record', async () => {
        const user = aUser();
        const consultation = aConsultation();
        const commitment = aCommitment({ consultationId: consultation.id });
        const invitation = anInvitation({ consultationId: consultation.id });
        const session = aSession({ userId: user.id });
        await store.users.create(user);
        await store.users.linkExternalIdentity(user.id, 'https://idp.example', 'subject');
        await store.organisations.create(anOrganisation());
        await store.consultations.create(consultation);
        await store.memberships.upsert(aMembership({ consultationId: consultation.id }));
        await store.commitments.create(commitment);
        await store.invitations.create(invitation);
        await store.sessions.create(session);
        await store.audit.append(anAuditEntry({ consultationId: consultation.id }));

        // The port promises a TypeError (a rejection, never a synchronous throw); a null would
        // be harmless, but adapters must agree, so the contract asks for the stronger answer.
        for (const call of operatorInjectionCalls(store, invitation.tokenHash)) {
          await expect(call(), String(call)).rejects.toThrow(TypeError);
        }

        // Nothing was changed or removed by any of them.
        expect(await store.users.findById(user.id)).toMatchObject({ disabled: false });
        expect(await store.commitments.findById(commitment.id)).toEqual(commitment);
        expect(await store.invitations.findByTokenHash(invitation.tokenHash)).toEqual(invitation);
        expect(await store.sessions.findByIdHash(session.idHash)).toEqual(session);
        expect(await store.memberships.listByConsultation(consultation.id)).toHaveLength(1);
      });

      it('rejects a patch or record whose values are objects', async () => {
        const user = aUser();
        await store.users.create(user);

        await expect(
          store.users.update(user.id, { displayName: OPERATOR_INJECTION }),
        ).rejects.toThrow(TypeError);
        await expect(
          store.consultations.create(aConsultation({ slug: OPERATOR_INJECTION })),
        ).rejects.toThrow(TypeError);
        expect(await store.users.findById(user.id)).toMatchObject({
          displayName: user.displayName,
        });
      });
    });
  });
}
