import type { WorkspaceContext } from '../../workspace/workspaceContext';
import type { AnyRouteDefinition } from '../routeDefinition';
import { authRoutes, type SessionCookieSettings } from './authRoutes';
import { commitmentRoutes } from './commitmentRoutes';
import { consultationRoutes } from './consultationRoutes';
import { invitationRoutes } from './invitationRoutes';
import { organisationRoutes } from './organisationRoutes';
import { userRoutes } from './userRoutes';

/** Every REST endpoint under /api: the router and the OpenAPI document both come from this list. */
export function buildApiRoutes(
  context: WorkspaceContext,
  cookie: SessionCookieSettings,
): AnyRouteDefinition[] {
  return [
    ...authRoutes(context, cookie),
    ...organisationRoutes(context),
    ...consultationRoutes(context),
    ...commitmentRoutes(context),
    ...invitationRoutes(context, cookie),
    ...userRoutes(context),
  ];
}
