import type { Scope } from '../../platform/actor.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import type { UploadPart } from '../../platform/http/multipart.ts';
import { normalizePhone, type PhoneCountry } from '../customers/index.ts';
import * as attachments from './attachments.repository.ts';
import type { Attachment } from './attachments.repository.ts';
import * as calls from './calls.repository.ts';
import type { Call } from './calls.repository.ts';
import type {
  CallView,
  LogCallOnCaseRequest,
  LogCallRequest,
  LoggedCallView,
} from './calls.contract.ts';
import type { CaseWork } from './case-work.ts';
import type { ComplaintDeps } from './complaints.deps.ts';
import { toAttachmentView } from './complaints.views.ts';
import { recordingTypeOf } from './domain/calls.ts';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../platform/actor.ts';
import { complaintEventData, complaintEvents } from './domain/events.ts';
import * as events from './events.repository.ts';
import type { StaffCreate } from './staff-intake.ts';
import type { Uploads } from './uploads.ts';

/** A call logged a little ahead of the server's clock is a clock skew; further is a mistake. */
const futureSlackMs = 5 * 60_000;

const toCallView = (call: Call, recording: Attachment | undefined): CallView => ({
  id: call.id,
  complaintId: call.complaintId,
  direction: call.direction,
  phone: call.phone,
  startedAt: call.startedAt.toISOString(),
  durationSeconds: call.durationSeconds,
  outcome: call.outcome,
  notes: call.notes,
  loggedBy: { type: call.loggedByType, id: call.loggedById, name: call.loggedByName },
  recording: recording ? toAttachmentView(recording) : null,
  createdAt: call.createdAt.toISOString(),
});

/**
 * Phone calls on a case: the agent logs each call, which joins the case and its timeline, and
 * may attach its recording (checked by its bytes, internal, kept as the call's evidence).
 */
export function createCalls(
  deps: Pick<ComplaintDeps, 'db' | 'clock'> & {
    work: CaseWork;
    uploads: Uploads;
    create: StaffCreate;
  },
) {
  const { db, clock, work, uploads, create } = deps;

  /** The call's number in E.164 and its start, refused naming the field. */
  async function checked(orgId: string, input: LogCallRequest) {
    const org = await work.getOrg(db, orgId);
    const phone = normalizePhone(input.phone, org.country as PhoneCountry);
    if (!phone) throw invalidField('phone', 'field.invalid_phone', { value: input.phone });
    const startedAt = new Date(input.startedAt);
    if (startedAt.getTime() > clock.now().getTime() + futureSlackMs)
      throw invalidField('startedAt', 'error.call_in_future');
    return { phone, startedAt };
  }

  const callOf = (
    orgId: string,
    complaintId: string,
    actor: Actor,
    input: LogCallRequest,
    at: { phone: string; startedAt: Date },
  ) => ({
    orgId,
    complaintId,
    direction: input.direction,
    phone: at.phone,
    startedAt: at.startedAt,
    durationSeconds: input.durationSeconds,
    outcome: input.outcome,
    notes: input.notes ?? '',
    loggedByType: actor.type as Call['loggedByType'],
    loggedById: actor.id,
    createdAt: clock.now(),
  });

  const loggedData = (callId: string, input: LogCallRequest, startedAt: Date) => ({
    callId,
    direction: input.direction,
    outcome: input.outcome,
    startedAt: startedAt.toISOString(),
    durationSeconds: input.durationSeconds,
  });

  async function viewOf(orgId: string, call: Call): Promise<CallView> {
    const recording = call.recordingId
      ? await attachments.findAttachment(db, orgId, call.recordingId)
      : undefined;
    return toCallView(call, recording);
  }

  async function getCall(orgId: string, id: string): Promise<Call> {
    const call = await calls.findCall(db, orgId, id);
    if (!call) throw new AppError('not_found');
    return call;
  }

  return {
    async logCall(scope: Scope, complaintId: string, input: LogCallRequest): Promise<CallView> {
      const actor = scope.actor;
      if (actor.type === 'customer') throw new AppError('forbidden');
      await work.getComplaint(db, scope.orgId, complaintId);
      const at = await checked(scope.orgId, input);
      const id = await work.change(scope.orgId, complaintId, async (tx, complaint) => {
        const callId = await calls.insertCall(
          tx,
          callOf(scope.orgId, complaint.id, actor, input, at),
        );
        await work.addEvent(
          tx,
          complaint,
          actor,
          complaintEvents.callLogged,
          'internal',
          loggedData(callId, input, at.startedAt),
        );
        return callId;
      });
      return viewOf(scope.orgId, await getCall(scope.orgId, id));
    },

    /**
     * `POST /api/calls`: the call joins the case named, or starts a phone complaint. A new case
     * and its call are written in the intake's own first statement, so neither exists without
     * the other, and a retried request with the same Idempotency-Key logs the call once.
     */
    async logCallOnCase(
      scope: Scope,
      body: LogCallOnCaseRequest,
      idempotencyKey?: string,
    ): Promise<LoggedCallView> {
      const { complaintId, complaint, ...input } = body;
      if (complaintId && complaint) throw invalidField('complaint', 'error.call_case_or_complaint');
      if (complaintId) return this.logCall(scope, complaintId, input);
      if (!complaint) throw invalidField('complaintId', 'field.required');
      const actor = scope.actor;
      if (actor.type === 'customer') throw new AppError('forbidden');
      const at = await checked(scope.orgId, input);
      const callId = randomUUID();
      const created = await create(
        scope,
        {
          ...complaint,
          channel: 'phone',
          customer: { ...complaint.customer, phone: complaint.customer.phone || input.phone },
        },
        idempotencyKey,
        {
          body,
          writes: (tx, id) => [
            calls.insertCallWrite(tx, { id: callId, ...callOf(scope.orgId, id, actor, input, at) }),
            events.insertEventsWrite(tx, [
              {
                orgId: scope.orgId,
                complaintId: id,
                type: complaintEvents.callLogged,
                actor,
                visibility: 'internal',
                data: complaintEventData[complaintEvents.callLogged].parse(
                  loggedData(callId, input, at.startedAt),
                ),
                at: clock.now(),
              },
            ]),
          ],
        },
      );
      const c = created.complaint;
      // A replay answers with the call the first request logged.
      const call = created.created
        ? await getCall(scope.orgId, callId)
        : (await calls.listCalls(db, scope.orgId, c.id)).sort(
            (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
          )[0];
      if (!call) throw new AppError('not_found');
      return {
        ...(await viewOf(scope.orgId, call)),
        startedComplaint: {
          id: c.id,
          reference: c.reference,
          trackingUrl: c.trackingUrl,
          created: created.created,
        },
      };
    },

    async listCalls(scope: Scope, complaintId: string): Promise<CallView[]> {
      await work.getComplaint(db, scope.orgId, complaintId);
      const found = await calls.listCalls(db, scope.orgId, complaintId);
      const files = new Map(
        (await attachments.listAttachments(db, scope.orgId, complaintId, false)).map((a) => [
          a.id,
          a,
        ]),
      );
      return found.map((c) => toCallView(c, c.recordingId ? files.get(c.recordingId) : undefined));
    },

    async getCall(scope: Scope, id: string): Promise<CallView> {
      return viewOf(scope.orgId, await getCall(scope.orgId, id));
    },

    /**
     * The recording of a call: one audio file, streamed to the store under the same limits and
     * quotas as every upload, refused by its bytes unless it is MP3, M4A, Ogg or WAV. A call
     * keeps its first recording; a second is a conflict.
     */
    async attachRecording(
      scope: Scope,
      callId: string,
      parts: AsyncIterable<UploadPart>,
    ): Promise<CallView> {
      const call = await getCall(scope.orgId, callId);
      if (call.recordingId)
        throw new AppError('conflict', { messageKey: 'error.recording_exists' });
      const { saved } = await uploads.receive(scope.orgId, call.complaintId, parts, {
        accept: { typeOf: recordingTypeOf, messageKey: 'error.recording_type_refused' },
      });
      try {
        if (saved.length === 0) throw invalidField('file', 'field.required');
        if (saved.length > 1)
          throw new AppError('too_many_files', { field: 'file', params: { max: 1 } });
        await work.change(scope.orgId, call.complaintId, async (tx, complaint) => {
          const locked = await calls.lockCall(tx, scope.orgId, callId);
          if (!locked) throw new AppError('not_found');
          if (locked.recordingId)
            throw new AppError('conflict', { messageKey: 'error.recording_exists' });
          // Recordings stay internal: the customer's portal never lists them.
          const [recording] = await uploads.attach(
            tx,
            complaint,
            scope.actor,
            saved,
            false,
            'call_recording',
          );
          await calls.setRecording(tx, scope.orgId, callId, recording!.id);
        });
      } catch (error) {
        await uploads.discard(saved);
        throw error;
      }
      return viewOf(scope.orgId, await getCall(scope.orgId, callId));
    },
  };
}

export type Calls = ReturnType<typeof createCalls>;
