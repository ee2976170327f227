import { describe, expect, it } from 'vitest';

import { mayAnswerThreads, type CommentViewer } from './threadPermissions';

const lead = ['org-dinum'];
const viewer = (overrides: Partial<CommentViewer>): CommentViewer => ({
  userId: 'u',
  isAdmin: false,
  organisationId: null,
  role: 'contributor',
  ...overrides,
});

describe('who is offered to resolve and answer threads', () => {
  it('facilitators and admins, whatever their organisation', () => {
    expect(mayAnswerThreads(viewer({ role: 'facilitator' }), lead)).toBe(true);
    expect(mayAnswerThreads(viewer({ isAdmin: true, role: null }), lead)).toBe(true);
  });

  it('members of a lead organisation with at least the commenter role', () => {
    expect(mayAnswerThreads(viewer({ organisationId: 'org-dinum' }), lead)).toBe(true);
    expect(mayAnswerThreads(viewer({ organisationId: 'org-dinum', role: 'commenter' }), lead)).toBe(
      true,
    );
    expect(mayAnswerThreads(viewer({ organisationId: 'org-dinum', role: 'observer' }), lead)).toBe(
      false,
    );
    expect(mayAnswerThreads(viewer({ organisationId: 'org-dinum', role: null }), lead)).toBe(false);
  });

  it('nobody else: other organisations, no organisation, signed out', () => {
    expect(mayAnswerThreads(viewer({ organisationId: 'org-other' }), lead)).toBe(false);
    expect(mayAnswerThreads(viewer({}), lead)).toBe(false);
    expect(mayAnswerThreads(null, lead)).toBe(false);
  });
});
