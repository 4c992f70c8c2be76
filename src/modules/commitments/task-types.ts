import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/index.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import type { Language } from '../../platform/i18n.ts';
import { nameIn, type Names } from '../../platform/contract/names.ts';
import { recordAudit } from '../audit/index.ts';
import { describeTarget, namingOf, type Target } from '../sla/index.ts';
import type { TaskTypeView } from './commitments.contract.ts';
import type { CommitmentDeps } from './commitments.deps.ts';
import * as repo from './commitments.repository.ts';
import * as taskTypeNames from './task-type-names.repository.ts';
import { taskTypeRenamed } from './commitments.jobs.ts';

export type TaskTypeInput = {
  /** The name in the org's default language, as older clients send it. */
  name?: string | undefined;
  /** One name per language; the org's default language is required. */
  names?: Names | undefined;
  departmentId: string | null;
  durationAmount: number;
  durationUnit: Target['unit'];
  calendarId: string | null;
  active: boolean;
};

/** A task type as the reader sees it: its name in their language (else the org's default one). */
const toView = (t: repo.TaskType, lang: Language): TaskTypeView => ({
  id: t.id,
  name: nameIn(t.names, lang, t.name),
  names: t.names,
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

  /** The row to store, and the field its name is reported on when it clashes with another. */
  const fields = async (
    executor: Executor,
    orgId: string,
    input: TaskTypeInput,
    kept: Names = {},
  ): Promise<{ row: repo.TaskTypeFields; field: string }> => {
    const { naming, field } = await namingOf(executor, org, orgId, input, kept);
    const row = {
      ...naming,
      departmentId: input.departmentId,
      durationAmount: input.durationAmount,
      durationUnit: input.durationUnit,
      calendarId: input.calendarId,
      isActive: input.active,
    };
    return { row, field };
  };

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
        const { row, field } = await fields(tx, orgId, input);
        const id = await repo.insertTaskType(tx, orgId, row);
        if (!id) throw new AppError('conflict', { field });
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
        const { row, field } = await fields(tx, orgId, input, before.names);
        if (await repo.isTaskTypeNameTaken(tx, orgId, row.name, id))
          throw new AppError('conflict', { field });
        await repo.updateTaskType(tx, orgId, id, row);
        // The cases promised as this task type are found by its names: they follow a rename.
        if (before.name !== row.name || JSON.stringify(before.names) !== JSON.stringify(row.names))
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
      const ids = await taskTypeNames.complaintIdsWithTaskType(db, orgId, taskTypeId);
      for (let i = 0; i < ids.length; i += 500) {
        const names = await taskTypeNames.taskTypeNamesOf(db, orgId, ids.slice(i, i + 500));
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
      const calendarName = nameIn(record.names, lang, record.name);
      const dueAt = sla.dueAfter(
        clock.now(),
        { amount: task.durationAmount, unit: task.durationUnit },
        calendar,
      );
      return {
        taskTypeId: task.id,
        dueAt: dueAt.toISOString(),
        durationText: task.durationText,
        calendarName,
        timeZone: record.timeZone,
      };
    },
  };
}

export type TaskTypes = ReturnType<typeof createTaskTypes>;
