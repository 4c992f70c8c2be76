import type { Executor } from '../../platform/db/index.ts';

type ClockEventRow = {
  type: string;
  at: Date;
  actorType: 'user' | 'customer' | 'system' | 'api';
  data: Record<string, unknown>;
};

/** The event types that drive clocks; the rest of the timeline does not move them. */
const clockEventTypes = [
  'complaint.received',
  'complaint.acknowledged',
  'complaint.status_changed',
  'complaint.fixed',
  'message.sent',
  'readback.sent',
  'commitment.made',
  'manager_update.recorded',
  'verification.recorded',
];

/** Feeds the SLA module the complaint's clock-relevant history (it never reads our tables). */
export function createClockSource() {
  return {
    async load(executor: Executor, orgId: string, complaintId: string) {
      const row = await executor
        .selectFrom('complaints as c')
        .innerJoin('customers as k', (j) =>
          j.onRef('k.org_id', '=', 'c.org_id').onRef('k.id', '=', 'c.customer_id'),
        )
        .select([
          'c.org_id',
          'c.id',
          'c.reference',
          'c.status',
          'c.owner_id',
          'c.intake_agent_id',
          'c.reason_id',
          'c.severity',
          'c.channel',
          'c.policy_id',
          'k.tier',
        ])
        .where('c.org_id', '=', orgId)
        .where('c.id', '=', complaintId)
        .executeTakeFirst();
      if (!row) return undefined;
      const events = await executor
        .selectFrom('complaint_events')
        .select(['type', 'created_at', 'actor_type', 'data'])
        .where('org_id', '=', orgId)
        .where('complaint_id', '=', complaintId)
        .where('type', 'in', clockEventTypes)
        .orderBy('id')
        .execute();
      return {
        orgId: row.org_id,
        id: row.id,
        reference: row.reference,
        status: row.status,
        ownerId: row.owner_id,
        intakeAgentId: row.intake_agent_id,
        reasonId: row.reason_id,
        severity: row.severity,
        channel: row.channel,
        customerTier: row.tier,
        policyId: row.policy_id,
        events: events.map((e): ClockEventRow => ({
          type: e.type,
          at: e.created_at,
          actorType: e.actor_type as ClockEventRow['actorType'],
          data: e.data,
        })),
      };
    },
    async openIds(
      executor: Executor,
      orgId: string,
      afterId: string | null,
      limit: number,
    ): Promise<string[]> {
      let query = executor
        .selectFrom('complaints')
        .select('id')
        .where('org_id', '=', orgId)
        .where('status', 'not in', ['closed', 'cancelled']);
      if (afterId) query = query.where('id', '>', afterId);
      return (await query.orderBy('id').limit(limit).execute()).map((r) => r.id);
    },
  };
}
