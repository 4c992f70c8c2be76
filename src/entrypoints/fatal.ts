import { ConfigError } from '../platform/config.ts';
import { StartupError } from '../platform/startup-error.ts';

/**
 * What an entry point prints when it cannot go on: a configuration or start-up mistake as one
 * line that says what to do, anything else (a bug) with its stack.
 */
export function reportFatal(error: unknown): void {
  if (error instanceof StartupError || error instanceof ConfigError) {
    console.error(`ombud: ${error.message}`);
  } else {
    console.error(error);
  }
}

/** A listen() failure in words: the port taken, not allowed, or an address this host lacks. */
export function listenErrorOf(error: unknown, host: string, port: number): unknown {
  switch ((error as NodeJS.ErrnoException).code ?? '') {
    case 'EADDRINUSE':
      return new StartupError(
        `Port ${port} on ${host} is already in use by another program. Stop it, or set PORT to a free port.`,
      );
    case 'EACCES':
      return new StartupError(
        `Not allowed to listen on port ${port} on ${host} (ports below 1024 need privileges). Set PORT to a higher port.`,
      );
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new StartupError(
        `Cannot listen on ${host}: it is not an address of this machine. Set HOST (127.0.0.1, or 0.0.0.0 for every address).`,
      );
    default:
      return error;
  }
}
