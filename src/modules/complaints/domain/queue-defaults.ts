/**
 * What a person's queue opens with until they choose a default view of their own. An agent
 * works their own cases and the new ones nobody has taken yet (a web or e-mail complaint has
 * no owner until someone works on it), nearest due first. A manager, who hands cases out,
 * watches all open work by due time, the unowned included. Roles that only read see everything,
 * newest first.
 */
export function roleDefaultQueue(can: { assign: boolean; update: boolean }): {
  scope: 'mineAndUnassigned' | 'all';
  sort: 'dueAt' | '-createdAt';
} {
  if (can.assign) return { scope: 'all', sort: 'dueAt' };
  if (can.update) return { scope: 'mineAndUnassigned', sort: 'dueAt' };
  return { scope: 'all', sort: '-createdAt' };
}
