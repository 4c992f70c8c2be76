import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { languageReady } from './i18n/i18n.ts';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

const mount = root;
// The first paint waits for the reader's language (a small chunk), so no key flashes untranslated.
void languageReady
  .catch(() => undefined)
  .then(() =>
    createRoot(mount).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
