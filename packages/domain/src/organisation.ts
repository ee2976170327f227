import { z } from 'zod';

/** Kinds matter: facilitators and the public look at how balanced participation is. */
export const organisationKinds = ['administration', 'civil_society', 'other'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export interface Organisation {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly website: string | null;
  readonly createdAt: string;
}

export const organisationInputSchema = z.strictObject({
  name: z.string().trim().min(2).max(200),
  kind: z.enum(organisationKinds),
  website: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .optional(),
});
export type OrganisationInput = z.infer<typeof organisationInputSchema>;
