import pg from 'pg';
import type { Logger } from '../logger.ts';
import { StartupError } from '../startup-error.ts';

/** The connection string as it can be shown: without its password. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(not a URL)';
  }
}

const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  if (error instanceof AggregateError) return error.errors.map(codeOf).find(Boolean);
  return undefined;
};

/** Why a connection failed, in words an operator can act on. */
export function describeConnectionError(error: unknown, url: string): string {
  const parsed = new URL(url);
  const where = `${parsed.hostname}:${parsed.port || '5432'}`;
  const said = error instanceof Error && error.message ? error.message : String(error);
  switch (codeOf(error) ?? '') {
    case 'ECONNREFUSED':
      return `the connection was refused: no PostgreSQL listens on ${where}`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host name ${parsed.hostname} does not resolve`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${where} does not answer (${said})`;
    case '28P01':
      return `the server refused the password of user "${decodeURIComponent(parsed.username)}" (${said})`;
    case '28000':
      return `the server does not let this user in from here (${said}); see its pg_hba.conf`;
    case '3D000':
      return `the database does not exist (${said})`;
    case '57P03':
      return `the server is starting up or shutting down (${said})`;
    default:
      return said;
  }
}

/**
 * Waits until DATABASE_URL answers, trying `attempts` times with backoff (1 s, 2 s, 4 s, at
 * most 8 s between tries), since a database that starts beside Ombud may take a moment. Each
 * failed try is logged; the last becomes a StartupError saying what was wrong.
 */
export async function waitForDatabase(
  url: string,
  options: { attempts: number; logger: Logger },
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      const reason = describeConnectionError(error, url);
      if (attempt >= options.attempts) {
        throw new StartupError(
          `Cannot connect to the database in DATABASE_URL (${redactUrl(url)}): ${reason}. ` +
            `Gave up after ${attempt} ${attempt === 1 ? 'attempt' : 'attempts'}; check DATABASE_URL ` +
            `and that the server runs, or unset DATABASE_URL to use the embedded database.`,
        );
      }
      const delayMs = Math.min(8000, 1000 * 2 ** (attempt - 1));
      options.logger.warn(
        { attempt, attempts: options.attempts, retryInSeconds: delayMs / 1000, reason },
        'cannot connect to the database in DATABASE_URL; retrying',
      );
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
