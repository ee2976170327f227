import { z } from 'zod';
import { publicNameOf, type User } from '@atelier/domain';
import { commentPersonDtoSchema, type CommentPersonDto } from '@atelier/protocol';
import { denied } from '../../errors/appError';
import { authorizeOnConsultation, loadConsultationFacts } from '../../workspace/loadFacts';
import type { WorkspaceContext } from '../../workspace/workspaceContext';
import { defineRoute, idParamsSchema, type AnyRouteDefinition } from '../routeDefinition';

/** Enough to pick a person while typing; the box narrows as more letters come. */
export const MENTIONABLE_MAX_RESULTS = 10;
const MENTION_QUERY_MAX_CHARS = 64;

const mentionableQuerySchema = z.strictObject({
  q: z.string().max(MENTION_QUERY_MAX_CHARS).default(''),
});

/** Lower case without accents: "élise" is found by "Eli", as people type names. */
function foldedForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr');
}

/** A name matches when one of its words starts with the query, or the whole name does. */
function nameMatches(name: string, query: string): boolean {
  if (query === '') return true;
  const folded = foldedForSearch(name);
  return (
    folded.startsWith(query) || folded.split(/[\s'’-]+/).some((word) => word.startsWith(query))
  );
}

/**
 * The members of a consultation someone may mention (`@name`) in a comment: whoever reads the
 * consultation's comments and is signed in (mentions are written, never read, from this list).
 * Only ids and public names (pseudonym or display name), as comments show them; never emails,
 * roles or organisations. The caller is left out, and so are disabled accounts.
 */
export async function listMentionable(
  context: WorkspaceContext,
  user: User | null,
  consultationId: string,
  query: string,
): Promise<CommentPersonDto[]> {
  const facts = await loadConsultationFacts(context, user, consultationId);
  authorizeOnConsultation(user, 'consultation.read', facts);
  if (user === null) throw denied('signed_out');
  const memberships = await context.store.memberships.listByConsultation(consultationId);
  const users = await context.store.users.listByIds(
    memberships.map((membership) => membership.userId).filter((id) => id !== user.id),
  );
  const folded = foldedForSearch(query.trim());
  return users
    .filter((candidate) => !candidate.disabled)
    .map((candidate) => ({ userId: candidate.id, displayName: publicNameOf(candidate) }))
    .filter((person) => nameMatches(person.displayName, folded))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr'))
    .slice(0, MENTIONABLE_MAX_RESULTS);
}

export function mentionRoutes(context: WorkspaceContext): AnyRouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/consultations/{id}/mentionable',
      tag: 'comments',
      summary:
        'Members one may mention in a comment, matching `q` (start of a word of their public name, accents ignored): ids and public names only, at most 10 (signed-in readers of the consultation).',
      params: idParamsSchema,
      query: mentionableQuerySchema,
      response: z.array(commentPersonDtoSchema),
      errors: [400, 401, 404],
      handler: async ({ user, params, query }) =>
        listMentionable(context, user, params.id, query.q),
    }),
  ];
}
