import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrate } from '../src/platform/db/migrate.ts';
import pg from 'pg';
import {
  createTestContext,
  createTestOrg,
  sampleComplaint,
  signIn,
  type TestContext,
} from './helpers.ts';
import { queryOnce, startEmbeddedPair, waitForReplay } from './replica.ts';

// Reports read from a read replica when REPORTS_DATABASE_URL names one: a real streaming
// standby. On the embedded PostgreSQL the test makes its own primary and standby; against an
// external server (CI's PostgreSQL 15) it uses the standby CI started beside it, named by
// TEST_REPLICA_URL (not REPORTS_DATABASE_URL, which the servers other tests start would read).
// The proof: with the standby's replay paused, a report does not see what the primary already
// has; resumed, it does.

const MONDAY = new Date('2026-03-02T02:00:00Z');
const HOUR = 3_600_000;

let ctx: TestContext;
let primaryUrl = '';
let standbyUrl = '';
let stopPair: (() => Promise<void>) | undefined;

/** The same database on the replica server CI started: the shared test database. */
function onReplica(replicaServer: string, database: string): string {
  const url = new URL(replicaServer);
  url.pathname = `/${new URL(database).pathname.slice(1)}`;
  return url.toString();
}

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    const replica = process.env.TEST_REPLICA_URL;
    if (!replica)
      throw new Error(
        'This test needs a streaming standby of DATABASE_URL: set TEST_REPLICA_URL to that server (CI starts one).',
      );
    primaryUrl = inject('databaseUrl');
    standbyUrl = onReplica(replica, primaryUrl);
  } else {
    const pair = await startEmbeddedPair('ombud_replica');
    stopPair = pair.stop;
    primaryUrl = pair.primaryUrl;
    standbyUrl = pair.standbyUrl;
    const pool = new pg.Pool({ connectionString: primaryUrl, max: 2 });
    await migrate(pool);
    await pool.end();
  }
  await waitForReplay(primaryUrl, standbyUrl);
  ctx = await createTestContext({
    start: MONDAY,
    databaseUrl: primaryUrl,
    reportsDatabaseUrl: standbyUrl,
  });
}, 120_000);
afterAll(async () => {
  await queryOnce(standbyUrl, 'SELECT pg_wal_replay_resume()').catch(() => undefined);
  await ctx?.close();
  await stopPair?.();
});

describe('reports on a read replica', () => {
  it('reads the survey report from the standby, which trails the primary while paused', async () => {
    const [server] = await queryOnce<{ recovery: boolean; version: string }>(
      standbyUrl,
      'SELECT pg_is_in_recovery() AS recovery, current_setting($1) AS version',
      ['server_version'],
    );
    expect(server?.recovery).toBe(true);
    console.log(`[figure] reports replica: a streaming standby, PostgreSQL ${server?.version}`);

    const t = await createTestOrg(ctx);
    const agent = await signIn(ctx, t.users.agent.email);
    const manager = await signIn(ctx, t.users.manager.email);
    const surveyedCase = async () => {
      const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();
      const fixed = await agent.post(`/api/complaints/${complaint.id}/status`, {
        status: 'fixed',
      });
      expect(fixed.statusCode, fixed.body).toBe(200);
      ctx.clock.advance(3 * HOUR);
      await ctx.drainJobs(t.org.id);
    };
    const sentOnPrimary = async () =>
      Number(
        (
          await queryOnce<{ n: string }>(
            primaryUrl,
            "SELECT count(*) AS n FROM surveys WHERE org_id = $1 AND status = 'sent'",
            [t.org.id],
          )
        )[0]!.n,
      );
    const report = async () => {
      const r = await manager.get('/api/reports/surveys?from=2026-03-01&to=2026-03-31');
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as { sent: number };
    };

    await surveyedCase();
    await waitForReplay(primaryUrl, standbyUrl);
    expect((await report()).sent).toBe(1);

    await queryOnce(standbyUrl, 'SELECT pg_wal_replay_pause()');
    try {
      await surveyedCase();
      expect(await sentOnPrimary()).toBe(2);
      // The report answers from the standby, which has not replayed the second survey.
      expect((await report()).sent).toBe(1);
    } finally {
      await queryOnce(standbyUrl, 'SELECT pg_wal_replay_resume()');
    }
    await waitForReplay(primaryUrl, standbyUrl);
    expect((await report()).sent).toBe(2);

    // The step 8 and compensation reports read there too: read-only queries the standby takes.
    for (const url of ['/api/reports/problems', '/api/reports/rewards']) {
      const r = await manager.get(url);
      expect(r.statusCode, `${url}: ${r.body}`).toBe(200);
    }
  });
});
