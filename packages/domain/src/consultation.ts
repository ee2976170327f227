import { z } from 'zod';

export const consultationStatuses = ['draft', 'open', 'closed', 'published', 'archived'] as const;
export type ConsultationStatus = (typeof consultationStatuses)[number];

export const consultationVisibilities = ['public', 'members'] as const;
export type ConsultationVisibility = (typeof consultationVisibilities)[number];

export interface Consultation {
  readonly id: string;
  readonly title: string;
  readonly slug: string;
  readonly description: string;
  readonly startsOn: string | null;
  readonly endsOn: string | null;
  readonly status: ConsultationStatus;
  readonly visibility: ConsultationVisibility;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The lifecycle only moves forward, one step at a time (a closed round can be reopened). */
const allowedTransitions: Record<ConsultationStatus, readonly ConsultationStatus[]> = {
  draft: ['open'],
  open: ['closed'],
  closed: ['open', 'published'],
  published: ['archived'],
  archived: [],
};

export function canMoveConsultation(from: ConsultationStatus, to: ConsultationStatus): boolean {
  return from === to || allowedTransitions[from].includes(to);
}

/** Texts can only be written while the consultation is being prepared or is open. */
export function isConsultationWritable(status: ConsultationStatus): boolean {
  return status === 'draft' || status === 'open';
}

const isoDate = z.iso.date();
export const slugSchema = z
  .string()
  .min(3)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and single hyphens');

export const consultationCreateSchema = z.strictObject({
  title: z.string().trim().min(3).max(200),
  slug: slugSchema,
  description: z.string().trim().max(10_000).default(''),
  startsOn: isoDate.nullable().optional(),
  endsOn: isoDate.nullable().optional(),
  visibility: z.enum(consultationVisibilities).default('members'),
});
export type ConsultationCreateInput = z.infer<typeof consultationCreateSchema>;

export const consultationUpdateSchema = z.strictObject({
  title: z.string().trim().min(3).max(200).optional(),
  description: z.string().trim().max(10_000).optional(),
  startsOn: isoDate.nullable().optional(),
  endsOn: isoDate.nullable().optional(),
  visibility: z.enum(consultationVisibilities).optional(),
  status: z.enum(consultationStatuses).optional(),
});
export type ConsultationUpdateInput = z.infer<typeof consultationUpdateSchema>;
