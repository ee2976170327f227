import '@codegouvfr/react-dsfr/dsfr/dsfr.min.css';
import './app/app.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './app/App';
import { applyBranding } from './app/branding';
import { initI18n } from './i18n/i18n';

async function start(): Promise<void> {
  applyBranding(document.documentElement);
  await initI18n();
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
