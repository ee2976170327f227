/**
 * Header every state-changing request must carry (CSRF defence together with the Origin check).
 * Its own module, free of zod, so the web client's first screen does not pull the schemas in.
 */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'atelier';
