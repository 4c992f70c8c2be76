import { z } from 'zod';
import type { HttpApp } from '../../platform/http/app.ts';
import { scopeOf } from '../../platform/actor.ts';
import { uuid } from '../../platform/contract/fields.ts';
import {
  calendarInput,
  calendarList,
  holidayYearQuery,
  icsImportResponse,
  policyList,
  calendarView,
  holidayYearView,
  icsImportRequest,
  policyInput,
  policyView,
  slaDefaults,
} from './sla.contract.ts';
import {
  enablePresetRequest,
  overlayInput,
  overlayList,
  overlayView,
  presetList,
  presetParams,
} from './overlays.contract.ts';
import type { SlaService } from './sla.service.ts';

const idParams = z.object({ id: uuid });

export function registerSlaRoutes(app: HttpApp, deps: { sla: SlaService }) {
  const { sla } = deps;

  app.get('/api/calendars', {
    config: { permission: 'sla:read' },
    schema: { tags: ['sla'], response: { 200: calendarList } },
    handler: async (request) => ({
      items: await sla.listCalendars(request.principal!.orgId, request.lang),
    }),
  });
  app.post('/api/calendars', {
    config: { permission: 'sla:admin' },
    schema: { tags: ['sla'], body: calendarInput, response: { 201: calendarView } },
    handler: async (request, reply) => {
      const s = scopeOf(request.principal);
      return reply
        .status(201)
        .send(await sla.createCalendar(s.orgId, s.actor, request.body, request.lang));
    },
  });
  app.get('/api/calendars/:id', {
    config: { permission: 'sla:read' },
    schema: { tags: ['sla'], params: idParams, response: { 200: calendarView } },
    handler: async (request) =>
      sla.getCalendarView(request.principal!.orgId, request.params.id, request.lang),
  });
  app.put('/api/calendars/:id', {
    config: { permission: 'sla:admin' },
    schema: {
      tags: ['sla'],
      params: idParams,
      body: calendarInput,
      response: { 200: calendarView },
    },
    handler: async (request) => {
      const s = scopeOf(request.principal);
      return sla.updateCalendar(s.orgId, s.actor, request.params.id, request.body, request.lang);
    },
  });
  app.get('/api/calendars/:id/holidays', {
    config: { permission: 'sla:read' },
    schema: {
      tags: ['sla'],
      description:
        'The generated statutory holidays of a year beside the effective list after overrides, custom and imported days.',
      params: idParams,
      querystring: holidayYearQuery,
      response: { 200: holidayYearView },
    },
    handler: async (request) =>
      sla.holidays(request.principal!.orgId, request.params.id, request.query.year),
  });
  app.post('/api/calendars/:id/import-ics', {
    config: { permission: 'sla:admin' },
    schema: {
      tags: ['sla'],
      params: idParams,
      body: icsImportRequest,
      response: { 200: icsImportResponse },
    },
    handler: async (request) => {
      const s = scopeOf(request.principal);
      return sla.importIcs(
        s.orgId,
        s.actor,
        request.params.id,
        request.body.ics,
        request.body.fromYear,
        request.body.toYear,
        request.lang,
      );
    },
  });

  app.get('/api/sla-policies', {
    config: { permission: 'sla:read' },
    schema: { tags: ['sla'], response: { 200: policyList } },
    handler: async (request) => ({
      items: await sla.listPolicies(request.principal!.orgId, request.lang),
    }),
  });
  app.post('/api/sla-policies', {
    config: { permission: 'sla:admin' },
    schema: { tags: ['sla'], body: policyInput, response: { 201: policyView } },
    handler: async (request, reply) => {
      const s = scopeOf(request.principal);
      return reply
        .status(201)
        .send(await sla.createPolicy(s.orgId, s.actor, request.body, request.lang));
    },
  });
  app.put('/api/sla-policies/:id', {
    config: { permission: 'sla:admin' },
    schema: { tags: ['sla'], params: idParams, body: policyInput, response: { 200: policyView } },
    handler: async (request) => {
      const s = scopeOf(request.principal);
      return sla.updatePolicy(s.orgId, s.actor, request.params.id, request.body, request.lang);
    },
  });
  app.get('/api/sla/defaults', {
    config: { permission: 'sla:read' },
    schema: {
      tags: ['sla'],
      description:
        'The calendar and policy a new org starts with; new calendar and policy forms start from them.',
      response: { 200: slaDefaults },
    },
    handler: async (request) => sla.defaults(request.principal!.orgId),
  });
  app.get('/api/sla-presets', {
    config: { permission: 'sla:read' },
    schema: { tags: ['sla'], response: { 200: presetList } },
    handler: async (request) => ({ items: sla.presets(request.lang) }),
  });
  app.get('/api/sla-overlays', {
    config: { permission: 'sla:read' },
    schema: {
      tags: ['sla'],
      description:
        'The regulatory presets the org switched on (or off): their legal clocks run on top of every policy.',
      response: { 200: overlayList },
    },
    handler: async (request) => ({
      items: await sla.listOverlays(request.principal!.orgId, request.lang),
    }),
  });
  app.put('/api/sla-overlays/:preset', {
    config: { permission: 'sla:admin' },
    schema: {
      tags: ['sla'],
      description:
        'Switches a regulatory preset on or off for the org, or changes its calendar, clocks or reading of working days.',
      params: presetParams,
      body: overlayInput,
      response: { 200: overlayView },
    },
    handler: async (request) => {
      const s = scopeOf(request.principal);
      return sla.setOverlay(s.orgId, s.actor, request.params.preset, request.body, request.lang);
    },
  });
  app.post('/api/sla-presets/enable', {
    config: { permission: 'sla:admin' },
    schema: {
      tags: ['sla'],
      description: 'Switches a regulatory preset on: its legal clocks run on top of every policy.',
      body: enablePresetRequest,
      response: { 201: overlayView },
    },
    handler: async (request, reply) => {
      const s = scopeOf(request.principal);
      return reply
        .status(201)
        .send(await sla.enablePreset(s.orgId, s.actor, request.body, request.lang));
    },
  });
}
