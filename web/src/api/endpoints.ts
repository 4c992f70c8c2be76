// The HTTP API as the web app uses it: one entry per endpoint, each built from the schemas the
// server validates and serialises with (`src/modules/*/*.contract.ts`). The client derives its
// request and response types from this table and parses every response with `response`.
import type { z } from 'zod';
import { channelEndpoints } from './channels-endpoints.ts';
import { problemEndpoints } from './problems-endpoints.ts';
import { rewardEndpoints } from './rewards-endpoints.ts';
import { suggestionEndpoints } from './suggestion-endpoints.ts';
import { webhookEndpoints } from './webhooks-endpoints.ts';
import { surveyEndpoints } from './survey-endpoints.ts';
import { analyticsEndpoints } from './analytics-endpoints.ts';
import { callEndpoints } from './calls-endpoints.ts';
import { importEndpoints } from './imports-endpoints.ts';
import { importView } from '../../../src/modules/commerce/commerce.contract.ts';
import { cohortEndpoints } from './cohorts-endpoints.ts';
import { winBackEndpoints } from './win-back-endpoints.ts';
import { callView } from '../../../src/modules/complaints/calls.contract.ts';
import {
  loginRequest,
  logoutResponse,
  meResponse,
  updateMeRequest,
} from '../../../src/modules/auth/auth.contract.ts';
import {
  answerDeadlineRequest,
  commitmentInput,
  complaintCommitmentsView,
  deadlineRequestInput,
  deadlineRequestList,
  deadlineRequestView,
  deadlineRequestsQuery,
  promiseReport,
  promiseReportQuery,
  proposalQuery,
  proposalView,
  taskTypeInput,
  taskTypeList,
  taskTypeStats,
  taskTypeView,
} from '../../../src/modules/commitments/commitments.contract.ts';
import {
  addNoteRequest,
  attachmentList,
  changeStatusRequest,
  complaintDetail,
  complaintList,
  createComplaintRequest,
  issueTrackingLinkRequest,
  listComplaintsQuery,
  mergeCustomerResponse,
  noteAdded,
  portalConfirmRequest,
  portalLanguageRequest,
  portalView,
  publicComplaintRequest,
  publicComplaintResponse,
  publicOrgView,
  recordFactsRequest,
  revokeTrackingLinksResponse,
  sendMessageRequest,
  sendReadbackRequest,
  suggestionsQuery,
  suggestionsResponse,
  timelineResponse,
  trackingLinkResponse,
  updateComplaintRequest,
  verbalConfirmationRequest,
} from '../../../src/modules/complaints/complaints.contract.ts';
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
} from '../../../src/modules/complaints/follow-ups.contract.ts';
import {
  bulkActionRequest,
  bulkActionResponse,
  createSavedViewRequest,
  savedView,
  savedViewList,
  savedViewRemoved,
  updateSavedViewRequest,
} from '../../../src/modules/complaints/queue.contract.ts';
import {
  customerList,
  customerView,
  mergeCustomerRequest,
  updateCustomerRequest,
} from '../../../src/modules/customers/customers.contract.ts';
import { mailboxList, mailboxQuery } from '../../../src/modules/mail/mail.contract.ts';
import {
  liveQuery,
  markNoticesReadRequest,
  noticeList,
  noticeListQuery,
  noticesMarkedRead,
} from '../../../src/modules/notices/notices.contract.ts';
import {
  createDepartmentRequest,
  createUserRequest,
  departmentDeleted,
  departmentList,
  departmentView,
  orgView,
  updateDepartmentRequest,
  updateUserRequest,
  userList,
  userView,
} from '../../../src/modules/org/org.contract.ts';
import {
  createReasonRequest,
  reasonList,
  reasonRemoved,
  reasonView,
  updateReasonRequest,
} from '../../../src/modules/reasons/reasons.contract.ts';
import {
  calendarInput,
  calendarList,
  calendarView,
  complaintClocksView,
  holidayYearQuery,
  holidayYearView,
  icsImportRequest,
  icsImportResponse,
  policyInput,
  policyList,
  policyView,
  slaDefaults,
} from '../../../src/modules/sla/sla.contract.ts';
import {
  enablePresetRequest,
  overlayInput,
  overlayList,
  overlayView,
  presetList,
} from '../../../src/modules/sla/overlays.contract.ts';
import {
  createTemplateRequest,
  templateDeleted,
  templateList,
  templateView,
  updateTemplateRequest,
} from '../../../src/modules/templates/templates.contract.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The body of an upload: sent as multipart form data, not validated by a schema. */
export const multipart = Symbol('multipart');

export type Endpoint = {
  method: Method;
  /** With `:name` placeholders, filled from `params` (URI-encoded). */
  path: string;
  query?: z.ZodType;
  body?: z.ZodType | typeof multipart;
  response: z.ZodType;
};

type Spec = Omit<Endpoint, 'method' | 'path'>;

/** Keeps the literal path and the exact schemas, which the client's types are read from. */
const route =
  <M extends Method>(method: M) =>
  <const P extends string, const S extends Spec>(path: P, spec: S) => ({ method, path, ...spec });
const get = route('GET');
const post = route('POST');
const put = route('PUT');
const patch = route('PATCH');
const del = route('DELETE');

export const endpoints = {
  // auth
  login: post('/api/auth/login', { body: loginRequest, response: meResponse }),
  logout: post('/api/auth/logout', { response: logoutResponse }),
  me: get('/api/auth/me', { response: meResponse }),
  updateMe: patch('/api/auth/me', { body: updateMeRequest, response: meResponse }),

  // org
  getOrg: get('/api/org', { response: orgView }),
  listDepartments: get('/api/departments', { response: departmentList }),
  createDepartment: post('/api/departments', {
    body: createDepartmentRequest,
    response: departmentView,
  }),
  updateDepartment: patch('/api/departments/:id', {
    body: updateDepartmentRequest,
    response: departmentView,
  }),
  deleteDepartment: del('/api/departments/:id', { response: departmentDeleted }),
  listUsers: get('/api/users', { response: userList }),
  createUser: post('/api/users', { body: createUserRequest, response: userView }),
  updateUser: patch('/api/users/:id', { body: updateUserRequest, response: userView }),

  // reasons and templates
  listReasons: get('/api/reasons', { response: reasonList }),
  createReason: post('/api/reasons', { body: createReasonRequest, response: reasonView }),
  updateReason: patch('/api/reasons/:id', { body: updateReasonRequest, response: reasonView }),
  deleteReason: del('/api/reasons/:id', { response: reasonRemoved }),
  listTemplates: get('/api/templates', { response: templateList }),
  createTemplate: post('/api/templates', { body: createTemplateRequest, response: templateView }),
  updateTemplate: patch('/api/templates/:id', {
    body: updateTemplateRequest,
    response: templateView,
  }),
  deleteTemplate: del('/api/templates/:id', { response: templateDeleted }),

  // complaints
  listComplaints: get('/api/complaints', { query: listComplaintsQuery, response: complaintList }),
  createComplaint: post('/api/complaints', {
    body: createComplaintRequest,
    response: complaintDetail,
  }),
  bulkComplaints: post('/api/complaints/bulk', {
    body: bulkActionRequest,
    response: bulkActionResponse,
  }),
  listQueueViews: get('/api/queue/views', { response: savedViewList }),
  createQueueView: post('/api/queue/views', { body: createSavedViewRequest, response: savedView }),
  updateQueueView: patch('/api/queue/views/:id', {
    body: updateSavedViewRequest,
    response: savedView,
  }),
  deleteQueueView: del('/api/queue/views/:id', { response: savedViewRemoved }),
  getComplaint: get('/api/complaints/:id', { response: complaintDetail }),
  updateComplaint: patch('/api/complaints/:id', {
    body: updateComplaintRequest,
    response: complaintDetail,
  }),
  timeline: get('/api/complaints/:id/timeline', { response: timelineResponse }),
  changeStatus: post('/api/complaints/:id/status', {
    body: changeStatusRequest,
    response: complaintDetail,
  }),
  recordFacts: post('/api/complaints/:id/facts', {
    body: recordFactsRequest,
    response: complaintDetail,
  }),
  sendReadBack: post('/api/complaints/:id/readback/send', {
    body: sendReadbackRequest,
    response: complaintDetail,
  }),
  confirmVerbally: post('/api/complaints/:id/readback/verbal', {
    body: verbalConfirmationRequest,
    response: complaintDetail,
  }),
  suggestions: get('/api/complaints/:id/suggestions', {
    query: suggestionsQuery,
    response: suggestionsResponse,
  }),
  sendMessage: post('/api/complaints/:id/messages', {
    body: sendMessageRequest,
    response: complaintDetail,
  }),
  addNote: post('/api/complaints/:id/notes', { body: addNoteRequest, response: noteAdded }),
  issueTrackingLink: post('/api/complaints/:id/tracking-link', {
    body: issueTrackingLinkRequest,
    response: trackingLinkResponse,
  }),
  revokeTrackingLinks: post('/api/complaints/:id/tracking-links/revoke', {
    response: revokeTrackingLinksResponse,
  }),
  uploadAttachments: post('/api/complaints/:id/attachments', {
    body: multipart,
    response: attachmentList,
  }),
  attachRecording: post('/api/calls/:id/recording', { body: multipart, response: callView }),

  // customers: the record, its possible duplicates, merging two records of one person
  getCustomer: get('/api/customers/:id', { response: customerView }),
  updateCustomer: patch('/api/customers/:id', {
    body: updateCustomerRequest,
    response: customerView,
  }),
  customerDuplicates: get('/api/customers/:id/duplicates', { response: customerList }),
  mergeCustomer: post('/api/customers/:id/merge', {
    body: mergeCustomerRequest,
    response: mergeCustomerResponse,
  }),

  // the public form and the customer's portal
  publicOrg: get('/api/public/orgs/:slug', { response: publicOrgView }),
  submitPublicComplaint: post('/api/public/orgs/:slug/complaints', {
    body: publicComplaintRequest,
    response: publicComplaintResponse,
  }),
  /** The same form with photos or documents: its fields first, then the files. */
  submitPublicComplaintWithFiles: post('/api/public/orgs/:slug/complaints', {
    body: multipart,
    response: publicComplaintResponse,
  }),
  portal: get('/api/portal/:token', { response: portalView }),
  portalConfirm: post('/api/portal/:token/readback/confirm', {
    body: portalConfirmRequest,
    response: portalView,
  }),
  portalLanguage: post('/api/portal/:token/language', {
    body: portalLanguageRequest,
    response: portalView,
  }),
  portalReply: post('/api/portal/:token/messages', { body: multipart, response: portalView }),

  // commitments and deadline requests
  listTaskTypes: get('/api/task-types', { response: taskTypeList }),
  createTaskType: post('/api/task-types', { body: taskTypeInput, response: taskTypeView }),
  updateTaskType: put('/api/task-types/:id', { body: taskTypeInput, response: taskTypeView }),
  commitmentProposal: get('/api/complaints/:id/commitment-proposal', {
    query: proposalQuery,
    response: proposalView,
  }),
  complaintCommitments: get('/api/complaints/:id/commitments', {
    response: complaintCommitmentsView,
  }),
  commit: post('/api/complaints/:id/commitments', {
    body: commitmentInput,
    response: complaintCommitmentsView,
  }),
  requestDeadline: post('/api/complaints/:id/deadline-requests', {
    body: deadlineRequestInput,
    response: deadlineRequestView,
  }),
  listDeadlineRequests: get('/api/deadline-requests', {
    query: deadlineRequestsQuery,
    response: deadlineRequestList,
  }),
  answerDeadlineRequest: post('/api/deadline-requests/:id/answer', {
    body: answerDeadlineRequest,
    response: deadlineRequestView,
  }),
  promiseReport: get('/api/reports/promises', {
    query: promiseReportQuery,
    response: promiseReport,
  }),
  taskTypeStats: get('/api/reports/task-types', { response: taskTypeStats }),

  // SLA: calendars, policies, presets, clocks
  listCalendars: get('/api/calendars', { response: calendarList }),
  createCalendar: post('/api/calendars', { body: calendarInput, response: calendarView }),
  updateCalendar: put('/api/calendars/:id', { body: calendarInput, response: calendarView }),
  holidayYear: get('/api/calendars/:id/holidays', {
    query: holidayYearQuery,
    response: holidayYearView,
  }),
  importIcs: post('/api/calendars/:id/import-ics', {
    body: icsImportRequest,
    response: icsImportResponse,
  }),
  listPolicies: get('/api/sla-policies', { response: policyList }),
  createPolicy: post('/api/sla-policies', { body: policyInput, response: policyView }),
  updatePolicy: put('/api/sla-policies/:id', { body: policyInput, response: policyView }),
  slaDefaults: get('/api/sla/defaults', { response: slaDefaults }),
  listPresets: get('/api/sla-presets', { response: presetList }),
  enablePreset: post('/api/sla-presets/enable', {
    body: enablePresetRequest,
    response: overlayView,
  }),
  listOverlays: get('/api/sla-overlays', { response: overlayList }),
  setOverlay: put('/api/sla-overlays/:preset', { body: overlayInput, response: overlayView }),
  clocks: get('/api/complaints/:id/clocks', { response: complaintClocksView }),

  // notices, the live stream and the dev mailbox
  listNotices: get('/api/notices', { query: noticeListQuery, response: noticeList }),
  markNoticesRead: post('/api/notices/read', {
    body: markNoticesReadRequest,
    response: noticesMarkedRead,
  }),
  mailbox: get('/api/mailbox', { query: mailboxQuery, response: mailboxList }),

  // step 6: the manager's update and the verification call-back
  listFollowUps: get('/api/follow-ups', { query: followUpQuery, response: followUpList }),
  complaintFollowUps: get('/api/complaints/:id/follow-ups', { response: followUpList }),
  recordManagerUpdate: post('/api/follow-ups/:id/manager-update', {
    body: managerUpdateRequest,
    response: followUpView,
  }),
  recordVerification: post('/api/follow-ups/:id/verification', {
    body: verificationRequest,
    response: followUpView,
  }),
  skipFollowUp: post('/api/follow-ups/:id/skip', {
    body: skipFollowUpRequest,
    response: followUpView,
  }),
  followUpSettings: get('/api/follow-up-settings', { response: followUpSettingsView }),
  saveFollowUpSettings: put('/api/follow-up-settings', {
    body: followUpSettingsView,
    response: followUpSettingsView,
  }),
  followUpReport: get('/api/reports/follow-ups', {
    query: followUpReportQuery,
    response: followUpReport,
  }),
  portalFixAnswer: post('/api/portal/:token/fix-answer', {
    body: portalVerificationRequest,
    response: portalView,
  }),

  ...rewardEndpoints,
  ...channelEndpoints,
  ...suggestionEndpoints,
  ...problemEndpoints,
  ...webhookEndpoints,
  ...surveyEndpoints,
  ...callEndpoints,
  ...importEndpoints,
  uploadImport: post('/api/imports', { body: multipart, response: importView }),
  ...analyticsEndpoints,
  ...cohortEndpoints,
  ...winBackEndpoints,
} as const;

/**
 * Addresses the browser opens by itself (an EventSource, a download link) rather than through
 * `api.call`; their responses are a stream or a file, so they have no response schema.
 */
export const addresses = {
  live: { path: '/api/live', query: liveQuery },
  attachment: { path: '/api/attachments/:id' },
  portalAttachment: { path: '/api/portal/:token/attachments/:id' },
  analyticsExport: { path: '/api/analytics/:chart/export' },
} as const;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;
