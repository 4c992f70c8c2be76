// Types of build.mjs for the TypeScript that imports it (the test setups).
export declare const ROOT: string;
export declare const SERVER_DIR: string;
/** True when dist/server matches the sources. */
export declare function isServerFresh(): boolean;
/** Bundles the server into dist/server/ unless it is fresh; true when it built. */
export declare function buildServer(options?: {
  force?: boolean;
  quiet?: boolean;
}): Promise<boolean>;
/** Builds the web app into web/dist/ unless it is fresh; true when it built. */
export declare function buildWeb(options?: { force?: boolean }): boolean;
