import { timingSafeEqual } from 'node:crypto';
import type { Actor, Scope } from '../../platform/actor.ts';
import type { Executor, Tx } from '../../platform/db/index.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { translate, type Language } from '../../platform/i18n.ts';
import { hashToken, issueTrackingToken, orgIdOfTrackingToken } from '../../platform/tokens.ts';
import { recordAudit } from '../audit/index.ts';
import {
  followUpFallbackOf,
  insertLowScoreFollowUp,
  surveyCaseOf,
  type StatusChange,
} from '../complaints/index.ts';
import {
  decideSend,
  isLowScore,
  localHourAndWeekday,
  LOW_SCORE_DUE_MS,
  startOfLocalDate,
  surveyFigures,
} from './domain/surveys.ts';
import type {
  PublicSurveyView,
  SurveyAnswerRequest,
  SurveyReport,
  SurveySettingsView,
  SurveyView,
} from './surveys.contract.ts';
import type { SurveyDeps } from './surveys.deps.ts';
import { sendSurvey } from './surveys.jobs.ts';
import './surveys.messages.ts';
import * as repo from './surveys.repository.ts';

const isResolved = (status: string) => status === 'fixed' || status === 'closed';
const HOUR_MS = 3_600_000;

const toView = (s: repo.Survey): SurveyView => ({
  id: s.id,
  status: s.status,
  skipReason: s.skipReason,
  resolvedAt: s.resolvedAt.toISOString(),
  sendAt: s.sendAt.toISOString(),
  sentAt: s.sentAt?.toISOString() ?? null,
  answeredAt: s.answeredAt?.toISOString() ?? null,
  language: s.language,
  channel: s.channel,
  csat: s.csat,
  ces: s.ces,
  nps: s.nps,
  comment: s.comment,
  question: s.question,
  questionAnswer: s.questionAnswer,
  firstContactAt: s.firstContactAt.toISOString(),
  firstContactHour: s.firstContactHour,
  firstContactWeekday: s.firstContactWeekday,
});

export type SurveyService = ReturnType<typeof createSurveyService>;

/**
 * Satisfaction surveys: one per resolution of a case (a fix, or a close without one), sent by
 * a job at the org's chosen time over mail with one-click score links, also answered in the
 * portal. A low score makes a follow-up for the intake agent's manager.
 */
export function createSurveyService(deps: SurveyDeps) {
  const { db, clock, jobs, complaints, customers, org, mail, notices } = deps;

  /** A case's status moved: a resolution schedules its survey, a reopen ends the open one. */
  async function onStatusChange(tx: Tx, change: StatusChange): Promise<void> {
    if (!isResolved(change.status)) {
      if (isResolved(change.statusBefore))
        await repo.cancelUnanswered(tx, change.orgId, change.complaintId);
      return;
    }
    // Fixed then closed is one resolution: its survey is already scheduled.
    if (isResolved(change.statusBefore)) return;
    const settings = await repo.findSettings(tx, change.orgId);
    if (!settings.isEnabled) return;
    const c = await surveyCaseOf(tx, change.orgId, change.complaintId);
    if (!c?.resolvedAt) return;
    const found = await org.findOrg(tx, change.orgId);
    if (!found) return;
    const { hour, weekday } = localHourAndWeekday(c.receivedAt, found.timeZone);
    const agent = c.agentId ? await org.getUser(change.orgId, c.agentId) : undefined;
    const sendAt = new Date(clock.now().getTime() + settings.delayHours * HOUR_MS);
    const id = await repo.insertSurvey(tx, {
      orgId: c.orgId,
      complaintId: c.id,
      resolvedAt: c.resolvedAt,
      sendAt,
      language: c.language,
      channel: c.channel,
      agentId: c.agentId,
      departmentId: agent?.departmentId ?? null,
      reasonId: c.reasonId,
      firstContactAt: c.receivedAt,
      firstContactHour: hour,
      firstContactWeekday: weekday,
      createdAt: clock.now(),
    });
    if (id)
      await jobs.enqueue(
        tx,
        sendSurvey,
        { orgId: c.orgId, surveyId: id },
        { runAt: sendAt, key: `${id}:${sendAt.toISOString()}` },
      );
  }
  complaints.onStatusChange(onStatusChange);

  function surveyMail(
    lang: Language,
    values: { name: string; org: string; reference: string; token: string },
  ) {
    const url = `${deps.publicUrl}/survey/${values.token}`;
    const lines = [translate(lang, 'survey.mail.intro', values), ''];
    for (const score of [5, 4, 3, 2, 1])
      lines.push(
        translate(lang, 'survey.mail.score', {
          score,
          label: translate(lang, `survey.score.${score}`),
          url: `${url}?score=${score}`,
        }),
      );
    lines.push('', translate(lang, 'survey.mail.outro', { url: `${url}?unsubscribe=1` }));
    return {
      subject: translate(lang, 'survey.mail.subject', values),
      text: lines.join('\n'),
    };
  }

  /** The job at the send time: re-read, re-check, then send, wait, skip or cancel. */
  async function send(p: { orgId: string; surveyId: string }): Promise<void> {
    await db.transaction().execute(async (tx) => {
      const survey = await repo.findSurvey(tx, p.orgId, p.surveyId, { lock: true });
      if (!survey || survey.status !== 'scheduled') return;
      const c = await surveyCaseOf(tx, p.orgId, survey.complaintId);
      if (!c) return;
      const settings = await repo.findSettings(tx, p.orgId);
      const isOptedOut = await customers.surveyOptOut(p.orgId, c.customerId, tx);
      const now = clock.now();
      const decision = decideSend(
        {
          surveyResolvedAt: survey.resolvedAt,
          caseResolvedAt: c.resolvedAt,
          caseStatus: c.status,
          isOptedOut,
          hasAddress: c.email !== null && c.email !== '',
          isVerificationDue: c.isVerificationDue,
        },
        settings,
        now,
      );
      switch (decision.kind) {
        case 'cancel':
          await repo.endSurvey(tx, p.orgId, survey.id, 'cancelled', decision.reason);
          return;
        case 'skip':
          await repo.endSurvey(tx, p.orgId, survey.id, 'skipped', decision.reason);
          return;
        case 'wait':
          await repo.setSendAt(tx, p.orgId, survey.id, decision.until);
          await jobs.enqueue(tx, sendSurvey, p, {
            runAt: decision.until,
            key: `${survey.id}:${decision.until.toISOString()}`,
          });
          return;
        case 'send': {
          const found = await org.findOrg(tx, p.orgId);
          const customer = await customers.findCustomer(tx, p.orgId, c.customerId);
          const { token, hash } = issueTrackingToken(p.orgId);
          const question = settings.question[survey.language] ?? null;
          await repo.markSent(tx, p.orgId, survey.id, {
            tokenHash: hash,
            at: now,
            askedCes: settings.askCes,
            askedNps: settings.askNps,
            question: question && question.trim() !== '' ? question : null,
          });
          const text = surveyMail(survey.language, {
            name: customer?.name ?? '',
            org: found?.name ?? '',
            reference: c.reference,
            token,
          });
          await mail.queue(tx, {
            orgId: p.orgId,
            complaintId: c.id,
            kind: 'survey',
            to: c.email ?? '',
            ...text,
          });
          return;
        }
      }
    });
  }

  /**
   * The survey behind a mail's token, or 404. The lookup is by the token's hash; the stored
   * hash is compared once more in constant time, so no timing tells how much of a token matched.
   */
  async function byToken(executor: Executor, token: string): Promise<repo.Survey> {
    const orgId = orgIdOfTrackingToken(token);
    if (!orgId) throw new AppError('not_found');
    const hash = hashToken(token);
    const survey = await repo.findByTokenHash(executor, orgId, hash);
    if (
      !survey?.tokenHash ||
      !timingSafeEqual(Buffer.from(survey.tokenHash, 'hex'), Buffer.from(hash, 'hex'))
    )
      throw new AppError('not_found');
    if (survey.status !== 'sent' && survey.status !== 'answered') throw new AppError('not_found');
    return survey;
  }

  async function publicView(executor: Executor, s: repo.Survey): Promise<PublicSurveyView> {
    const c = await surveyCaseOf(executor, s.orgId, s.complaintId);
    const found = await org.findOrg(executor, s.orgId);
    if (!c || !found) throw new AppError('not_found');
    return {
      status: s.status === 'answered' ? 'answered' : 'open',
      reference: c.reference,
      orgName: found.name,
      language: s.language,
      askCes: s.askedCes,
      askNps: s.askedNps,
      question: s.question,
      csat: s.csat,
      ces: s.ces,
      nps: s.nps,
      comment: s.comment,
      questionAnswer: s.questionAnswer,
      isOptedOut: await customers.surveyOptOut(s.orgId, c.customerId, executor),
    };
  }

  /** Records an answer once; a second submit is refused (409), the first one stands. */
  async function answer(surveyId: string, orgId: string, input: SurveyAnswerRequest) {
    await db.transaction().execute(async (tx) => {
      const s = await repo.findSurvey(tx, orgId, surveyId, { lock: true });
      if (!s || (s.status !== 'sent' && s.status !== 'answered')) throw new AppError('not_found');
      if (s.status === 'answered')
        throw new AppError('conflict', { messageKey: 'error.survey_answered' });
      // A question the survey did not ask is not recorded, whatever the client sends.
      if (input.ces !== null && input.ces !== undefined && !s.askedCes) throw invalidField('ces');
      if (input.nps !== null && input.nps !== undefined && !s.askedNps) throw invalidField('nps');
      const now = clock.now();
      const a = {
        csat: input.csat,
        ces: input.ces ?? null,
        nps: input.nps ?? null,
        comment: input.comment ?? null,
        questionAnswer: s.question ? (input.questionAnswer ?? null) : null,
      };
      await repo.saveAnswer(tx, orgId, s.id, { ...a, at: now });
      const c = await surveyCaseOf(tx, orgId, s.complaintId);
      if (!c) throw new AppError('not_found');
      const customer = await customers.findCustomer(tx, orgId, c.customerId);
      const actor: Actor = { type: 'customer', id: c.customerId, name: customer?.name ?? '' };
      await complaints.addSurveyAnswered(tx, { orgId, id: c.id }, actor, {
        surveyId: s.id,
        csat: a.csat,
        ces: a.ces,
        nps: a.nps,
        comment: a.comment,
      });
      if (isLowScore(a.csat)) await lowScoreFollowUp(tx, c, s.resolvedAt, now);
    });
  }

  /** CSAT 1–2: the intake agent's manager (or the fallback) follows up, due a day later. */
  async function lowScoreFollowUp(
    tx: Tx,
    c: NonNullable<Awaited<ReturnType<typeof surveyCaseOf>>>,
    resolvedAt: Date,
    now: Date,
  ) {
    const agent = c.intakeAgentId ?? c.agentId;
    // The org chart's manager, else the org's fallback for step 6's updates.
    const manager =
      (agent ? await org.managerOf(c.orgId, agent, tx) : undefined) ??
      (await followUpFallbackOf(tx, c.orgId)) ??
      undefined;
    const dueAt = new Date(now.getTime() + LOW_SCORE_DUE_MS);
    const id = await insertLowScoreFollowUp(tx, {
      orgId: c.orgId,
      complaintId: c.id,
      resolvedAt,
      assigneeId: manager ?? null,
      dueAt,
      createdAt: now,
    });
    if (id && manager)
      await notices.notify(tx, {
        orgId: c.orgId,
        userId: manager,
        kind: 'follow_up',
        complaintId: c.id,
        dedupeKey: `${c.id}:follow_up:low_score:${resolvedAt.toISOString()}`,
        data: { reference: c.reference, clock: 'low_score', dueAt: dueAt.toISOString() },
      });
  }

  return {
    send,

    async publicSurvey(token: string): Promise<PublicSurveyView> {
      return publicView(db, await byToken(db, token));
    },

    async answerByToken(token: string, input: SurveyAnswerRequest): Promise<PublicSurveyView> {
      const s = await byToken(db, token);
      await answer(s.id, s.orgId, input);
      return publicView(db, await byToken(db, token));
    },

    /** The survey's unsubscribe link: no more surveys to this customer. */
    async optOutByToken(token: string): Promise<PublicSurveyView> {
      const s = await byToken(db, token);
      const c = await surveyCaseOf(db, s.orgId, s.complaintId);
      if (!c) throw new AppError('not_found');
      const customer = await customers.findCustomer(db, s.orgId, c.customerId);
      const actor: Actor = { type: 'customer', id: c.customerId, name: customer?.name ?? '' };
      await db
        .transaction()
        .execute((tx) => customers.setSurveyOptOut(tx, s.orgId, actor, c.customerId, true));
      return publicView(db, s);
    },

    /** The portal's survey of the case behind a tracking link: the latest sent or answered. */
    async portalSurvey(trackingToken: string): Promise<{ survey: PublicSurveyView | null }> {
      const { orgId, id } = await complaints.portalCase(trackingToken);
      const s = await repo.findOpenOfComplaint(db, orgId, id);
      return { survey: s ? await publicView(db, s) : null };
    },

    async answerInPortal(trackingToken: string, input: SurveyAnswerRequest) {
      const { orgId, id } = await complaints.portalCase(trackingToken);
      const s = await repo.findOpenOfComplaint(db, orgId, id);
      if (!s) throw new AppError('not_found');
      await answer(s.id, orgId, input);
      const after = await repo.findSurvey(db, orgId, s.id);
      return { survey: after ? await publicView(db, after) : null };
    },

    async surveysOf(scope: Scope, complaintId: string): Promise<{ items: SurveyView[] }> {
      if (!(await surveyCaseOf(db, scope.orgId, complaintId))) throw new AppError('not_found');
      const items = await repo.listForComplaint(db, scope.orgId, complaintId);
      return { items: items.map(toView) };
    },

    async settings(scope: Scope): Promise<SurveySettingsView> {
      return repo.findSettings(db, scope.orgId);
    },

    async saveSettings(scope: Scope, input: SurveySettingsView): Promise<SurveySettingsView> {
      const question = Object.fromEntries(
        Object.entries(input.question).filter(([, v]) => typeof v === 'string' && v.trim() !== ''),
      );
      const next = { ...input, question };
      return db.transaction().execute(async (tx) => {
        const before = await repo.findSettings(tx, scope.orgId);
        await repo.saveSettings(tx, scope.orgId, next, clock.now());
        await recordAudit(tx, {
          orgId: scope.orgId,
          actor: scope.actor,
          action: 'survey_settings.updated',
          entityType: 'survey_settings',
          entityId: scope.orgId,
          before,
          after: next,
        });
        return repo.findSettings(tx, scope.orgId);
      });
    },

    /** Surveys sent from `from` to `to`, whole days in the org's zone. */
    async report(
      scope: Scope,
      range: { from: string; to: string },
      lang: Language,
    ): Promise<SurveyReport> {
      const found = await org.findOrg(db, scope.orgId);
      if (!found) throw new AppError('not_found');
      const from = startOfLocalDate(range.from, found.timeZone);
      const to = new Date(startOfLocalDate(range.to, found.timeZone).getTime() + 86_400_000);
      if (to <= from) throw invalidField('to');
      // The read replica when there is one: a report may trail the last writes by the lag.
      const rows = await repo.listForReport(deps.reportsDb, scope.orgId, from, to);
      return {
        from: range.from,
        to: range.to,
        ...surveyFigures(rows),
        definitions: {
          responseRate: translate(lang, 'survey.definition.response_rate'),
          csatMean: translate(lang, 'survey.definition.csat_mean'),
          satisfiedShare: translate(lang, 'survey.definition.satisfied_share'),
        },
      };
    },
  };
}
