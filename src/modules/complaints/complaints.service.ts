import { systemActor, type Actor, type Scope } from '../../platform/actor.ts';
import type { Tx } from '../../platform/db/index.ts';
import { complaintEvents, type ComplaintEventData } from './domain/events.ts';
import type { Language } from '../../platform/i18n.ts';
import type { UploadPart } from '../../platform/http/multipart.ts';
import type { TemplateStep } from '../templates/index.ts';
import './complaints.messages.ts';
import { createComplaintAccess } from './act.ts';
import { createCaseUpdates, type ComplaintUpdate } from './case-updates.ts';
import { createCustomerMerge } from './customer-merge.ts';
import { createBulk } from './bulk.ts';
import { createCaseWork } from './case-work.ts';
import { createFollowUpSync } from './follow-up-sync.ts';
import { createEarlyEscalation } from './early-escalation.ts';
import { createFollowUps, type FollowUps } from './follow-ups.ts';
import { createComplaintClocks } from './clocks.ts';
import type { RecordFactsRequest } from './complaints.contract.ts';
import type { ComplaintDeps } from './complaints.deps.ts';
import type { ComplaintStatus } from './domain/status.ts';
import { createIntake } from './intake.ts';
import { createStaffIntake } from './staff-intake.ts';
import { createMessageValues } from './message-values.ts';
import { createMessages } from './messages.ts';
import { createPortal } from './portal.ts';
import { createPublicIntake } from './public-intake.ts';
import { createEmailIntake } from './email-intake.ts';
import { createComplaintQueries } from './queries.ts';
import { createQueueExport } from './queue-export.ts';
import { createReadBack } from './readback.ts';
import { createSavedViews } from './saved-views.ts';
import { createSearchIndex } from './search-index.ts';
import { createUploads } from './uploads.ts';
import { createCalls } from './calls.ts';
import { createHistoricalImport } from './historical-import.ts';

export type ComplaintService = ReturnType<typeof createComplaintService>;

/** Step 6 as the routes reach it (the portal's answer goes through the portal). */
const followUpUseCases = ({ answerFix: _inPortal, ...rest }: FollowUps) => rest;

/**
 * The complaint and steps 1–3 of the loop. Each use case lives in its own file; this wires
 * them and answers every staff change with the case as it now stands.
 */
export function createComplaintService(deps: ComplaintDeps) {
  const clocks = createComplaintClocks(deps);
  const search = createSearchIndex(deps);
  const work = createCaseWork({ ...deps, clocks, search, followUps: createFollowUpSync(deps) });
  const queries = createComplaintQueries({ ...deps, work });
  const values = createMessageValues({ ...deps, clocks });
  const readBack = createReadBack({ ...deps, work, clocks, values });
  const uploads = createUploads({ ...deps, work });
  const messages = createMessages({ ...deps, work, values });
  const escalation = createEarlyEscalation({ ...deps, work });
  const updates = createCaseUpdates({ ...deps, work, escalation });
  const intake = createIntake({ ...deps, work });
  const staffIntake = createStaffIntake({ ...deps, work, queries, intake });
  const publicIntake = createPublicIntake({ ...deps, intake, uploads });
  const followUps = createFollowUps({ ...deps, work, clocks, messages });
  const portal = createPortal({
    ...deps,
    work,
    queries,
    readBack,
    uploads,
    followUps,
    escalation,
  });
  const access = createComplaintAccess({ ...deps, work, search });
  const { bulk } = createBulk({ ...deps, work, updates });
  const calls = createCalls({ ...deps, work, uploads, create: staffIntake.create });

  /** A staff change, then the case as it now stands. */
  const thenDetail =
    <A extends unknown[]>(fn: (scope: Scope, id: string, ...args: A) => Promise<void>) =>
    async (scope: Scope, id: string, ...args: A) => {
      await fn(scope, id, ...args);
      return queries.detail(scope.orgId, id);
    };

  return {
    publicOrg: intake.publicOrg,
    create: staffIntake.create,
    ...publicIntake,
    email: createEmailIntake({ ...deps, intake, work, escalation, uploads }),
    ...portal,
    ...access,
    ...createCustomerMerge(deps),
    ...createSavedViews(deps),
    bulk,
    clocks,
    ...followUpUseCases(followUps),
    escalateEarlyLater: escalation.checkLater,
    onStatusChange: work.onStatusChange,
    /** The survey's answer on the case's timeline, in the answer's transaction. */
    addSurveyAnswered: (
      tx: Tx,
      complaint: { orgId: string; id: string },
      actor: Actor,
      data: ComplaintEventData<typeof complaintEvents.surveyAnswered>,
    ) => work.addEvent(tx, complaint, actor, complaintEvents.surveyAnswered, 'public', data),
    /** A bounce of mail sent on the case, on its timeline for staff, in the report's transaction. */
    addBounced: (
      tx: Tx,
      complaint: { orgId: string; id: string },
      data: ComplaintEventData<typeof complaintEvents.messageBounced>,
    ) =>
      work.addEvent(tx, complaint, systemActor, complaintEvents.messageBounced, 'internal', data),
    search,
    /** A historical complaint from a file, in the import row's savepoint (historical-import.ts). */
    importHistoricalComplaint: createHistoricalImport({ ...deps, search }),
    detail: (scope: Scope, id: string) => queries.detail(scope.orgId, id),
    list: (scope: Scope, query: Parameters<typeof queries.list>[1], lang: Language) =>
      queries.list(scope, query, lang),
    exportQueue: createQueueExport({ ...deps, prepare: queries.queueQueryOf }),
    timeline: queries.timeline,
    clocksOf: (scope: Scope, id: string, lang: Language) => clocks.describe(scope.orgId, id, lang),
    update: thenDetail(async (scope, id, patch: ComplaintUpdate) => {
      await updates.update(scope, id, patch);
    }),
    changeStatus: thenDetail(
      async (scope, id, status: ComplaintStatus, note: string | null | undefined) => {
        await updates.changeStatus(scope, id, status, note);
      },
    ),
    recordFacts: thenDetail((scope, id, input: RecordFactsRequest) =>
      readBack.recordFacts(scope, id, input),
    ),
    sendReadBack: thenDetail((scope, id, version: number) =>
      readBack.sendReadBack(scope, id, version),
    ),
    confirmVerbally: thenDetail(
      (scope, id, input: Parameters<typeof readBack.confirmVerbally>[2]) =>
        readBack.confirmVerbally(scope, id, input),
    ),
    sendMessage: thenDetail((scope, id, input: Parameters<typeof messages.sendMessage>[2]) =>
      messages.sendMessage(scope, id, input),
    ),
    suggestions: (scope: Scope, id: string, step: TemplateStep) =>
      messages.suggestions(scope, id, step),
    addNote: messages.addNote,
    issueTrackingLink: messages.issueTrackingLink,
    revokeTrackingLinks: messages.revokeTrackingLinks,
    addAttachments: (scope: Scope, id: string, parts: AsyncIterable<UploadPart>) =>
      uploads.addAttachments(scope, id, parts),
    findAttachment: uploads.findAttachment,
    ...calls,
  };
}
