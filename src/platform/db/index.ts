import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import {
  attachToEmbeddedDatabase,
  EmbeddedDatabaseInUseError,
  startEmbeddedDatabase,
  type EmbeddedDatabase,
} from './embedded.ts';
import { waitForDatabase } from './connect.ts';
import type { Database } from './schema.ts';

export type { Database } from './schema.ts';
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the pool or a transaction: repositories accept both. */
export type Executor = Kysely<Database>;

// int8 counts and ids fit easily in a double here; numeric stays a string (money is bigint).
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => value);

/** Statements sent to PostgreSQL by this process (BEGIN and COMMIT included), for /metrics. */
let statements = 0;
/** Called with the SQL of every statement; for tracing one request in a test or a bench. */
let statementTrace: ((sql: string, ms: number) => void) | undefined;
export const statementsSent = (): number => statements;
export function traceStatements(trace: ((sql: string, ms: number) => void) | undefined): void {
  statementTrace = trace;
}

/** How long a request waits for a connection (a free one in the pool, or a new one) at most. */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * The pool. A connection that the server drops (a restart, a failover, pg_terminate_backend)
 * emits 'error' on its client, idle or in use; an unheard 'error' would end the process, so
 * every client gets a listener. The query that was running fails on its own, and the pool
 * replaces the broken connection.
 */
export function createDb(
  connectionString: string,
  poolSize: number,
  logger?: Logger,
): { db: Db; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    application_name: 'ombud',
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    keepAlive: true,
  });
  pool.on('error', (error) =>
    logger?.warn({ reason: error.message }, 'idle database connection lost'),
  );
  pool.on('connect', (client) => {
    // In use: the running query rejects with the same error, and the request reports it.
    client.on('error', (error) =>
      logger?.debug({ reason: error.message }, 'database connection lost'),
    );
  });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      statements += 1;
      statementTrace?.(event.query.sql, event.queryDurationMillis);
    },
  });
  return { db, pool };
}

export type DatabaseHandle = {
  db: Db;
  pool: pg.Pool;
  url: string;
  /** The read replica reports read from (REPORTS_DATABASE_URL), when there is one. */
  reportsDb: Db | undefined;
  isEmbedded: boolean;
  /** The process is shutting down: database connections ending now are expected. */
  beginClose(): void;
  close(): Promise<void>;
};

/**
 * Opens the database: DATABASE_URL when set, otherwise the embedded PostgreSQL in the data
 * directory. With `role: 'owner'` the embedded server is started; with 'attach' (extra workers,
 * the CLI) the process joins the one that is running.
 */
export async function openDatabase(
  config: Config,
  logger: Logger,
  role: 'owner' | 'attach' | 'owner-or-attach',
): Promise<DatabaseHandle> {
  let url = config.databaseUrl;
  let embedded: EmbeddedDatabase | undefined;
  if (url) {
    await waitForDatabase(url, { attempts: config.dbConnectAttempts, logger });
  } else {
    if (role === 'attach') {
      url = await attachToEmbeddedDatabase(config.embeddedPgDir, 'ombud');
    } else {
      try {
        embedded = await startEmbeddedDatabase({
          dir: config.embeddedPgDir,
          port: config.embeddedPgPort,
          database: 'ombud',
          logger,
        });
        url = embedded.url;
      } catch (error) {
        if (role !== 'owner-or-attach' || !(error instanceof EmbeddedDatabaseInUseError))
          throw error;
        url = await attachToEmbeddedDatabase(config.embeddedPgDir, 'ombud');
      }
    }
  }
  const { db, pool } = createDb(url, config.dbPoolSize, logger);
  let reportsDb: Db | undefined;
  if (config.reportsDatabaseUrl) {
    await waitForDatabase(config.reportsDatabaseUrl, {
      attempts: config.dbConnectAttempts,
      logger,
    });
    // Reports are few and long: a small pool of their own.
    reportsDb = createDb(
      config.reportsDatabaseUrl,
      Math.max(2, Math.ceil(config.dbPoolSize / 2)),
      logger,
    ).db;
  }
  return {
    db,
    pool,
    url,
    reportsDb,
    isEmbedded: !config.databaseUrl,
    beginClose() {
      embedded?.holdRestarts();
    },
    async close() {
      embedded?.holdRestarts();
      await reportsDb?.destroy();
      await db.destroy();
      await embedded?.stop();
    },
  };
}

/** Whether the database answers (the readiness probe). */
export async function isDatabaseReady(db: Db): Promise<boolean> {
  try {
    await sql`SELECT 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
