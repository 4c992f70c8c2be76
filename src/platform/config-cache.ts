/**
 * What a process has read of an org's configuration (its reasons, templates, SLA policies and
 * calendars), kept per configuration version: the version moves with every change to any of
 * them (database triggers, whoever writes), so a value is reused only while it is still true.
 * The caller reads the version with the org, in a statement it makes anyway.
 */
export type ConfigCache = {
  /** The value for `key` at this version of the org's configuration, loaded once. */
  get<T>(orgId: string, version: string, key: string, load: () => Promise<T>): Promise<T>;
};

export function createConfigCache(options: { maxOrgs?: number } = {}): ConfigCache {
  const maxOrgs = options.maxOrgs ?? 2000;
  const orgs = new Map<string, { version: string; values: Map<string, Promise<unknown>> }>();
  return {
    get<T>(orgId: string, version: string, key: string, load: () => Promise<T>): Promise<T> {
      let entry = orgs.get(orgId);
      if (!entry || entry.version !== version) {
        // A newer version replaces the old one whole; an older one (a slow reader) is not kept.
        if (entry && BigInt(entry.version) > BigInt(version)) return load();
        if (!entry && orgs.size >= maxOrgs) orgs.delete(orgs.keys().next().value!);
        entry = { version, values: new Map() };
        orgs.set(orgId, entry);
      }
      const values = entry.values;
      let value = values.get(key) as Promise<T> | undefined;
      if (!value) {
        value = load();
        values.set(key, value);
        // A failed load is not remembered.
        value.catch(() => {
          if (values.get(key) === value) values.delete(key);
        });
      }
      return value;
    },
  };
}
