import type { OidcProviderConfig } from '../../workspace/oidc/oidcProviderConfig';
import { commentServicesFor, type DraftDocuments } from '../../workspace/commands/threadCommands';
import type { WorkspaceContext } from '../../workspace/workspaceContext';
import type { AnyRouteDefinition } from '../routeDefinition';
import { authRoutes, type SessionCookieSettings } from './authRoutes';
import { commitmentRoutes } from './commitmentRoutes';
import { consultationRoutes } from './consultationRoutes';
import type { ForumService } from '../../forum/forumService';
import { feedbackReportRoutes } from './feedbackReportRoutes';
import { forumRoutes } from './forumRoutes';
import { invitationRoutes } from './invitationRoutes';
import { mentionRoutes } from './mentionRoutes';
import { moderationRoutes } from './moderationRoutes';
import { notificationRoutes } from './notificationRoutes';
import { oidcRoutes } from './oidcRoutes';
import { organisationRoutes } from './organisationRoutes';
import { roundRoutes } from './roundRoutes';
import { threadRoutes } from './threadRoutes';
import { userRoutes } from './userRoutes';

/** Every REST endpoint under /api: the router and the OpenAPI document both come from this list. */
export function buildApiRoutes(
  context: WorkspaceContext,
  cookie: SessionCookieSettings,
  oidcProviders: readonly OidcProviderConfig[] = [],
  drafts?: DraftDocuments,
  forum?: ForumService,
): AnyRouteDefinition[] {
  return [
    ...authRoutes(context, cookie),
    ...oidcRoutes(context, oidcProviders, cookie),
    ...organisationRoutes(context),
    ...consultationRoutes(context),
    ...commitmentRoutes(context),
    ...invitationRoutes(context, cookie),
    ...userRoutes(context),
    ...roundRoutes(context),
    ...threadRoutes(context, drafts ? { ...commentServicesFor(context), drafts } : undefined),
    ...moderationRoutes(context),
    ...mentionRoutes(context),
    ...feedbackReportRoutes(context),
    ...(forum ? forumRoutes(forum) : []),
    ...notificationRoutes(context),
  ];
}
