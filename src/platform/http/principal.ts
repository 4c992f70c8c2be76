/** Who is calling. Resolved once per request by the auth module; checked against the route. */
export type Principal =
  | {
      kind: 'user';
      orgId: string;
      userId: string;
      name: string;
      role: string;
      locale: string;
      permissions: ReadonlySet<string>;
      csrfToken: string;
      /** Names the session (the hash of its token, never the token): limits per session use it. */
      sessionId: string;
    }
  | {
      kind: 'api_key';
      orgId: string;
      apiKeyId: string;
      name: string;
      permissions: ReadonlySet<string>;
    };

/** Routes declare one of these: a permission name, or one of the two open levels. */
export type RoutePermission = 'public' | 'authenticated' | (string & {});
