import { expressionBuilder, type Expression } from 'kysely';
import type { Database, Executor } from '../../platform/db/index.ts';

// Read-only pieces other modules put into their own queue and report queries, so that the SQL
// about people stays here while a list still takes one statement.
const eb = expressionBuilder<Database, never>();

/** The name of a person of the org, as a correlated subquery: `userNameOf(orgRef, idRef)`. */
export function userNameOf(orgId: Expression<string>, userId: Expression<string | null>) {
  return eb
    .selectFrom('users')
    .select('users.name')
    .where('users.org_id', '=', orgId)
    .where('users.id', '=', userId);
}

/** The name of a department, as a correlated subquery. */
export function departmentNameOf(
  orgId: Expression<string>,
  departmentId: Expression<string | null>,
) {
  return eb
    .selectFrom('departments')
    .select('departments.name')
    .where('departments.org_id', '=', orgId)
    .where('departments.id', '=', departmentId);
}

/** The ids of a department's people, as a subquery for `IN`. */
export function departmentMemberIds(orgId: string, departmentId: string) {
  return eb
    .selectFrom('users')
    .select('users.id')
    .where('users.org_id', '=', orgId)
    .where('users.department_id', '=', departmentId);
}

/** The org's country (ISO 3166-1 alpha-2), which reads and shows phone numbers. */
export async function orgCountryOf(db: Executor, orgId: string): Promise<string> {
  const row = await db
    .selectFrom('orgs')
    .select('country')
    .where('id', '=', orgId)
    .executeTakeFirst();
  return row?.country ?? 'VN';
}
