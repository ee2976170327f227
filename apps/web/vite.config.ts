import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin, type ProxyOptions } from 'vite';

/** Where `pnpm --filter @atelier/server start` listens in development. */
const API_TARGET = 'http://127.0.0.1:3000';
/** The origin the server expects (its PUBLIC_ORIGIN default in development). */
const API_PUBLIC_ORIGIN = 'http://localhost:3000';

const WORKSPACE_PACKAGE_SOURCE = /[\\/]packages[\\/](domain|protocol|collab)[\\/]src[\\/]/;
const DSFR_CSS = /@codegouvfr\/react-dsfr\/dsfr\/dsfr(\.min)?\.css$/;
const NEUTRAL_FONT_STACK =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/**
 * The Marianne and Spectral typefaces belong to the French State's identity: only a state
 * deployment may use them. Without VITE_STATE_BRANDING=true we drop their @font-face rules from
 * the DSFR stylesheet (so the font files are neither bundled nor downloaded) and substitute a
 * system font stack with the same metrics class.
 */
function neutralDsfrTypography(stateBranding: boolean): Plugin {
  return {
    name: 'atelier:neutral-dsfr-typography',
    enforce: 'pre',
    transform(code, id) {
      if (stateBranding || !DSFR_CSS.test(id.split('?')[0] ?? '')) return null;
      const withoutFaces = code.replace(/@font-face\s*{[^}]*}/g, '');
      const neutral = withoutFaces
        .replace(/"Marianne",\s*arial,\s*sans-serif/g, NEUTRAL_FONT_STACK)
        .replace(/"Spectral",\s*georgia,\s*serif/g, 'Georgia, serif')
        .replace(/font-family:\s*Marianne/g, `font-family:${NEUTRAL_FONT_STACK}`)
        .replace(/font-family:\s*Spectral/g, 'font-family:Georgia, serif');
      return { code: neutral, map: null };
    },
  };
}

/**
 * The server refuses state-changing requests and WebSocket upgrades whose Origin is not its
 * public origin. In development the browser's origin is the Vite server's, so the proxy presents
 * the request as coming from the server's own origin; foreign origins pass through unchanged and
 * stay refused.
 */
function sameOriginProxy(websocket: boolean): ProxyOptions {
  return {
    target: API_TARGET,
    ws: websocket,
    configure(proxy) {
      const rewrite = (request: {
        getHeader(name: string): unknown;
        setHeader(name: string, value: string): void;
      }) => {
        const origin = request.getHeader('origin');
        if (typeof origin === 'string' && /^http:\/\/(localhost|127\.0\.0\.1):\d+$/.test(origin)) {
          request.setHeader('origin', API_PUBLIC_ORIGIN);
        }
      };
      proxy.on('proxyReq', rewrite);
      proxy.on('proxyReqWs', rewrite);
    },
  };
}

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  const stateBranding = (process.env.VITE_STATE_BRANDING ?? env.VITE_STATE_BRANDING) === 'true';
  return {
    plugins: [neutralDsfrTypography(stateBranding), react()],
    server: {
      port: 5173,
      strictPort: true,
      proxy: {
        '/api': sameOriginProxy(false),
        '/collab': sameOriginProxy(true),
        '/socket.io': sameOriginProxy(true),
      },
    },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      sourcemap: true,
      // Inline nothing as data: URLs; the server's CSP allows data: images and fonts, but small
      // files are cached better as separate immutable assets.
      assetsInlineLimit: 0,
      chunkSizeWarningLimit: 800,
      rollupOptions: {
        treeshake: {
          // Our workspace packages are declarations only (no module-level side effects), which
          // lets the bundler drop what the web app does not use, e.g. @atelier/collab's server
          // validators. (To be declared as "sideEffects": false in their package.json too.)
          moduleSideEffects: (id: string) => !WORKSPACE_PACKAGE_SOURCE.test(id),
        },
      },
    },
  };
});
