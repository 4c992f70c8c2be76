import { attempt, isForeignKeyViolation } from '../../platform/db/savepoint.ts';
import type { Executor, Tx } from '../../platform/db/index.ts';
import type { DepartmentView, OrgView } from './org.contract.ts';

type Lang = OrgView['defaultLanguage'];

export async function insertOrg(
  db: Tx,
  org: {
    slug: string;
    name: string;
    referencePrefix?: string;
    defaultLanguage?: string;
    timeZone?: string;
    country?: string;
  },
): Promise<OrgView> {
  const r = await db
    .insertInto('orgs')
    .values({
      slug: org.slug,
      name: org.name,
      ...(org.referencePrefix ? { reference_prefix: org.referencePrefix } : {}),
      ...(org.defaultLanguage ? { default_language: org.defaultLanguage } : {}),
      ...(org.timeZone ? { time_zone: org.timeZone } : {}),
      ...(org.country ? { country: org.country } : {}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toOrgView(r);
}

const toOrgView = (r: {
  id: string;
  slug: string;
  name: string;
  reference_prefix: string;
  default_language: string;
  time_zone: string;
  country: string;
}): OrgView => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  referencePrefix: r.reference_prefix,
  defaultLanguage: r.default_language as Lang,
  timeZone: r.time_zone,
  country: r.country,
});

export async function findOrg(db: Executor, orgId: string): Promise<OrgView | undefined> {
  const r = await db.selectFrom('orgs').selectAll().where('id', '=', orgId).executeTakeFirst();
  return r ? toOrgView(r) : undefined;
}

/**
 * The org with the version of its configuration (reasons, templates, policies, calendars,
 * overlays): what was read of that configuration holds while the version stays the same.
 */
export async function findOrgVersioned(
  db: Executor,
  by: { id: string } | { slug: string },
): Promise<{ org: OrgView; configVersion: string } | undefined> {
  const r = await db
    .selectFrom('orgs')
    .selectAll()
    .where((eb) => ('id' in by ? eb('id', '=', by.id) : eb('slug', '=', by.slug)))
    .executeTakeFirst();
  return r ? { org: toOrgView(r), configVersion: r.config_version } : undefined;
}

export async function findOrgBySlug(db: Executor, slug: string): Promise<OrgView | undefined> {
  const r = await db.selectFrom('orgs').selectAll().where('slug', '=', slug).executeTakeFirst();
  return r ? toOrgView(r) : undefined;
}

export async function updateOrg(
  db: Tx,
  orgId: string,
  patch: Partial<Omit<OrgView, 'id' | 'slug'>>,
): Promise<OrgView | undefined> {
  const changes = {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.referencePrefix !== undefined ? { reference_prefix: patch.referencePrefix } : {}),
    ...(patch.defaultLanguage !== undefined ? { default_language: patch.defaultLanguage } : {}),
    ...(patch.timeZone !== undefined ? { time_zone: patch.timeZone } : {}),
    ...(patch.country !== undefined ? { country: patch.country } : {}),
  };
  // Nothing to change is not an error: the org stays as it is.
  if (Object.keys(changes).length === 0) return findOrg(db, orgId);
  const r = await db
    .updateTable('orgs')
    .set(changes)
    .where('id', '=', orgId)
    .returningAll()
    .executeTakeFirst();
  return r ? toOrgView(r) : undefined;
}

const toDepartmentView = (r: {
  id: string;
  name: string;
  parent_id: string | null;
  head_user_id: string | null;
}): DepartmentView => ({
  id: r.id,
  name: r.name,
  parentId: r.parent_id,
  headUserId: r.head_user_id,
});

export async function listDepartments(db: Executor, orgId: string): Promise<DepartmentView[]> {
  const rows = await db
    .selectFrom('departments')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('name')
    .execute();
  return rows.map(toDepartmentView);
}

export async function findDepartment(
  db: Executor,
  orgId: string,
  id: string,
): Promise<DepartmentView | undefined> {
  const r = await db
    .selectFrom('departments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? toDepartmentView(r) : undefined;
}

export async function insertDepartment(
  db: Tx,
  orgId: string,
  d: { name: string; parentId: string | null; headUserId: string | null },
): Promise<DepartmentView> {
  const r = await db
    .insertInto('departments')
    .values({ org_id: orgId, name: d.name, parent_id: d.parentId, head_user_id: d.headUserId })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toDepartmentView(r);
}

export async function updateDepartment(
  db: Tx,
  orgId: string,
  id: string,
  d: { name?: string; parentId?: string | null; headUserId?: string | null },
): Promise<DepartmentView | undefined> {
  const changes = {
    ...(d.name !== undefined ? { name: d.name } : {}),
    ...(d.parentId !== undefined ? { parent_id: d.parentId } : {}),
    ...(d.headUserId !== undefined ? { head_user_id: d.headUserId } : {}),
  };
  if (Object.keys(changes).length === 0) return findDepartment(db, orgId, id);
  const r = await db
    .updateTable('departments')
    .set(changes)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return r ? toDepartmentView(r) : undefined;
}

export async function isDepartmentInUse(db: Executor, orgId: string, id: string): Promise<boolean> {
  const child = await db
    .selectFrom('departments')
    .select('id')
    .where('org_id', '=', orgId)
    .where('parent_id', '=', id)
    .limit(1)
    .executeTakeFirst();
  if (child) return true;
  const member = await db
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', orgId)
    .where('department_id', '=', id)
    .limit(1)
    .executeTakeFirst();
  return member !== undefined;
}

/**
 * Deletes the department unless another record still points at it (a foreign key refuses):
 * then nothing changes and the answer is false.
 */
export async function deleteDepartmentUnlessReferenced(
  tx: Tx,
  orgId: string,
  id: string,
): Promise<boolean> {
  const deleted = await attempt(tx, isForeignKeyViolation, () =>
    tx
      .deleteFrom('departments')
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst(),
  );
  return deleted !== undefined && Number(deleted.numDeletedRows) > 0;
}

export async function hasAnyOrg(db: Executor): Promise<boolean> {
  return (await db.selectFrom('orgs').select('id').limit(1).executeTakeFirst()) !== undefined;
}
