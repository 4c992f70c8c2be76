import { randomUUID } from 'node:crypto';
import type { Actor } from '../../platform/actor.ts';
import type { Tx } from '../../platform/db/index.ts';
import { writeTogether, writeTogetherAfter } from '../../platform/db/write-together.ts';
import { AppError, invalidFields, type FieldProblem } from '../../platform/errors.ts';
import type { ComplaintDeps } from './complaints.deps.ts';
import { complaintEventData, complaintEvents } from './domain/events.ts';
import {
  historyOf,
  matchOne,
  stepsFromNew,
  stepsTo,
  type History,
  type HistoricalComplaint,
  type HistoryStep,
} from './domain/historical.ts';
import { yearIn } from './domain/reference.ts';
import * as events from './events.repository.ts';
import * as repo from './historical.repository.ts';
import * as intakeRepo from './intake.repository.ts';
import type { SearchIndex } from './search-index.ts';
import './historical.messages.ts';

/** An imported case runs no clocks: it is stored with none due (see clocks.ts). */
const noClocks = {
  policyId: null,
  nextDueAt: null,
  nextDueClock: null,
  isBreached: false,
  isPaused: false,
};

export type HistoricalOutcome = 'created' | 'updated' | 'unchanged';

/**
 * A complaint from another system's past, written as Ombud would have recorded it: a normal
 * gap-free reference, created at the file's opening, with its fix and close on the timeline at
 * the file's times, so first-contact resolution, the heatmaps and the cohorts read it like any
 * case. It sends nothing: no thank-you, no survey, no webhook, no clock (its past would only
 * warn and escalate). The importing user is the actor of every event it writes.
 */
export function createHistoricalImport(
  deps: Pick<ComplaintDeps, 'clock' | 'org' | 'reasons'> & { search: SearchIndex },
) {
  const { clock, org, reasons, search } = deps;

  /** The reason, department and assignee a row names, each refused when unknown. */
  async function resolve(orgId: string, row: HistoricalComplaint) {
    const problems: FieldProblem[] = [];
    const refuse = (field: string, value: string) =>
      problems.push({ field, messageKey: `import.unknown_${field}`, params: { value } });
    let reasonId: string | null = null;
    if (row.reason) {
      const found = matchOne(await reasons.list(orgId), row.reason, (r) => [
        r.code,
        r.names.vi,
        r.names.en,
        r.names.zh,
      ]);
      if (found) reasonId = found.id;
      else refuse('reason', row.reason);
    }
    let departmentId: string | null = null;
    if (row.department) {
      const found = matchOne(await org.listDepartments(orgId), row.department, (d) => [d.name]);
      if (found) departmentId = found.id;
      else refuse('department', row.department);
    }
    let ownerId: string | null = null;
    if (row.assignee) {
      const users = await org.listUsers(orgId);
      const found =
        matchOne(users, row.assignee, (u) => [u.email]) ??
        matchOne(users, row.assignee, (u) => [u.name]);
      if (found) ownerId = found.id;
      else refuse('assignee', row.assignee);
    }
    return { problems, reasonId, departmentId, ownerId };
  }

  /** The status moves of the history, as timeline events at the file's times. */
  const stepEvents = (orgId: string, complaintId: string, actor: Actor, steps: HistoryStep[]) =>
    steps.flatMap((s) => [
      {
        orgId,
        complaintId,
        type: complaintEvents.statusChanged,
        actor,
        visibility: 'public' as const,
        data: complaintEventData[complaintEvents.statusChanged].parse({ from: s.from, to: s.to }),
        at: s.at,
      },
      ...(s.to === 'fixed'
        ? [
            {
              orgId,
              complaintId,
              type: complaintEvents.fixed,
              actor,
              visibility: 'public' as const,
              data: {},
              at: s.at,
            },
          ]
        : []),
    ]);

  async function create(
    tx: Tx,
    orgId: string,
    actor: Actor,
    row: HistoricalComplaint,
    history: History,
    found: Awaited<ReturnType<typeof resolve>>,
  ): Promise<void> {
    const o = await org.findOrg(tx, orgId);
    if (!o) throw new AppError('not_found');
    const now = clock.now();
    const id = randomUUID();
    await writeTogether(tx, [
      intakeRepo.insertComplaintWrite(tx, {
        id,
        orgId,
        reference: `~pending-${id}`,
        status: history.status,
        channel: row.channel,
        reasonId: found.reasonId,
        severity: 'medium',
        productRef: null,
        orderRef: null,
        description: row.description,
        askText: null,
        askAmount: null,
        askCurrency: null,
        language: o.defaultLanguage,
        customerId: row.customerId,
        intakeAgentId: null,
        ownerId: found.ownerId,
        acknowledgedAt: null,
        createdAt: row.openedAt,
        contactEmail: null,
        contactPhone: null,
        searchText: '',
        due: noClocks,
        imported: {
          externalId: row.externalId,
          importedAt: now,
          closedAt: history.closedAt,
          departmentId: found.departmentId,
        },
      }),
      events.insertEventsWrite(tx, [
        {
          orgId,
          complaintId: id,
          type: complaintEvents.received,
          actor,
          visibility: 'public',
          data: complaintEventData[complaintEvents.received].parse({
            channel: row.channel,
            imported: { externalId: row.externalId, importedAt: now.toISOString() },
          }),
          at: row.openedAt,
        },
        ...stepEvents(orgId, id, actor, stepsFromNew(history)),
      ]),
    ]);
    // The reference as intake takes it: the org's counter for the year the case was opened.
    const year = yearIn(row.openedAt, o.timeZone);
    const referenceSql = intakeRepo.referenceSql(o.referencePrefix, year);
    await writeTogetherAfter(
      tx,
      { name: intakeRepo.SEQUENCE_CTE, query: intakeRepo.nextSequenceWrite(tx, orgId, year) },
      [intakeRepo.setReferenceWrite(tx, orgId, id, referenceSql, '')],
      referenceSql,
    );
    await search.rebuild(tx, orgId, [id]);
  }

  /**
   * A re-run of the row: the status may move forward at the file's times, and the description,
   * reason, department and assignee may change (recorded as an update by the importing user).
   * The opening, the channel and the customer are the case's own once imported.
   */
  async function update(
    tx: Tx,
    orgId: string,
    actor: Actor,
    stored: repo.ImportedCase,
    row: HistoricalComplaint,
    history: History,
    found: Awaited<ReturnType<typeof resolve>>,
  ): Promise<HistoricalOutcome> {
    const kept: FieldProblem[] = [];
    if (stored.openedAt.getTime() !== row.openedAt.getTime())
      kept.push({ field: 'openedAt', messageKey: 'import.history_kept', params: {} });
    if (stored.channel !== row.channel)
      kept.push({ field: 'channel', messageKey: 'import.history_kept', params: {} });
    if (stored.customerId !== row.customerId)
      kept.push({ field: 'customer.externalId', messageKey: 'import.history_kept', params: {} });
    const moves = stepsTo(stored, history);
    if (!moves.ok) kept.push(...moves.problems.map((p) => ({ ...p, params: {} })));
    if (kept.length > 0 || !moves.ok) throw invalidFields(kept);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const compare = (name: string, from: string | null, to: string | null) => {
      if (from !== to) changes[name] = { from, to };
    };
    compare('description', stored.description, row.description);
    compare('reasonId', stored.reasonId, found.reasonId);
    compare('ownerId', stored.ownerId, found.ownerId);
    compare('departmentId', stored.departmentId, found.departmentId);
    if (Object.keys(changes).length === 0 && moves.steps.length === 0) return 'unchanged';
    const now = clock.now();
    const last = moves.steps.at(-1);
    await repo.updateImportedCase(
      tx,
      orgId,
      stored.id,
      {
        ...(changes.description && { description: row.description }),
        ...(changes.reasonId && { reasonId: found.reasonId }),
        ...(changes.ownerId && { ownerId: found.ownerId }),
        ...(changes.departmentId && { departmentId: found.departmentId }),
        ...(last && { status: last.to, closedAt: last.to === 'closed' ? last.at : null }),
      },
      now,
    );
    await writeTogether(tx, [
      events.insertEventsWrite(tx, [
        ...stepEvents(orgId, stored.id, actor, moves.steps),
        ...(Object.keys(changes).length > 0
          ? [
              {
                orgId,
                complaintId: stored.id,
                type: complaintEvents.updated,
                actor,
                visibility: 'internal' as const,
                data: { changes },
                at: now,
              },
            ]
          : []),
      ]),
    ]);
    if (changes.description || changes.reasonId) await search.rebuild(tx, orgId, [stored.id]);
    return 'updated';
  }

  /**
   * One historical complaint in the caller's transaction (an import row's savepoint): created,
   * updated or unchanged by (org, external id). A refusal throws an AppError naming its fields.
   */
  return async function importHistoricalComplaint(
    tx: Tx,
    orgId: string,
    actor: Actor,
    row: HistoricalComplaint,
  ): Promise<HistoricalOutcome> {
    const told = historyOf(row);
    const found = await resolve(orgId, row);
    const problems = [
      ...(told.ok ? [] : told.problems.map((p) => ({ ...p, params: {} }))),
      ...found.problems,
    ];
    if (problems.length > 0 || !told.ok) throw invalidFields(problems);
    const stored = await repo.findImportedCase(tx, orgId, row.externalId);
    if (stored) return update(tx, orgId, actor, stored, row, told.history, found);
    await create(tx, orgId, actor, row, told.history, found);
    return 'created';
  };
}

export type ImportHistoricalComplaint = ReturnType<typeof createHistoricalImport>;
