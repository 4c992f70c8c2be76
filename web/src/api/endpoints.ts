// The HTTP API as the web app uses it: one entry per endpoint, each built from the schemas the
// server validates and serialises with (`src/modules/*/*.contract.ts`). The client derives its
// request and response types from this table and parses every response with `response`.
import type { z } from 'zod';
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
  listComplaintsQuery,
  noteAdded,
  portalConfirmRequest,
  portalView,
  publicComplaintRequest,
  publicComplaintResponse,
  publicOrgView,
  recordFactsRequest,
  sendMessageRequest,
  sendReadbackRequest,
  suggestionsQuery,
  suggestionsResponse,
  timelineResponse,
  trackingLinkResponse,
  updateComplaintRequest,
  verbalConfirmationRequest,
} from '../../../src/modules/complaints/complaints.contract.ts';
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
  enablePresetRequest,
  holidayYearQuery,
  holidayYearView,
  icsImportRequest,
  icsImportResponse,
  policyInput,
  policyList,
  policyView,
  presetList,
  slaDefaults,
} from '../../../src/modules/sla/sla.contract.ts';
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

const endpoint = <const E extends Endpoint>(spec: E): E => spec;

export const endpoints = {
  // auth
  login: endpoint({
    method: 'POST',
    path: '/api/auth/login',
    body: loginRequest,
    response: meResponse,
  }),
  logout: endpoint({ method: 'POST', path: '/api/auth/logout', response: logoutResponse }),
  me: endpoint({ method: 'GET', path: '/api/auth/me', response: meResponse }),
  updateMe: endpoint({
    method: 'PATCH',
    path: '/api/auth/me',
    body: updateMeRequest,
    response: meResponse,
  }),

  // org
  getOrg: endpoint({ method: 'GET', path: '/api/org', response: orgView }),
  listDepartments: endpoint({ method: 'GET', path: '/api/departments', response: departmentList }),
  createDepartment: endpoint({
    method: 'POST',
    path: '/api/departments',
    body: createDepartmentRequest,
    response: departmentView,
  }),
  updateDepartment: endpoint({
    method: 'PATCH',
    path: '/api/departments/:id',
    body: updateDepartmentRequest,
    response: departmentView,
  }),
  deleteDepartment: endpoint({
    method: 'DELETE',
    path: '/api/departments/:id',
    response: departmentDeleted,
  }),
  listUsers: endpoint({ method: 'GET', path: '/api/users', response: userList }),
  createUser: endpoint({
    method: 'POST',
    path: '/api/users',
    body: createUserRequest,
    response: userView,
  }),
  updateUser: endpoint({
    method: 'PATCH',
    path: '/api/users/:id',
    body: updateUserRequest,
    response: userView,
  }),

  // reasons and templates
  listReasons: endpoint({ method: 'GET', path: '/api/reasons', response: reasonList }),
  createReason: endpoint({
    method: 'POST',
    path: '/api/reasons',
    body: createReasonRequest,
    response: reasonView,
  }),
  updateReason: endpoint({
    method: 'PATCH',
    path: '/api/reasons/:id',
    body: updateReasonRequest,
    response: reasonView,
  }),
  deleteReason: endpoint({ method: 'DELETE', path: '/api/reasons/:id', response: reasonRemoved }),
  listTemplates: endpoint({ method: 'GET', path: '/api/templates', response: templateList }),
  createTemplate: endpoint({
    method: 'POST',
    path: '/api/templates',
    body: createTemplateRequest,
    response: templateView,
  }),
  updateTemplate: endpoint({
    method: 'PATCH',
    path: '/api/templates/:id',
    body: updateTemplateRequest,
    response: templateView,
  }),
  deleteTemplate: endpoint({
    method: 'DELETE',
    path: '/api/templates/:id',
    response: templateDeleted,
  }),

  // complaints
  listComplaints: endpoint({
    method: 'GET',
    path: '/api/complaints',
    query: listComplaintsQuery,
    response: complaintList,
  }),
  createComplaint: endpoint({
    method: 'POST',
    path: '/api/complaints',
    body: createComplaintRequest,
    response: complaintDetail,
  }),
  getComplaint: endpoint({ method: 'GET', path: '/api/complaints/:id', response: complaintDetail }),
  updateComplaint: endpoint({
    method: 'PATCH',
    path: '/api/complaints/:id',
    body: updateComplaintRequest,
    response: complaintDetail,
  }),
  timeline: endpoint({
    method: 'GET',
    path: '/api/complaints/:id/timeline',
    response: timelineResponse,
  }),
  changeStatus: endpoint({
    method: 'POST',
    path: '/api/complaints/:id/status',
    body: changeStatusRequest,
    response: complaintDetail,
  }),
  recordFacts: endpoint({
    method: 'POST',
    path: '/api/complaints/:id/facts',
    body: recordFactsRequest,
    response: complaintDetail,
  }),
  sendReadBack: endpoint({
    method: 'POST',
    path: '/api/complaints/:id/readback/send',
    body: sendReadbackRequest,
    response: complaintDetail,
  }),
  confirmVerbally: endpoint({
    method: 'POST',
    path: '/api/complaints/:id/readback/verbal',
    body: verbalConfirmationRequest,
    response: complaintDetail,
  }),
  suggestions: endpoint({
    method: 'GET',
    path: '/api/complaints/:id/suggestions',
    query: suggestionsQuery,
    response: suggestionsResponse,
  }),
  sendMessage: endpoint({
    method: 'POST',
    path: '/api/complaints/:id/messages',
    body: sendMessageRequest,
    response: complaintDetail,
  }),
  addNote: endpoint({
    method: 'POST',
    path: '/api/complaints/:id/notes',
    body: addNoteRequest,
    response: noteAdded,
  }),
  issueTrackingLink: endpoint({
    method: 'POST',
    path: '/api/complaints/:id/tracking-link',
    response: trackingLinkResponse,
  }),
  uploadAttachments: endpoint({
    method: 'POST',
    path: '/api/complaints/:id/attachments',
    body: multipart,
    response: attachmentList,
  }),

  // the public form and the customer's portal
  publicOrg: endpoint({ method: 'GET', path: '/api/public/orgs/:slug', response: publicOrgView }),
  submitPublicComplaint: endpoint({
    method: 'POST',
    path: '/api/public/orgs/:slug/complaints',
    body: publicComplaintRequest,
    response: publicComplaintResponse,
  }),
  portal: endpoint({ method: 'GET', path: '/api/portal/:token', response: portalView }),
  portalConfirm: endpoint({
    method: 'POST',
    path: '/api/portal/:token/readback/confirm',
    body: portalConfirmRequest,
    response: portalView,
  }),
  portalReply: endpoint({
    method: 'POST',
    path: '/api/portal/:token/messages',
    body: multipart,
    response: portalView,
  }),

  // commitments and deadline requests
  listTaskTypes: endpoint({ method: 'GET', path: '/api/task-types', response: taskTypeList }),
  createTaskType: endpoint({
    method: 'POST',
    path: '/api/task-types',
    body: taskTypeInput,
    response: taskTypeView,
  }),
  updateTaskType: endpoint({
    method: 'PUT',
    path: '/api/task-types/:id',
    body: taskTypeInput,
    response: taskTypeView,
  }),
  commitmentProposal: endpoint({
    method: 'GET',
    path: '/api/complaints/:id/commitment-proposal',
    query: proposalQuery,
    response: proposalView,
  }),
  complaintCommitments: endpoint({
    method: 'GET',
    path: '/api/complaints/:id/commitments',
    response: complaintCommitmentsView,
  }),
  commit: endpoint({
    method: 'POST',
    path: '/api/complaints/:id/commitments',
    body: commitmentInput,
    response: complaintCommitmentsView,
  }),
  requestDeadline: endpoint({
    method: 'POST',
    path: '/api/complaints/:id/deadline-requests',
    body: deadlineRequestInput,
    response: deadlineRequestView,
  }),
  listDeadlineRequests: endpoint({
    method: 'GET',
    path: '/api/deadline-requests',
    query: deadlineRequestsQuery,
    response: deadlineRequestList,
  }),
  answerDeadlineRequest: endpoint({
    method: 'POST',
    path: '/api/deadline-requests/:id/answer',
    body: answerDeadlineRequest,
    response: deadlineRequestView,
  }),
  promiseReport: endpoint({
    method: 'GET',
    path: '/api/reports/promises',
    query: promiseReportQuery,
    response: promiseReport,
  }),
  taskTypeStats: endpoint({
    method: 'GET',
    path: '/api/reports/task-types',
    response: taskTypeStats,
  }),

  // SLA: calendars, policies, presets, clocks
  listCalendars: endpoint({ method: 'GET', path: '/api/calendars', response: calendarList }),
  createCalendar: endpoint({
    method: 'POST',
    path: '/api/calendars',
    body: calendarInput,
    response: calendarView,
  }),
  updateCalendar: endpoint({
    method: 'PUT',
    path: '/api/calendars/:id',
    body: calendarInput,
    response: calendarView,
  }),
  holidayYear: endpoint({
    method: 'GET',
    path: '/api/calendars/:id/holidays',
    query: holidayYearQuery,
    response: holidayYearView,
  }),
  importIcs: endpoint({
    method: 'POST',
    path: '/api/calendars/:id/import-ics',
    body: icsImportRequest,
    response: icsImportResponse,
  }),
  listPolicies: endpoint({ method: 'GET', path: '/api/sla-policies', response: policyList }),
  createPolicy: endpoint({
    method: 'POST',
    path: '/api/sla-policies',
    body: policyInput,
    response: policyView,
  }),
  updatePolicy: endpoint({
    method: 'PUT',
    path: '/api/sla-policies/:id',
    body: policyInput,
    response: policyView,
  }),
  slaDefaults: endpoint({ method: 'GET', path: '/api/sla/defaults', response: slaDefaults }),
  listPresets: endpoint({ method: 'GET', path: '/api/sla-presets', response: presetList }),
  enablePreset: endpoint({
    method: 'POST',
    path: '/api/sla-presets/enable',
    body: enablePresetRequest,
    response: policyView,
  }),
  clocks: endpoint({
    method: 'GET',
    path: '/api/complaints/:id/clocks',
    response: complaintClocksView,
  }),

  // notices, the live stream and the dev mailbox
  listNotices: endpoint({
    method: 'GET',
    path: '/api/notices',
    query: noticeListQuery,
    response: noticeList,
  }),
  markNoticesRead: endpoint({
    method: 'POST',
    path: '/api/notices/read',
    body: markNoticesReadRequest,
    response: noticesMarkedRead,
  }),
  mailbox: endpoint({
    method: 'GET',
    path: '/api/mailbox',
    query: mailboxQuery,
    response: mailboxList,
  }),
} as const;

/**
 * Addresses the browser opens by itself (an EventSource, a download link) rather than through
 * `api.call`; their responses are a stream or a file, so they have no response schema.
 */
export const addresses = {
  live: { path: '/api/live', query: liveQuery },
  attachment: { path: '/api/attachments/:id' },
  portalAttachment: { path: '/api/portal/:token/attachments/:id' },
} as const;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;
