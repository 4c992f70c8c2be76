import { z } from 'zod';
import { scopeOf } from '../../platform/actor.ts';
import type { HttpApp } from '../../platform/http/app.ts';
import { uuid } from '../../platform/contract/fields.ts';
import type { ComplaintService } from './complaints.service.ts';
import {
  followUpList,
  followUpQuery,
  followUpReport,
  followUpReportQuery,
  followUpSettingsView,
  followUpView,
  managerUpdateRequest,
  portalVerificationRequest,
  skipFollowUpRequest,
  verificationRequest,
} from './follow-ups.contract.ts';
import { portalView } from './complaints.contract.ts';

const idParams = z.object({ id: uuid });
const tokenParams = z.object({ token: z.string().min(1).max(200) });

/** Step 6: the follow-up tasks, recording them, the settings, the report, the portal's answer. */
export function registerFollowUpRoutes(app: HttpApp, deps: { complaints: ComplaintService }) {
  const { complaints } = deps;

  app.get('/api/follow-ups', {
    config: { permission: 'complaint:read' },
    schema: {
      tags: ['follow-ups'],
      description:
        "Open follow-up tasks of step 6, nearest due first: the caller's own, or with scope=all the org's (for those who may assign).",
      querystring: followUpQuery,
      response: { 200: followUpList },
    },
    handler: async (request) => complaints.listFollowUps(scopeOf(request.principal), request.query),
  });

  app.get('/api/complaints/:id/follow-ups', {
    config: { permission: 'complaint:read' },
    schema: { tags: ['follow-ups'], params: idParams, response: { 200: followUpList } },
    handler: async (request) =>
      complaints.followUpsOf(scopeOf(request.principal), request.params.id),
  });

  app.post('/api/follow-ups/:id/manager-update', {
    config: { permission: 'followup:record' },
    schema: {
      tags: ['follow-ups'],
      description:
        'The manager records how they reached the customer and what was said, or sends the update as a message (method "message"). Stops the manager_update clock.',
      params: idParams,
      body: managerUpdateRequest,
      response: { 200: followUpView },
    },
    handler: async (request) =>
      complaints.recordManagerUpdate(scopeOf(request.principal), request.params.id, request.body),
  });

  app.post('/api/follow-ups/:id/verification', {
    config: { permission: 'followup:record' },
    schema: {
      tags: ['follow-ups'],
      description:
        'What the call-back found: works, not_fixed (reopens the case, the note is its reason), unreachable (another try later, until the last), declined.',
      params: idParams,
      body: verificationRequest,
      response: { 200: followUpView },
    },
    handler: async (request) =>
      complaints.recordVerification(scopeOf(request.principal), request.params.id, request.body),
  });

  app.post('/api/follow-ups/:id/skip', {
    config: { permission: 'followup:record' },
    schema: {
      tags: ['follow-ups'],
      params: idParams,
      body: skipFollowUpRequest,
      response: { 200: followUpView },
    },
    handler: async (request) =>
      complaints.skipFollowUp(scopeOf(request.principal), request.params.id, request.body.reason),
  });

  app.get('/api/follow-up-settings', {
    config: { permission: 'sla:read' },
    schema: { tags: ['follow-ups'], response: { 200: followUpSettingsView } },
    handler: async (request) => complaints.followUpSettings(scopeOf(request.principal)),
  });

  app.put('/api/follow-up-settings', {
    config: { permission: 'sla:admin' },
    schema: {
      tags: ['follow-ups'],
      body: followUpSettingsView,
      response: { 200: followUpSettingsView },
    },
    handler: async (request) =>
      complaints.saveFollowUpSettings(scopeOf(request.principal), request.body),
  });

  app.get('/api/reports/follow-ups', {
    config: { permission: 'report:read' },
    schema: {
      tags: ['reports'],
      description:
        "Step 6's compliance for fixes made in the period: manager updates on time, late or missing; call-backs that found the fix working, reopened it, could not reach the customer, or were declined. Definitions included.",
      querystring: followUpReportQuery,
      response: { 200: followUpReport },
    },
    handler: async (request) =>
      complaints.followUpReport(scopeOf(request.principal), request.query, request.lang),
  });

  app.post('/api/portal/:token/fix-answer', {
    config: { permission: 'public', identify: true, rateLimit: { max: 20, windowMs: 60_000 } },
    schema: {
      tags: ['portal'],
      description:
        'The customer answers "did the fix work?" once per fix. "No" (with a comment) reopens the case.',
      params: tokenParams,
      body: portalVerificationRequest,
      response: { 200: portalView },
    },
    handler: async (request) =>
      complaints.portalFixAnswer(
        request.params.token,
        request.body,
        request.principal ? scopeOf(request.principal).actor : undefined,
      ),
  });
}
