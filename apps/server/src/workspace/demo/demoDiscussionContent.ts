import type { ForumFormat, GuestPolicy, ThreadDisposition } from '@atelier/domain';

/**
 * The discussion around the demo plan (issues 6 and 7): two comment rounds, threads on passages
 * of the seeded drafts, a reasoned response, and tomorrow's forum. Instants are offsets from the
 * moment the demo is loaded, so a fresh demo always shows an open round and an upcoming forum.
 * People are named by their demo email, commitments by their place in `demoCommitments` (0-based).
 */
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export const demoFacilitatorEmail = 'animatrice@atelier.demo';

/** Demo commitment 1 (participation) is in the open round, demo commitment 2 (transparency) in the closed one. */
const PARTICIPATION = 0;
const TRANSPARENCY = 1;
const INCLUSION = 2;

export interface DemoRound {
  readonly key: 'open' | 'closed';
  readonly title: string;
  readonly instructions: string;
  readonly audience: 'members' | 'public';
  readonly opensInMs: number;
  readonly closesInMs: number;
  /**
   * Only these commitments: the end-to-end specs open their own rounds on their own commitments,
   * and a round covering every commitment would catch their threads.
   */
  readonly commitmentIndexes: readonly number[];
}

export const demoRounds: readonly DemoRound[] = [
  {
    key: 'closed',
    title: 'Premier tour de commentaires — transparence de l’action publique',
    instructions:
      'Relisez le projet d’engagement sur la transparence : données, codes sources, algorithmes publics. ' +
      'Les administrations pilotes répondront à chaque contribution après la clôture.',
    audience: 'members',
    opensInMs: -45 * DAY_MS,
    closesInMs: -14 * DAY_MS,
    commitmentIndexes: [TRANSPARENCY],
  },
  {
    key: 'open',
    title: 'Tour de commentaires public — faire participer les Français',
    instructions:
      'Comment mieux associer les citoyens aux décisions publiques ? Commentez le projet d’engagement, ' +
      'de préférence en sélectionnant le passage concerné. Chaque contribution recevra une réponse motivée.',
    audience: 'public',
    opensInMs: -3 * DAY_MS,
    closesInMs: 21 * DAY_MS,
    commitmentIndexes: [PARTICIPATION],
  },
];

export interface DemoReply {
  readonly authorEmail: string;
  readonly atMs: number;
  readonly body: string;
}

export interface DemoReaction {
  readonly byEmail: string;
  readonly kind: 'agree' | 'disagree';
  /** The thread's first comment when absent, else the reply at this index. */
  readonly replyIndex?: number;
}

export interface DemoThread {
  readonly roundKey: DemoRound['key'];
  readonly commitmentIndex: number;
  readonly authorEmail: string;
  readonly atMs: number;
  /** Identifies the thread too: loading the demo again finds it by this text. */
  readonly body: string;
  /** A passage of the seeded draft, quoted exactly; null for a comment on the whole draft. */
  readonly quote: string | null;
  readonly replies: readonly DemoReply[];
  readonly reactions: readonly DemoReaction[];
  /** Given by a lead organisation's member in the response phase; the thread is then resolved. */
  readonly response?: {
    readonly byEmail: string;
    readonly atMs: number;
    readonly disposition: ThreadDisposition;
    readonly reason: string;
  };
}

/** In the order they happened: the comment rules read the clock. */
export const demoThreads: readonly DemoThread[] = [
  {
    roundKey: 'closed',
    commitmentIndex: TRANSPARENCY,
    authorEmail: 'association@atelier.demo',
    atMs: -40 * DAY_MS,
    body:
      'L’inventaire devrait couvrir aussi les opérateurs et établissements publics, pas seulement les ministères, ' +
      'et préciser pour chaque algorithme la règle de décision et les données utilisées.',
    quote: 'expliquer les algorithmes qui fondent des décisions individuelles',
    replies: [
      {
        authorEmail: 'citoyen@atelier.demo',
        atMs: -38 * DAY_MS,
        body: 'Et indiquer, pour chaque décision, à quel service s’adresser pour la contester.',
      },
    ],
    reactions: [
      { byEmail: 'citoyen@atelier.demo', kind: 'agree' },
      { byEmail: 'animatrice@atelier.demo', kind: 'agree', replyIndex: 0 },
    ],
    response: {
      byEmail: 'agent@atelier.demo',
      atMs: -7 * DAY_MS,
      disposition: 'partially_accepted',
      reason:
        'L’inventaire couvrira les ministères engagés et, à titre pilote, deux opérateurs volontaires dès 2022 ; ' +
        'l’étendre à tous les établissements publics demande un recensement préalable, renvoyé au prochain plan. ' +
        'Chaque fiche indiquera la règle de décision, les données utilisées et le service à contacter.',
    },
  },
  {
    roundKey: 'closed',
    commitmentIndex: TRANSPARENCY,
    authorEmail: 'citoyen@atelier.demo',
    atMs: -30 * DAY_MS,
    body: 'Les codes sources publiés seront-ils accompagnés d’une documentation lisible par des non-spécialistes ?',
    quote: null,
    replies: [],
    reactions: [{ byEmail: 'association@atelier.demo', kind: 'agree' }],
  },
  {
    roundKey: 'open',
    commitmentIndex: PARTICIPATION,
    authorEmail: 'citoyen@atelier.demo',
    atMs: -2 * DAY_MS,
    body:
      'Comment saurai-je ce que ma contribution est devenue ? Il faudrait fixer un délai de réponse, ' +
      'par exemple trois mois après la clôture de la consultation.',
    quote: 'rendre compte publiquement de la suite donnée à chaque contribution',
    replies: [
      {
        authorEmail: 'animatrice@atelier.demo',
        atMs: -2 * DAY_MS + 3 * HOUR_MS,
        body:
          'Merci, la question revient souvent. Nous proposerons un délai dans le guide de la participation citoyenne ' +
          'et nous en discuterons au forum de demain.',
      },
    ],
    reactions: [
      { byEmail: 'association@atelier.demo', kind: 'agree' },
      { byEmail: 'agent@atelier.demo', kind: 'agree' },
    ],
  },
  {
    roundKey: 'open',
    commitmentIndex: PARTICIPATION,
    authorEmail: 'association@atelier.demo',
    atMs: -1 * DAY_MS,
    body:
      'Un recensement public de toutes les consultations en cours, sur un site unique et avec leur calendrier, ' +
      'aiderait les associations à y participer.',
    quote: 'Des consultations existent mais restent dispersées entre ministères',
    replies: [
      {
        authorEmail: 'agent@atelier.demo',
        atMs: -1 * DAY_MS + 2 * HOUR_MS,
        body: 'La plateforme de suivi prévue au deuxième jalon pourrait l’héberger ; la DINUM peut l’étudier.',
      },
    ],
    reactions: [{ byEmail: 'citoyen@atelier.demo', kind: 'agree' }],
  },
  {
    roundKey: 'open',
    commitmentIndex: PARTICIPATION,
    authorEmail: 'agent@atelier.demo',
    atMs: -6 * HOUR_MS,
    body: 'Proposition : ouvrir le guide aux collectivités territoriales volontaires dès 2022, pas seulement aux administrations centrales.',
    quote: null,
    replies: [],
    reactions: [
      { byEmail: 'association@atelier.demo', kind: 'agree' },
      { byEmail: 'citoyen@atelier.demo', kind: 'disagree' },
    ],
  },
];

export interface DemoForumSession {
  readonly title: string;
  readonly format: ForumFormat;
  readonly guestPolicy: GuestPolicy;
  readonly agenda: ReadonlyArray<{
    readonly title: string;
    readonly durationMinutes: number;
    /** Null for a free item. */
    readonly commitmentIndex: number | null;
  }>;
}

/** Tomorrow at 14:00 (Paris in winter; 15:00 in summer), whatever the hour of loading. */
export function demoForumStart(now: Date): Date {
  const tomorrow = new Date(now.getTime() + DAY_MS);
  return new Date(
    Date.UTC(tomorrow.getUTCFullYear(), tomorrow.getUTCMonth(), tomorrow.getUTCDate(), 13),
  );
}

export const demoForumSession: DemoForumSession = {
  title: 'Forum Open d’État — relecture des engagements',
  format: 'hybrid',
  guestPolicy: 'comment',
  agenda: [
    { title: 'Accueil et tour de table', durationMinutes: 15, commitmentIndex: null },
    {
      title: 'Faire participer les Français : retour sur le tour de commentaires',
      durationMinutes: 40,
      commitmentIndex: PARTICIPATION,
    },
    {
      title: 'Transparence de l’action publique : suites données aux contributions',
      durationMinutes: 30,
      commitmentIndex: TRANSPARENCY,
    },
    {
      title: 'Société numérique plus inclusive : premières pistes',
      durationMinutes: 30,
      commitmentIndex: INCLUSION,
    },
  ],
};
