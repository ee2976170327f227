/** Set by the global setup once the server is up; workers inherit it. */
export const BASE_URL_VARIABLE = 'ATELIER_E2E_BASE_URL';

export function baseUrl(): string {
  const value = process.env[BASE_URL_VARIABLE];
  if (!value)
    throw new Error(`${BASE_URL_VARIABLE} is not set: run the specs through playwright test`);
  return value;
}
