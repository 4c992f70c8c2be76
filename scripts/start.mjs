#!/usr/bin/env node
// `npm start`: builds what changed (scripts/build.mjs), then runs the server in this same
// process, so a start on built sources boots node once instead of twice.
import { buildServer, buildWeb } from './build.mjs';

try {
  await buildServer();
  buildWeb();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
await import('../dist/server/server.mjs');
