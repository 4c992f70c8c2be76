import type { ClockEvent, ClockSignal } from '../../sla/index.ts';
import { complaintEvents, type ComplaintEventType } from './events.ts';

/**
 * The sla module's clock events, derived from the complaint's timeline: which events move which
 * clocks. Everything else on the timeline (notes, attachments, edits) leaves the clocks alone.
 */
const signalOf: Partial<Record<ComplaintEventType, ClockSignal>> = {
  [complaintEvents.received]: 'received',
  [complaintEvents.acknowledged]: 'acknowledged',
  [complaintEvents.statusChanged]: 'status_changed',
  // A message or the read-back is a response to the customer; so is a commitment.
  [complaintEvents.messageSent]: 'response',
  [complaintEvents.readbackSent]: 'response',
  [complaintEvents.commitmentMade]: 'commitment',
  [complaintEvents.fixed]: 'fixed',
  [complaintEvents.managerUpdateRecorded]: 'manager_update',
  [complaintEvents.verificationRecorded]: 'verification',
};

/** The event types to load for the clocks. */
export const clockEventTypes = Object.keys(signalOf) as ComplaintEventType[];

export type TimelineEntry = {
  type: string;
  at: Date;
  actorType: ClockEvent['actorType'];
  data: Record<string, unknown>;
};

export function toClockEvents(entries: readonly TimelineEntry[]): ClockEvent[] {
  return entries.flatMap((e) => {
    const type = signalOf[e.type as ComplaintEventType];
    return type ? [{ type, at: e.at, actorType: e.actorType, data: e.data }] : [];
  });
}
