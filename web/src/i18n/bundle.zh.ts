import base from './zh.json';
import channels from './channels.zh.json';
import followUps from './followups.zh.json';
import forms from './forms.zh.json';
import loop from './loop.zh.json';
import queue from './queue.zh.json';
import problems from './problems.zh.json';
import reads from './reads.zh.json';
import rewards from './rewards.zh.json';
import suggestions from './suggestions.zh.json';
import webhooks from './webhooks.zh.json';
import surveys from './surveys.zh.json';
import calls from './calls.zh.json';
import imports from './imports.zh.json';
import analytics from './analytics.zh.json';
import cohorts from './cohorts.zh.json';
import winBack from './win-back.zh.json';

/**
 * The console's strings in one language, loaded when the language is first used: a reader
 * downloads one language, not three. The clock, commitment and notice screens keep their
 * strings in loop.*.json, the queue's views and bulk actions in queue.*.json, the pickers and
 * the public form's files in forms.*.json, the queue's count in reads.*.json, step 8's
 * suggestions in suggestions.*.json and its screens in problems.*.json, the webhooks admin page
 * in webhooks.*.json, surveys in surveys.*.json, phone calls in calls.*.json, file imports in
 * imports.*.json, the analytics page in analytics.*.json, the spend cohorts in cohorts.*.json,
 * win-back in win-back.*.json (each under top-level keys of its own).
 */
export default {
  ...base,
  ...loop,
  ...queue,
  ...forms,
  ...followUps,
  ...rewards,
  ...problems,
  ...reads,
  ...channels,
  ...suggestions,
  ...webhooks,
  ...surveys,
  ...calls,
  ...imports,
  ...analytics,
  ...cohorts,
  ...winBack,
};
