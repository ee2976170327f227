import { z } from 'zod';

export const commitmentStatuses = ['drafting', 'in_review', 'adopted', 'withdrawn'] as const;
export type CommitmentStatus = (typeof commitmentStatuses)[number];

export const commitmentThemeKinds = ['transversal', 'thematic'] as const;
export type CommitmentThemeKind = (typeof commitmentThemeKinds)[number];

/** The OGP template sections, in the order the draft presents them. */
export const draftSectionKeys = [
  'problem',
  'status_quo',
  'objective',
  'how_it_helps',
  'ogp_relevance',
  'milestones',
  'contact',
  'budget',
] as const;
export type DraftSectionKey = (typeof draftSectionKeys)[number];

export interface Milestone {
  readonly title: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly owner: string;
  readonly expectedOutput: string;
}

/** What the server derives from the draft document after edits, for lists, search and exports. */
export interface CommitmentReadModel {
  readonly title: string;
  readonly sections: Partial<Record<DraftSectionKey, string>>;
  readonly milestones: readonly Milestone[];
  readonly wordCount: number;
  readonly lastEditedAt: string | null;
  readonly contributorIds: readonly string[];
}

export interface Commitment {
  readonly id: string;
  readonly consultationId: string;
  readonly number: number;
  readonly title: string;
  readonly theme: { readonly kind: CommitmentThemeKind; readonly label: string };
  readonly leadOrganisationIds: readonly string[];
  readonly partnerOrganisationIds: readonly string[];
  readonly status: CommitmentStatus;
  readonly locked: boolean;
  /** Name of the draft's Yjs document on `/collab/<docName>`, derived from the id. */
  readonly docName: string;
  readonly readModel: CommitmentReadModel;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export function draftDocNameFor(commitmentId: string): string {
  return `commitment-${commitmentId}`;
}

export function emptyReadModel(title: string): CommitmentReadModel {
  return {
    title,
    sections: {},
    milestones: [],
    wordCount: 0,
    lastEditedAt: null,
    contributorIds: [],
  };
}

const organisationIds = z.array(z.string().min(1).max(64)).max(50);
const themeSchema = z.strictObject({
  kind: z.enum(commitmentThemeKinds),
  label: z.string().trim().min(1).max(200),
});

export const commitmentCreateSchema = z.strictObject({
  number: z.number().int().min(1).max(999).optional(),
  title: z.string().trim().min(3).max(300),
  theme: themeSchema,
  leadOrganisationIds: organisationIds.default([]),
  partnerOrganisationIds: organisationIds.default([]),
});
export type CommitmentCreateInput = z.infer<typeof commitmentCreateSchema>;

export const commitmentUpdateSchema = z.strictObject({
  title: z.string().trim().min(3).max(300).optional(),
  theme: themeSchema.optional(),
  leadOrganisationIds: organisationIds.optional(),
  partnerOrganisationIds: organisationIds.optional(),
  status: z.enum(commitmentStatuses).optional(),
  locked: z.boolean().optional(),
});
export type CommitmentUpdateInput = z.infer<typeof commitmentUpdateSchema>;
