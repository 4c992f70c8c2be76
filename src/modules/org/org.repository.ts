import type { Executor } from '../../platform/db/index.ts';
import type { DepartmentView, OrgView, UserView } from './org.contract.ts';
import type { ChartDepartment, ChartPerson } from './domain/org-chart.ts';

type Lang = OrgView['defaultLanguage'];
type RoleName = UserView['role'];

export async function insertOrg(
  db: Executor,
  org: {
    slug: string;
    name: string;
    referencePrefix?: string;
    defaultLanguage?: string;
    timeZone?: string;
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
}): OrgView => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  referencePrefix: r.reference_prefix,
  defaultLanguage: r.default_language as Lang,
  timeZone: r.time_zone,
});

export async function findOrg(db: Executor, orgId: string): Promise<OrgView | undefined> {
  const r = await db.selectFrom('orgs').selectAll().where('id', '=', orgId).executeTakeFirst();
  return r ? toOrgView(r) : undefined;
}

export async function findOrgBySlug(db: Executor, slug: string): Promise<OrgView | undefined> {
  const r = await db.selectFrom('orgs').selectAll().where('slug', '=', slug).executeTakeFirst();
  return r ? toOrgView(r) : undefined;
}

export async function updateOrg(
  db: Executor,
  orgId: string,
  patch: Partial<Omit<OrgView, 'id' | 'slug'>>,
): Promise<OrgView | undefined> {
  const r = await db
    .updateTable('orgs')
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.referencePrefix !== undefined ? { reference_prefix: patch.referencePrefix } : {}),
      ...(patch.defaultLanguage !== undefined ? { default_language: patch.defaultLanguage } : {}),
      ...(patch.timeZone !== undefined ? { time_zone: patch.timeZone } : {}),
    })
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
  db: Executor,
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
  db: Executor,
  orgId: string,
  id: string,
  d: { name?: string; parentId?: string | null; headUserId?: string | null },
): Promise<DepartmentView | undefined> {
  const r = await db
    .updateTable('departments')
    .set({
      ...(d.name !== undefined ? { name: d.name } : {}),
      ...(d.parentId !== undefined ? { parent_id: d.parentId } : {}),
      ...(d.headUserId !== undefined ? { head_user_id: d.headUserId } : {}),
    })
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

export async function deleteDepartment(db: Executor, orgId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('departments')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

type UserRow = {
  id: string;
  name: string;
  email: string;
  role: string;
  department_id: string | null;
  manager_id: string | null;
  locale: string;
  is_active: boolean;
};
const userColumns = [
  'id',
  'name',
  'email',
  'role',
  'department_id',
  'manager_id',
  'locale',
  'is_active',
] as const;
const toUserView = (r: UserRow): UserView => ({
  id: r.id,
  name: r.name,
  email: r.email,
  role: r.role as RoleName,
  departmentId: r.department_id,
  managerId: r.manager_id,
  locale: r.locale as Lang,
  active: r.is_active,
});

export async function listUsers(db: Executor, orgId: string): Promise<UserView[]> {
  const rows = await db
    .selectFrom('users')
    .select(userColumns)
    .where('org_id', '=', orgId)
    .orderBy('name')
    .execute();
  return rows.map(toUserView);
}

export async function findUser(
  db: Executor,
  orgId: string,
  id: string,
): Promise<UserView | undefined> {
  const r = await db
    .selectFrom('users')
    .select(userColumns)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? toUserView(r) : undefined;
}

export async function findUserByEmail(
  db: Executor,
  orgId: string,
  email: string,
): Promise<UserView | undefined> {
  const r = await db
    .selectFrom('users')
    .select(userColumns)
    .where('org_id', '=', orgId)
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  return r ? toUserView(r) : undefined;
}

export async function insertUser(
  db: Executor,
  orgId: string,
  u: {
    name: string;
    email: string;
    role: string;
    departmentId: string | null;
    managerId: string | null;
    locale: string;
    passwordHash: string;
  },
): Promise<UserView> {
  const r = await db
    .insertInto('users')
    .values({
      org_id: orgId,
      name: u.name,
      email: u.email.toLowerCase(),
      role: u.role,
      department_id: u.departmentId,
      manager_id: u.managerId,
      locale: u.locale,
      password_hash: u.passwordHash,
    })
    .returning(userColumns)
    .executeTakeFirstOrThrow();
  return toUserView(r);
}

export async function updateUser(
  db: Executor,
  orgId: string,
  id: string,
  u: {
    name?: string;
    role?: string;
    departmentId?: string | null;
    managerId?: string | null;
    locale?: string;
    active?: boolean;
    passwordHash?: string;
  },
  at: Date,
): Promise<UserView | undefined> {
  const r = await db
    .updateTable('users')
    .set({
      updated_at: at,
      ...(u.name !== undefined ? { name: u.name } : {}),
      ...(u.role !== undefined ? { role: u.role } : {}),
      ...(u.departmentId !== undefined ? { department_id: u.departmentId } : {}),
      ...(u.managerId !== undefined ? { manager_id: u.managerId } : {}),
      ...(u.locale !== undefined ? { locale: u.locale } : {}),
      ...(u.active !== undefined ? { is_active: u.active } : {}),
      ...(u.passwordHash !== undefined
        ? { password_hash: u.passwordHash, failed_login_count: 0, locked_until: null }
        : {}),
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returning(userColumns)
    .executeTakeFirst();
  return r ? toUserView(r) : undefined;
}

export async function loadChart(
  db: Executor,
  orgId: string,
): Promise<{ people: Map<string, ChartPerson>; departments: Map<string, ChartDepartment> }> {
  const [people, departments] = await Promise.all([
    db
      .selectFrom('users')
      .select(['id', 'manager_id', 'department_id', 'is_active'])
      .where('org_id', '=', orgId)
      .execute(),
    db
      .selectFrom('departments')
      .select(['id', 'parent_id', 'head_user_id'])
      .where('org_id', '=', orgId)
      .execute(),
  ]);
  return {
    people: new Map(
      people.map((p) => [
        p.id,
        { id: p.id, managerId: p.manager_id, departmentId: p.department_id, isActive: p.is_active },
      ]),
    ),
    departments: new Map(
      departments.map((d) => [
        d.id,
        { id: d.id, parentId: d.parent_id, headUserId: d.head_user_id },
      ]),
    ),
  };
}
