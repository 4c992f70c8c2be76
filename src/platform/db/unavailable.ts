/**
 * SQLSTATEs that say the server is going or gone, not that the statement was wrong:
 * admin_shutdown (pg_terminate_backend, a fast shutdown), crash_shutdown, cannot_connect_now
 * (starting up, in recovery), idle_session_timeout, and too_many_connections.
 */
const unavailableStates = new Set(['57P01', '57P02', '57P03', '57P05', '53300']);

/** The socket-level failures of a database that is down, restarting or being failed over. */
const unavailableSocketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** What pg itself says when the connection is lost, or a pooled connection cannot be had. */
const unavailableMessages = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /is not queryable$/,
];

/**
 * Whether an error means "the database is unreachable right now" (a 503 worth retrying) rather
 * than a bug or a bad statement (a 500). Looks through `cause` and AggregateError's `errors`,
 * since Node reports a refused connection to several addresses as one AggregateError.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 4) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    // Class 08 is "connection exception".
    if (unavailableStates.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
    if (unavailableSocketCodes.has(code)) return true;
  }
  if (unavailableMessages.some((pattern) => pattern.test(error.message))) return true;
  if (
    error instanceof AggregateError &&
    error.errors.some((e) => isDatabaseUnavailable(e, depth + 1))
  )
    return true;
  return isDatabaseUnavailable(error.cause, depth + 1);
}
