import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { DICTIONARY_FILES, pickCustomerStrings } from './src/customer/dictionary-keys.ts';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const LANGUAGES = ['vi', 'en', 'zh'] as const;

/**
 * The customer pages are pages of their own (their HTML, their scripts), not screens of the
 * console: a customer on a phone loads a few kilobytes, never React and Mantine.
 */
const CUSTOMER_PAGES: Record<string, RegExp> = {
  'public-form.html': /^\/complain\/[^/]+\/?$/,
  // The portal also answers a survey's mail links (/survey/<token>).
  'portal.html': /^\/(track|survey)\/[^/]+\/?$/,
};

/** The customer pages' strings: only the keys they use, from the app's own dictionaries. */
function customerDictionary(): Plugin {
  const id = 'virtual:customer-dictionary';
  const resolved = `\0${id}`;
  const pick = (language: string) => {
    const merged: Record<string, unknown> = {};
    for (const file of DICTIONARY_FILES(language)) {
      const full = path.join(webRoot, 'src/i18n', file);
      if (fs.existsSync(full)) Object.assign(merged, JSON.parse(fs.readFileSync(full, 'utf8')));
    }
    return pickCustomerStrings(merged, language);
  };
  return {
    name: 'customer-dictionary',
    resolveId: (source) => (source === id ? resolved : undefined),
    load(loaded) {
      if (loaded !== resolved) return undefined;
      for (const language of LANGUAGES)
        for (const file of DICTIONARY_FILES(language))
          this.addWatchFile(path.join(webRoot, 'src/i18n', file));
      const dictionaries = Object.fromEntries(LANGUAGES.map((l) => [l, pick(l)]));
      return `export default ${JSON.stringify(dictionaries)};`;
    },
    // The dev server answers the customer pages' addresses with their own HTML, as the app does.
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const urlPath = (req.url ?? '/').split('?')[0] ?? '/';
        for (const [page, pattern] of Object.entries(CUSTOMER_PAGES))
          if (pattern.test(urlPath)) req.url = `/${page}`;
        next();
      });
    },
  };
}

export default defineConfig({
  root: webRoot,
  plugins: [
    react({ exclude: /\/web\/src\/(customer|modules\/(public-form|portal))\// }),
    customerDictionary(),
  ],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        index: path.join(webRoot, 'index.html'),
        ...Object.fromEntries(
          Object.keys(CUSTOMER_PAGES).map((page) => [
            page.replace('.html', ''),
            path.join(webRoot, page),
          ]),
        ),
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
});
