import type { actorTypes } from './contract/fields.ts';
import type { Principal } from './http/principal.ts';

/** Who did something, as recorded on the timeline and in the audit log. */
export type Actor = {
  type: (typeof actorTypes)[number];
  id: string | null;
  name: string | null;
};

export const systemActor: Actor = { type: 'system', id: null, name: 'Ombud' };

export function actorOf(principal: Principal): Actor {
  return principal.kind === 'user'
    ? { type: 'user', id: principal.userId, name: principal.name }
    : { type: 'api', id: principal.apiKeyId, name: principal.name };
}

/** The org and the actor every service call runs as. */
export type Scope = { orgId: string; actor: Actor; permissions: ReadonlySet<string> };

export function scopeOf(principal: Principal | undefined): Scope {
  if (!principal) throw new Error('scopeOf called on an anonymous request');
  return { orgId: principal.orgId, actor: actorOf(principal), permissions: principal.permissions };
}
