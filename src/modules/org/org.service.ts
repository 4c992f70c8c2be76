import { isSupportedCountry } from 'libphonenumber-js/min';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Executor, Tx } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { recordAudit, listAudit } from '../audit/index.ts';
import { hashPassword } from '../../platform/passwords.ts';
import * as repo from './org.repository.ts';
import * as people from './users.repository.ts';
import { wouldCreateCycle } from '../kernel/index.ts';
import { managerChain, managerOf } from './domain/org-chart.ts';
import type { DepartmentView, OrgView, UserView } from './org.contract.ts';

export type OrgService = ReturnType<typeof createOrgService>;

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function createOrgService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function requireUserInOrg(
    tx: Tx,
    orgId: string,
    userId: string | null | undefined,
    field: string,
  ) {
    if (userId && !(await people.findUser(tx, orgId, userId))) throw invalidField(field);
  }

  return {
    /** The org row only; provisioning (the provisioning module) adds what a new org starts with. */
    async createOrg(
      tx: Tx,
      input: {
        slug: string;
        name: string;
        referencePrefix?: string;
        defaultLanguage?: string;
        timeZone?: string;
      },
    ): Promise<OrgView> {
      if (input.timeZone !== undefined && !isValidTimeZone(input.timeZone))
        throw invalidField('timeZone');
      if (await repo.findOrgBySlug(tx, input.slug))
        throw new AppError('conflict', { field: 'slug' });
      return repo.insertOrg(tx, input);
    },

    /** Whether any org exists yet (the first start seeds the demo org). */
    hasAnyOrg: () => repo.hasAnyOrg(db),

    async getOrg(orgId: string): Promise<OrgView> {
      const org = await repo.findOrg(db, orgId);
      if (!org) throw new AppError('not_found');
      return org;
    },

    findOrgBySlug: (slug: string) => repo.findOrgBySlug(db, slug),
    findOrg: (executor: Executor, orgId: string) => repo.findOrg(executor, orgId),
    findOrgVersioned: (executor: Executor, by: { id: string } | { slug: string }) =>
      repo.findOrgVersioned(executor, by),

    async updateOrg(
      orgId: string,
      actor: Actor,
      patch: Partial<Omit<OrgView, 'id' | 'slug'>>,
    ): Promise<OrgView> {
      if (patch.timeZone !== undefined && !isValidTimeZone(patch.timeZone))
        throw invalidField('timeZone');
      // Checked here, not in the contract: the console need not load libphonenumber to edit the org.
      if (patch.country !== undefined && !isSupportedCountry(patch.country))
        throw invalidField('country');
      return db.transaction().execute(async (tx) => {
        const before = await repo.findOrg(tx, orgId);
        const after = await repo.updateOrg(tx, orgId, patch);
        if (!before || !after) throw new AppError('not_found');
        await recordAudit(tx, {
          orgId,
          actor,
          action: 'org.updated',
          entityType: 'org',
          entityId: orgId,
          before,
          after,
        });
        return after;
      });
    },

    listDepartments: (orgId: string) => repo.listDepartments(db, orgId),

    async createDepartment(
      orgId: string,
      actor: Actor,
      input: {
        name: string;
        parentId?: string | null | undefined;
        headUserId?: string | null | undefined;
      },
    ): Promise<DepartmentView> {
      return db.transaction().execute(async (tx) => {
        if (input.parentId && !(await repo.findDepartment(tx, orgId, input.parentId)))
          throw invalidField('parentId');
        await requireUserInOrg(tx, orgId, input.headUserId, 'headUserId');
        const department = await repo.insertDepartment(tx, orgId, {
          name: input.name,
          parentId: input.parentId ?? null,
          headUserId: input.headUserId ?? null,
        });
        await recordAudit(tx, {
          orgId,
          actor,
          action: 'department.created',
          entityType: 'department',
          entityId: department.id,
          after: department,
        });
        return department;
      });
    },

    async updateDepartment(
      orgId: string,
      actor: Actor,
      id: string,
      input: {
        name?: string | undefined;
        parentId?: string | null | undefined;
        headUserId?: string | null | undefined;
      },
    ): Promise<DepartmentView> {
      return db.transaction().execute(async (tx) => {
        const before = await repo.findDepartment(tx, orgId, id);
        if (!before) throw new AppError('not_found');
        if (input.parentId) {
          if (!(await repo.findDepartment(tx, orgId, input.parentId)))
            throw invalidField('parentId');
          const all = await repo.listDepartments(tx, orgId);
          const parentOf = new Map(all.map((d) => [d.id, d.parentId]));
          if (wouldCreateCycle(id, input.parentId, parentOf)) throw invalidField('parentId');
        }
        await requireUserInOrg(tx, orgId, input.headUserId, 'headUserId');
        const after = await repo.updateDepartment(tx, orgId, id, input);
        if (!after) throw new AppError('not_found');
        await recordAudit(tx, {
          orgId,
          actor,
          action: 'department.updated',
          entityType: 'department',
          entityId: id,
          before,
          after,
        });
        return after;
      });
    },

    async deleteDepartment(orgId: string, actor: Actor, id: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const before = await repo.findDepartment(tx, orgId, id);
        if (!before) throw new AppError('not_found');
        if (await repo.isDepartmentInUse(tx, orgId, id)) throw new AppError('conflict');
        // Task types, deadline requests and promises of other modules may point at it: their
        // foreign keys refuse the delete, which is a conflict, not a failure.
        if (!(await repo.deleteDepartmentUnlessReferenced(tx, orgId, id)))
          throw new AppError('conflict');
        await recordAudit(tx, {
          orgId,
          actor,
          action: 'department.deleted',
          entityType: 'department',
          entityId: id,
          before,
        });
      });
    },

    listUsers: (orgId: string) => people.listUsers(db, orgId),

    async getUser(orgId: string, id: string): Promise<UserView> {
      const user = await people.findUser(db, orgId, id);
      if (!user) throw new AppError('not_found');
      return user;
    },

    findUserByEmail: (orgId: string, email: string) => people.findUserByEmail(db, orgId, email),

    async createUser(
      orgId: string,
      actor: Actor,
      input: {
        name: string;
        email: string;
        role: string;
        departmentId?: string | null | undefined;
        managerId?: string | null | undefined;
        locale: string;
        password: string;
        passwordHash?: string;
      },
    ): Promise<UserView> {
      const passwordHash = input.passwordHash ?? (await hashPassword(input.password));
      return db.transaction().execute(async (tx) => {
        if (await people.findUserByEmail(tx, orgId, input.email))
          throw new AppError('conflict', { field: 'email' });
        if (input.departmentId && !(await repo.findDepartment(tx, orgId, input.departmentId)))
          throw invalidField('departmentId');
        await requireUserInOrg(tx, orgId, input.managerId, 'managerId');
        const user = await people.insertUser(tx, orgId, {
          name: input.name,
          email: input.email,
          role: input.role,
          departmentId: input.departmentId ?? null,
          managerId: input.managerId ?? null,
          locale: input.locale,
          passwordHash,
        });
        await recordAudit(tx, {
          orgId,
          actor,
          action: 'user.created',
          entityType: 'user',
          entityId: user.id,
          after: user,
        });
        return user;
      });
    },

    async updateUser(
      orgId: string,
      actor: Actor,
      id: string,
      input: {
        name?: string | undefined;
        role?: string | undefined;
        departmentId?: string | null | undefined;
        managerId?: string | null | undefined;
        locale?: string | undefined;
        active?: boolean | undefined;
        password?: string | undefined;
      },
    ): Promise<UserView> {
      const passwordHash = input.password ? await hashPassword(input.password) : undefined;
      return db.transaction().execute(async (tx) => {
        const before = await people.findUser(tx, orgId, id);
        if (!before) throw new AppError('not_found');
        if (input.departmentId && !(await repo.findDepartment(tx, orgId, input.departmentId)))
          throw invalidField('departmentId');
        if (input.managerId) {
          await requireUserInOrg(tx, orgId, input.managerId, 'managerId');
          const chart = await people.loadChart(tx, orgId);
          const managers = new Map([...chart.people].map(([k, p]) => [k, p.managerId]));
          if (wouldCreateCycle(id, input.managerId, managers)) throw invalidField('managerId');
        }
        const { password: _password, ...rest } = input;
        const after = await people.updateUser(
          tx,
          orgId,
          id,
          { ...rest, ...(passwordHash ? { passwordHash } : {}) },
          clock.now(),
        );
        if (!after) throw new AppError('not_found');
        await recordAudit(tx, {
          orgId,
          actor,
          action: passwordHash ? 'user.password_reset' : 'user.updated',
          entityType: 'user',
          entityId: id,
          before,
          after,
        });
        return after;
      });
    },

    /** The person a case escalates to from `userId`: their manager in the org chart. */
    async managerOf(
      orgId: string,
      userId: string,
      executor: Executor = db,
    ): Promise<string | undefined> {
      const chart = await people.loadChart(executor, orgId);
      return managerOf(userId, chart.people, chart.departments);
    },

    async managerChain(orgId: string, userId: string): Promise<UserView[]> {
      const chart = await people.loadChart(db, orgId);
      if (!chart.people.has(userId)) throw new AppError('not_found');
      const ids = managerChain(userId, chart.people, chart.departments);
      const users = new Map((await people.listUsers(db, orgId)).map((u) => [u.id, u]));
      return ids.flatMap((id) => (users.has(id) ? [users.get(id)!] : []));
    },

    // For sign-in and sessions (the auth module), which never read users itself.
    findCredentialsByEmail: (email: string, orgSlug?: string) =>
      people.findCredentialsByEmail(db, email, orgSlug),
    findCredentials: (orgId: string, userId: string) => people.findCredentials(db, orgId, userId),
    setLocale: (orgId: string, userId: string, locale: string) =>
      people.updateLocale(db, orgId, userId, locale, clock.now()),

    /** Whether the person exists in the org and is active (for owners and assignees). */
    async isActiveMember(executor: Executor, orgId: string, userId: string): Promise<boolean> {
      return (await people.findUser(executor, orgId, userId))?.active ?? false;
    },
    findUser: (executor: Executor, orgId: string, userId: string) =>
      people.findUser(executor, orgId, userId),
    departmentExists: async (executor: Executor, orgId: string, id: string) =>
      (await repo.findDepartment(executor, orgId, id)) !== undefined,
    findDepartment: (executor: Executor, orgId: string, id: string) =>
      repo.findDepartment(executor, orgId, id),
    departmentsOf: (executor: Executor, orgId: string, userId: string) =>
      people.departmentsOf(executor, orgId, userId),
    departmentAudience: (executor: Executor, orgId: string, departmentId: string) =>
      people.departmentAudience(executor, orgId, departmentId),
    userNames: (executor: Executor, orgId: string, ids: string[]) =>
      people.namesOf(executor, orgId, 'users', ids),
    departmentNames: (executor: Executor, orgId: string, ids: string[]) =>
      people.namesOf(executor, orgId, 'departments', ids),

    listAudit: (orgId: string, filter: { entityType?: string; entityId?: string; limit: number }) =>
      listAudit(db, orgId, filter),
  };
}
