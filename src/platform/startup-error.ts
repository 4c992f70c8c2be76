/**
 * A mistake in how Ombud was started: a directory it cannot use, a port that is taken, a
 * database it cannot reach. The entry points print the message as one line, without a stack,
 * and exit with status 1; the message says what is wrong and what to do about it.
 */
export class StartupError extends Error {}
