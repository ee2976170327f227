/**
 * Only French State services may show the Marianne, the "République française" block and the
 * Marianne typeface. A state deployment builds with VITE_STATE_BRANDING=true; every other one
 * gets the neutral theme (same DSFR components, contrast and focus styles, a system typeface;
 * see vite.config.ts for the typeface part).
 */
export const stateBranding: boolean = import.meta.env.VITE_STATE_BRANDING === 'true';

export function applyBranding(root: HTMLElement): void {
  root.dataset.branding = stateBranding ? 'state' : 'neutral';
  // DSFR reads these to pick its light palette; set here, not by its runtime, so that no inline
  // <style> is injected (the server's CSP allows only same-origin stylesheets).
  root.setAttribute('data-fr-scheme', 'light');
  root.setAttribute('data-fr-theme', 'light');
}
