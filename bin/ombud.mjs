#!/usr/bin/env node
// The `ombud` command: runs the compiled CLI in dist/server/, building it first when the
// sources changed since the last build (a check of file sizes and times, no reading).
import { buildServer, isServerFresh, SERVER_DIR } from '../scripts/build.mjs';

if (!isServerFresh()) await buildServer({ quiet: true });
await import(`${SERVER_DIR}/cli.mjs`);
