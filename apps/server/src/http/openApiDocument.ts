import { z } from 'zod';
import { errorBodySchema } from '@atelier/protocol';
import type { AnyRouteDefinition } from './routeDefinition';

const statusDescriptions: Record<number, string> = {
  400: 'Invalid input (validation_failed, malformed_json, ...)',
  401: 'Not signed in (authentication_required)',
  403: 'Not allowed (insufficient_role, not_a_member, account_disabled, csrf_check_failed, ...)',
  404: 'Not found',
  409: 'Conflict with the current state (draft_locked, consultation_closed, slug_taken, ...)',
  410: 'Gone (invitation_used, invitation_expired)',
  413: 'Body too large (body_too_large)',
  429: 'Too many requests (too_many_attempts, rate_limited)',
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  // OpenAPI 3.1 schemas are JSON Schema 2020-12, zod's default target.
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
}

/** OpenAPI 3.1 (JSON Schema 2020-12) generated from the same route list the router mounts. */
export function buildOpenApiDocument(routes: readonly AnyRouteDefinition[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const parameters: unknown[] = [];
    for (const [location, schema] of [
      ['path', route.params],
      ['query', route.query],
    ] as const) {
      if (!schema) continue;
      const described = jsonSchema(schema, 'input') as {
        properties?: Record<string, unknown>;
        required?: string[];
      };
      for (const [name, property] of Object.entries(described.properties ?? {})) {
        parameters.push({
          name,
          in: location,
          required: location === 'path' || (described.required ?? []).includes(name),
          schema: property,
        });
      }
    }
    const responses: Record<string, unknown> = {
      [String(route.successStatus ?? (route.response ? 200 : 204))]: route.response
        ? {
            description: 'Success',
            content: { 'application/json': { schema: jsonSchema(route.response, 'output') } },
          }
        : { description: 'Success, no content' },
    };
    for (const status of route.errors) {
      responses[String(status)] = {
        description: statusDescriptions[status] ?? 'Error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
      };
    }
    paths[route.path] ??= {};
    paths[route.path]![route.method] = {
      summary: route.summary,
      tags: [route.tag],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Atelier API',
      version,
      description:
        'Co-construction of Open Government action plans. Cookie sessions; every state-changing request ' +
        'must send the header `X-Requested-With: atelier` and, from a browser, a matching Origin.',
    },
    servers: [{ url: '/api' }],
    components: {
      schemas: { ErrorBody: jsonSchema(errorBodySchema, 'output') },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'atelier_session' } },
    },
    security: [{ session: [] }, {}],
    paths,
  };
}
