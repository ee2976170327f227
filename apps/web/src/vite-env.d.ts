/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** "true" for a French State deployment: Marianne, RF block and typeface. Off by default. */
  readonly VITE_STATE_BRANDING?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
