// The people of the org: who they are in the chart, and their credentials.
import type { Executor, Tx } from '../../platform/db/index.ts';
import type { UserView } from './org.contract.ts';
import type { ChartDepartment, ChartPerson } from './domain/org-chart.ts';

type Lang = UserView['locale'];
type RoleName = UserView['role'];

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
  db: Tx,
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
  db: Tx,
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
      // A new password, or leaving the org, ends every session opened before it.
      ...(u.passwordHash !== undefined
        ? { password_hash: u.passwordHash, failed_login_count: 0, locked_until: null }
        : {}),
      ...(u.passwordHash !== undefined || u.active === false
        ? { credentials_version: (eb) => eb('credentials_version', '+', 1) }
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

/** A person as sign-in and sessions need them: credentials, lockout state and their org. */
export type UserCredentials = {
  orgId: string;
  id: string;
  email: string;
  name: string;
  role: string;
  locale: string;
  departmentId: string | null;
  passwordHash: string | null;
  isActive: boolean;
  credentialsVersion: number;
  orgSlug: string;
  orgName: string;
};

function credentialsQuery(db: Executor) {
  return db
    .selectFrom('users')
    .innerJoin('orgs', 'orgs.id', 'users.org_id')
    .select([
      'users.org_id',
      'users.id',
      'users.email',
      'users.name',
      'users.role',
      'users.locale',
      'users.department_id',
      'users.password_hash',
      'users.is_active',
      'users.credentials_version',
      'orgs.slug',
      'orgs.name as org_name',
    ]);
}

type CredentialRow = Awaited<
  ReturnType<ReturnType<typeof credentialsQuery>['executeTakeFirstOrThrow']>
>;

const toCredentials = (r: CredentialRow): UserCredentials => ({
  orgId: r.org_id,
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  locale: r.locale,
  departmentId: r.department_id,
  passwordHash: r.password_hash,
  isActive: r.is_active,
  credentialsVersion: r.credentials_version,
  orgSlug: r.slug,
  orgName: r.org_name,
});

/** Sign-in is the one lookup that crosses orgs: the person types an e-mail, not an org id. */
export async function findCredentialsByEmail(
  db: Executor,
  email: string,
  orgSlug?: string,
): Promise<UserCredentials[]> {
  let query = credentialsQuery(db).where('users.email', '=', email.toLowerCase());
  if (orgSlug) query = query.where('orgs.slug', '=', orgSlug);
  return (await query.limit(5).execute()).map(toCredentials);
}

export async function findCredentials(
  db: Executor,
  orgId: string,
  userId: string,
): Promise<UserCredentials | undefined> {
  const row = await credentialsQuery(db)
    .where('users.org_id', '=', orgId)
    .where('users.id', '=', userId)
    .executeTakeFirst();
  return row ? toCredentials(row) : undefined;
}

export async function updateLocale(
  db: Executor,
  orgId: string,
  userId: string,
  locale: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ locale, updated_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', userId)
    .execute();
}

/** The departments a person answers for: their own, and those they head. */
export async function departmentsOf(
  db: Executor,
  orgId: string,
  userId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('department_id as id')
    .where('org_id', '=', orgId)
    .where('id', '=', userId)
    .where('department_id', 'is not', null)
    .union(
      db
        .selectFrom('departments')
        .select('id')
        .where('org_id', '=', orgId)
        .where('head_user_id', '=', userId),
    )
    .execute();
  return [...new Set(rows.flatMap((r) => (r.id ? [r.id] : [])))];
}

/** The active members of a department and its head: who hears of a deadline request. */
export async function departmentAudience(
  db: Executor,
  orgId: string,
  departmentId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('departments')
    .select('head_user_id as id')
    .where('org_id', '=', orgId)
    .where('id', '=', departmentId)
    .where('head_user_id', 'is not', null)
    .union(
      db
        .selectFrom('users')
        .select('id')
        .where('org_id', '=', orgId)
        .where('department_id', '=', departmentId)
        .where('is_active', '=', true),
    )
    .execute();
  return [...new Set(rows.flatMap((r) => (r.id ? [r.id] : [])))];
}

export async function namesOf(
  db: Executor,
  orgId: string,
  table: 'users' | 'departments',
  ids: string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom(table)
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
