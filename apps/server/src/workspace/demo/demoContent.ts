import type { DraftTemplateInput } from '@atelier/collab';
import type { ConsultationRole, OrganisationKind } from '@atelier/domain';

/**
 * The reference case: France's third national action plan for the Open Government Partnership
 * (2021-2023), as the seed document describes it. Names of institutions and organisations come
 * from that document; the draft texts are illustrative.
 */
export const demoPassword = 'atelier-demo-2021';

export const demoOrganisations: ReadonlyArray<{
  key: string;
  name: string;
  kind: OrganisationKind;
  website?: string;
}> = [
  {
    key: 'ditp',
    name: 'Direction interministérielle de la transformation publique (DITP)',
    kind: 'administration',
  },
  {
    key: 'dinum',
    name: 'Direction interministérielle du numérique (DINUM)',
    kind: 'administration',
  },
  {
    key: 'mtfp',
    name: 'Ministère de la Transformation et de la Fonction publiques',
    kind: 'administration',
  },
  { key: 'sante', name: 'Ministère des Solidarités et de la Santé', kind: 'administration' },
  {
    key: 'economie',
    name: "Ministère de l'Économie, des Finances et de la Relance",
    kind: 'administration',
  },
  { key: 'justice', name: 'Ministère de la Justice', kind: 'administration' },
  { key: 'conseil-etat', name: "Conseil d'État", kind: 'administration' },
  { key: 'cassation', name: 'Cour de cassation', kind: 'administration' },
  { key: 'transparency', name: 'Transparency International France', kind: 'civil_society' },
  { key: 'democratie-ouverte', name: 'Démocratie Ouverte', kind: 'civil_society' },
  { key: 'croix-rouge', name: 'Croix-Rouge française', kind: 'civil_society' },
  { key: 'emmaus-connect', name: 'Emmaüs Connect', kind: 'civil_society' },
  { key: 'latitudes', name: 'Latitudes', kind: 'civil_society' },
];

export interface DemoAccount {
  readonly email: string;
  readonly displayName: string;
  readonly organisationKey: string | null;
  readonly admin: boolean;
  /** Role in the demo consultation. */
  readonly role: ConsultationRole | null;
}

export const demoAccounts: readonly DemoAccount[] = [
  {
    email: 'admin@atelier.demo',
    displayName: 'Administratrice de la plateforme',
    organisationKey: 'ditp',
    admin: true,
    role: null,
  },
  {
    email: 'animatrice@atelier.demo',
    displayName: 'Camille Laurent',
    organisationKey: 'ditp',
    admin: false,
    role: 'facilitator',
  },
  {
    email: 'agent@atelier.demo',
    displayName: 'Karim Benali',
    organisationKey: 'dinum',
    admin: false,
    role: 'contributor',
  },
  {
    email: 'association@atelier.demo',
    displayName: 'Élise Moreau',
    organisationKey: 'transparency',
    admin: false,
    role: 'contributor',
  },
  {
    email: 'citoyen@atelier.demo',
    displayName: 'Julien Petit',
    organisationKey: null,
    admin: false,
    role: 'commenter',
  },
  {
    email: 'observatrice@atelier.demo',
    displayName: 'Sophie Martin',
    organisationKey: 'democratie-ouverte',
    admin: false,
    role: 'observer',
  },
];

export const demoConsultation = {
  title: "Plan d'action national pour un gouvernement ouvert 2021-2023",
  slug: 'plan-action-gouvernement-ouvert-2021-2023',
  description:
    "Co-construction du troisième plan d'action de la France au sein du Partenariat pour un gouvernement ouvert (PGO), " +
    'avec la société civile et les citoyens : près de 40 évènements, plus de 2 000 personnes, deux Forums Open d’État ' +
    '(transparence de l’action publique, 27 mai 2021 ; collaboration en temps de crise, 17 juin 2021).',
  startsOn: '2021-03-01',
  endsOn: '2021-12-17',
};

export interface DemoCommitment {
  readonly title: string;
  readonly theme: { kind: 'transversal' | 'thematic'; label: string };
  readonly lead: readonly string[];
  readonly partners: readonly string[];
  readonly draft: Omit<DraftTemplateInput, 'title'>;
}

export const demoCommitments: readonly DemoCommitment[] = [
  {
    title: "Faire participer les Français à l'élaboration des politiques publiques",
    theme: { kind: 'transversal', label: 'Participation citoyenne' },
    lead: ['ditp'],
    partners: ['democratie-ouverte', 'latitudes'],
    draft: {
      sections: {
        problem: [
          'Les citoyens sont rarement associés en amont des décisions publiques, et lorsqu’ils le sont, ils ne savent pas ce que leurs contributions sont devenues.',
        ],
        status_quo: [
          'Des consultations existent mais restent dispersées entre ministères, sans méthode commune ni retour systématique aux participants.',
        ],
        objective: [
          'Donner à chaque administration un cadre commun pour associer les citoyens, et rendre compte publiquement de la suite donnée à chaque contribution.',
        ],
        how_it_helps: [
          'Un cadre partagé et une réponse motivée à chaque contribution renforcent la confiance et la qualité des décisions.',
        ],
        ogp_relevance: [
          'Participation civique et redevabilité : chaque contribution reçoit une réponse publique.',
        ],
        contact: [
          'Direction interministérielle de la transformation publique, pôle participation citoyenne.',
        ],
        budget: [
          'Financé sur les crédits du programme de transformation publique ; lien avec le Fonds pour la transformation de l’action publique.',
        ],
      },
      milestones: [
        {
          title: 'Publier un guide de la participation citoyenne',
          startsOn: '2022-01-01',
          endsOn: '2022-06-30',
          owner: 'DITP',
          expectedOutput: 'Guide publié en ligne, sous licence ouverte',
        },
        {
          title: 'Ouvrir une plateforme de suivi des consultations',
          startsOn: '2022-03-01',
          endsOn: '2023-06-30',
          owner: 'DITP, DINUM',
          expectedOutput: 'Plateforme ouverte avec réponse motivée à chaque contribution',
        },
      ],
    },
  },
  {
    title: "Renforcer la transparence de l'action publique",
    theme: { kind: 'transversal', label: 'Transparence' },
    lead: ['mtfp', 'dinum'],
    partners: ['transparency', 'conseil-etat'],
    draft: {
      sections: {
        problem: [
          'Les données, les algorithmes et les décisions publiques restent difficiles à trouver et à comprendre pour les citoyens, les journalistes et les chercheurs.',
        ],
        status_quo: [
          'L’ouverture des données progresse mais reste inégale selon les administrations ; l’explication des algorithmes publics est rarement fournie.',
        ],
        objective: [
          'Publier par défaut les données et les codes sources des administrations engagées, et expliquer les algorithmes qui fondent des décisions individuelles.',
        ],
        how_it_helps: [
          'Rendre l’action publique lisible permet de la contrôler et d’en débattre sur des bases communes.',
        ],
        ogp_relevance: [
          'Transparence et redevabilité ; technologie et innovation au service de l’ouverture.',
        ],
        contact: ['Direction interministérielle du numérique, mission Etalab.'],
        budget: ['Sans budget spécifique ; mobilise les équipes existantes.'],
      },
      milestones: [
        {
          title: 'Inventaire des algorithmes publics des ministères engagés',
          startsOn: '2022-01-01',
          endsOn: '2022-12-31',
          owner: 'DINUM',
          expectedOutput: 'Inventaire publié en données ouvertes',
        },
      ],
    },
  },
  {
    title: 'Développer une société numérique plus inclusive',
    theme: { kind: 'transversal', label: 'Inclusion numérique' },
    lead: ['dinum'],
    partners: ['emmaus-connect', 'croix-rouge'],
    draft: {},
  },
  {
    title: 'Accélérer la transition écologique',
    theme: { kind: 'thematic', label: 'Transition écologique' },
    lead: ['economie'],
    partners: [],
    draft: {},
  },
  {
    title: 'Répondre à la crise sanitaire',
    theme: { kind: 'thematic', label: 'Santé' },
    lead: ['sante'],
    partners: ['croix-rouge'],
    draft: {},
  },
  {
    title: "Développer les valeurs de l'ouverture en Europe et à l'international",
    theme: { kind: 'thematic', label: 'Europe et international' },
    lead: ['mtfp'],
    partners: ['transparency'],
    draft: {},
  },
];
