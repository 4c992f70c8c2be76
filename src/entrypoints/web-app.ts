import fs from 'node:fs';
import path from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { HttpApp } from '../platform/http/app.ts';

/**
 * Serves the built web app: the customer pages' own HTML at their addresses, and index.html (the
 * console, routed in the browser) for any other non-API path.
 * Files go out compressed (brotli or gzip, as the browser accepts: the build's precompressed
 * copies, or compressed on the fly for a file without one), the hashed ones under
 * /assets/ cached for good. Compression is scoped to these routes: API answers, which can carry
 * secrets beside reflected input, are never compressed (BREACH).
 */
export async function registerWebApp(app: HttpApp, distDir: string): Promise<void> {
  await app.register(async (web: HttpApp) => {
    await web.register(fastifyCompress, { encodings: ['br', 'gzip'], threshold: 1024 });
    // Cache-Control is set per file below (@fastify/static would put max-age=0 over it). The
    // build wrote .br and .gz copies beside each file; those go out as they are.
    await web.register(fastifyStatic, {
      root: distDir,
      serve: false,
      cacheControl: false,
      preCompressed: true,
    });
    registerWebRoutes(web, distDir);
  });
}

/**
 * The customer pages are pages of their own, a few kilobytes each: the public form
 * (/complain/<org>) and the portal (/track/<token>, the link in every mail to the customer).
 */
const CUSTOMER_PAGES: [RegExp, string][] = [
  [/^\/complain\/[^/]+\/?$/, 'public-form.html'],
  [/^\/track\/[^/]+\/?$/, 'portal.html'],
  // A survey mail's links (/survey/<token>) open the portal's survey page.
  [/^\/survey\/[^/]+\/?$/, 'portal.html'],
];

function customerPageOf(urlPath: string): string | undefined {
  return CUSTOMER_PAGES.find(([pattern]) => pattern.test(urlPath))?.[1];
}

function registerWebRoutes(app: HttpApp, distDir: string): void {
  const indexFile = path.join(distDir, 'index.html');
  app.get(
    '/*',
    { config: { permission: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      const urlPath = decodeURIComponent(request.url.split('?')[0] ?? '/');
      // An API path that no route took: the shell answers it (404, or 405 for a known path).
      if (urlPath.startsWith('/api/')) return reply.callNotFound();
      const candidate = path.join(distDir, path.normalize(urlPath));
      if (
        candidate.startsWith(distDir + path.sep) &&
        fs.existsSync(candidate) &&
        fs.statSync(candidate).isFile()
      ) {
        const isHashed = urlPath.startsWith('/assets/');
        return reply
          .header('cache-control', isHashed ? 'public, max-age=31536000, immutable' : 'no-cache')
          .sendFile(path.relative(distDir, candidate));
      }
      if (!fs.existsSync(indexFile)) {
        return reply
          .type('text/plain')
          .send('The web app is not built yet: run "npm run build:web".');
      }
      const page = customerPageOf(urlPath);
      const html = page && fs.existsSync(path.join(distDir, page)) ? page : 'index.html';
      return reply.header('cache-control', 'no-cache').sendFile(html);
    },
  );
}
