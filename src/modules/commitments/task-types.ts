import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/index.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import type { Language } from '../../platform/i18n.ts';
import { recordAudit } from '../audit/index.ts';
import { describeTarget, type Target } from '../sla/index.ts';
import type { TaskTypeView } from './commitments.contract.ts';
import type { CommitmentDeps } from './commitments.deps.ts';
import * as repo from './commitments.repository.ts';
import { taskTypeRenamed } from './commitments.jobs.ts';

export type TaskTypeInput = {
  name: string;
  departmentId: string | null;
  durationAmount: number;
  durationUnit: Target['unit'];
  calendarId: string | null;
  active: boolean;
};

const toView = (t: repo.TaskType, lang: Language): TaskTypeView => ({
  id: t.id,
  name: t.name,
  departmentId: t.departmentId,
  departmentName: t.departmentName,
  durationAmount: t.durationAmount,
  durationUnit: t.durationUnit,
  durationText: describeTarget({ amount: t.durationAmount, unit: t.durationUnit }, lang),
  calendarId: t.calendarId,
  active: t.isActive,
});

/** The catalogue of task types: what a fix is, who owns it, and how long it takes as standard. */
export function createTaskTypes(
  deps: Pick<CommitmentDeps, 'db' | 'clock' | 'jobs' | 'sla' | 'org' | 'complaints'>,
) {
  const { db, clock, jobs, sla, org, complaints } = deps;

  const listTaskTypes = async (executor: Executor, orgId: string, lang: Language) =>
    (await repo.listTaskTypes(executor, orgId)).map((t) => toView(t, lang));

  async function getTaskType(
    executor: Executor,
    orgId: string,
    id: string,
    lang: Language = 'vi',
  ): Promise<TaskTypeView> {
    const t = (await listTaskTypes(executor, orgId, lang)).find((x) => x.id === id);
    if (!t) throw invalidField('taskTypeId');
    return t;
  }

  async function assertRefs(executor: Executor, orgId: string, input: TaskTypeInput) {
    if (input.departmentId && !(await org.departmentExists(executor, orgId, input.departmentId)))
      throw invalidField('departmentId');
    if (input.calendarId) {
      await sla.calendarFor(executor, orgId, input.calendarId).catch(() => {
        throw invalidField('calendarId');
      });
    }
  }

  const fields = (input: TaskTypeInput): repo.TaskTypeFields => ({
    name: input.name,
    departmentId: input.departmentId,
    durationAmount: input.durationAmount,
    durationUnit: input.durationUnit,
    calendarId: input.calendarId,
    isActive: input.active,
  });

  return {
    getTaskType,
    listTaskTypes: (orgId: string, lang: Language) => listTaskTypes(db, orgId, lang),

    async createTaskType(
      orgId: string,
      actor: Actor,
      input: TaskTypeInput,
      lang: Language,
    ): Promise<TaskTypeView> {
      return db.transaction().execute(async (tx) => {
        await assertRefs(tx, orgId, input);
        const id = await repo.insertTaskType(tx, orgId, fields(input));
        if (!id) throw new AppError('conflict', { field: 'name' });
        await recordAudit(tx, {
          orgId,
          actor,
          action: 'task_type.created',
          entityType: 'task_type',
          entityId: id,
          after: input,
        });
        return getTaskType(tx, orgId, id, lang);
      });
    },

    async updateTaskType(
      orgId: string,
      actor: Actor,
      id: string,
      input: TaskTypeInput,
      lang: Language,
    ): Promise<TaskTypeView> {
      return db.transaction().execute(async (tx) => {
        const before = await getTaskType(tx, orgId, id).catch(() => {
          throw new AppError('not_found');
        });
        await assertRefs(tx, orgId, input);
        if (await repo.isTaskTypeNameTaken(tx, orgId, input.name, id))
          throw new AppError('conflict', { field: 'name' });
        await repo.updateTaskType(tx, orgId, id, fields(input));
        if (before.name !== input.name)
          await jobs.enqueue(tx, taskTypeRenamed, { orgId, taskTypeId: id }, { key: id });
        await recordAudit(tx, {
          orgId,
          actor,
          action: 'task_type.updated',
          entityType: 'task_type',
          entityId: id,
          before,
          after: input,
        });
        return getTaskType(tx, orgId, id, lang);
      });
    },

    /** The complaints promised as this task type are filed under its current name. */
    async refileTaskType(orgId: string, taskTypeId: string): Promise<void> {
      const ids = await repo.complaintIdsWithTaskType(db, orgId, taskTypeId);
      for (let i = 0; i < ids.length; i += 500) {
        const names = await repo.taskTypeNamesOf(db, orgId, ids.slice(i, i + 500));
        await complaints.fileUnder(
          orgId,
          'taskTypes',
          [...names].map(([complaintId, list]) => ({ complaintId, names: list })),
        );
      }
    },

    /** Step 4 from the catalogue: the due time the task's standard duration gives, from now. */
    async propose(orgId: string, complaintId: string, taskTypeId: string, lang: Language) {
      if (!(await complaints.exists(db, orgId, complaintId))) throw new AppError('not_found');
      const task = await getTaskType(db, orgId, taskTypeId, lang);
      const { record, calendar } = await sla.calendarFor(db, orgId, task.calendarId);
      const dueAt = sla.dueAfter(
        clock.now(),
        { amount: task.durationAmount, unit: task.durationUnit },
        calendar,
      );
      return {
        taskTypeId: task.id,
        dueAt: dueAt.toISOString(),
        durationText: task.durationText,
        calendarName: record.name,
        timeZone: record.timeZone,
      };
    },
  };
}

export type TaskTypes = ReturnType<typeof createTaskTypes>;
