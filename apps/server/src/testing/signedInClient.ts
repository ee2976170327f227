import { ApiClient } from './apiClient';
import { TEST_PASSWORD } from './workspaceFixtures';

/**
 * A new API client with a cookie jar of its own, signed in as a fixture account (they all have
 * the test password): one per person a route test puts in front of the server.
 */
export async function signedInClient(
  baseUrl: string,
  user: { readonly email: string },
): Promise<ApiClient> {
  const api = new ApiClient(baseUrl);
  await api.signIn(user.email, TEST_PASSWORD);
  return api;
}
