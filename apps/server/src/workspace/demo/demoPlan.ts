import type { Commitment, User } from '@atelier/domain';
import type { WorkspaceContext } from '../workspaceContext';
import { demoAccounts, demoCommitments, demoConsultation } from './demoContent';

/** What the later parts of the demo build on: the plan, its commitments and its people. */
export interface DemoPlan {
  readonly consultationId: string;
  /** In the order of `demoCommitments`. */
  readonly commitments: readonly Commitment[];
  /** Demo accounts by email. */
  readonly people: ReadonlyMap<string, User>;
}

export function demoPerson(plan: DemoPlan, email: string): User {
  const person = plan.people.get(email);
  if (!person) throw new Error(`demo account ${email} is missing`);
  return person;
}

export function demoCommitment(plan: DemoPlan, index: number): Commitment {
  const commitment = plan.commitments[index];
  if (!commitment) throw new Error(`demo commitment ${index + 1} is missing`);
  return commitment;
}

/** The demo plan when an earlier load created it (found by its slug), else null. */
export async function findDemoPlan(context: WorkspaceContext): Promise<DemoPlan | null> {
  const { store } = context;
  const consultation = await store.consultations.findBySlug(demoConsultation.slug);
  if (!consultation) return null;
  const stored = await store.commitments.listByConsultation(consultation.id);
  const commitments = demoCommitments.map((demo) => {
    const found = stored.find((commitment) => commitment.title === demo.title);
    if (!found) throw new Error(`demo commitment « ${demo.title} » is missing`);
    return found;
  });
  const people = new Map<string, User>();
  for (const account of demoAccounts) {
    const user = await store.users.findByEmail(account.email);
    if (user) people.set(account.email, user);
  }
  return { consultationId: consultation.id, commitments, people };
}
