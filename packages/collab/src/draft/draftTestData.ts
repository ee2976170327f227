import { draftSectionKeys, type DraftSectionKey, type Milestone } from '@atelier/domain';

import type { DraftTemplateInput } from './draftTemplate';

/** Test support: a commitment close to the 2021-2023 French plan, with French typography. */
export const sampleDraftInput: DraftTemplateInput = {
  title: 'Renforcer la participation citoyenne à l’élaboration des politiques publiques',
  sections: {
    problem: [
      'Les citoyens peinent à savoir ce que deviennent leurs contributions.',
      'Le « cœur » du problème : la réponse motivée n’est pas systématique.',
    ],
    objective: ['Publier une réponse motivée à chaque contribution, en moins de 3 mois.'],
    ogp_relevance: ['Transparence ; participation civique ; redevabilité.'],
    contact: ['Direction interministérielle de la transformation publique (DITP)\nogp@example.fr'],
  },
  milestones: [
    {
      title: 'Ouvrir la plateforme de suivi',
      startsOn: '2021-09-01',
      endsOn: '2021-12-31',
      owner: 'DITP',
      expectedOutput: 'Plateforme en ligne, « données ouvertes »',
    },
    {
      title: 'Former 200 agents à la co-construction',
      startsOn: '2022-01-15',
      endsOn: '2022-06-30',
      owner: 'Ministère de l’Économie',
      expectedOutput: 'Bilan des formations',
    },
  ],
};

const vocabulary =
  'les administrations et la société civile co-construisent un engagement ouvert transparent ' +
  'avec des jalons vérifiables datés une réponse motivée à chaque contribution du public et des ' +
  'données ouvertes pour suivre la mise en œuvre du plan d’action national';

/** Test support: a draft of about `wordCount` words spread over every section, 12 milestones. */
export function largeDraftInput(wordCount: number): DraftTemplateInput {
  const words = vocabulary.split(' ');
  const paragraphsPerSection = 5;
  const wordsPerParagraph = Math.ceil(wordCount / (draftSectionKeys.length * paragraphsPerSection));
  let next = 0;
  const paragraph = (): string =>
    Array.from({ length: wordsPerParagraph }, () => words[next++ % words.length]).join(' ');
  const sections: Partial<Record<DraftSectionKey, string[]>> = {};
  for (const key of draftSectionKeys) {
    sections[key] = Array.from({ length: paragraphsPerSection }, paragraph);
  }
  const milestones: Milestone[] = Array.from({ length: 12 }, (_, index) => ({
    title: `Jalon ${index + 1} : publier les résultats`,
    startsOn: '2022-01-01',
    endsOn: '2023-06-30',
    owner: 'Ministère de la Transition écologique',
    expectedOutput: 'Rapport public',
  }));
  return { title: 'Un engagement très détaillé', sections, milestones };
}
