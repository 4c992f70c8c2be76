import base from './en.json';
import channels from './channels.en.json';
import followUps from './followups.en.json';
import forms from './forms.en.json';
import loop from './loop.en.json';
import queue from './queue.en.json';
import problems from './problems.en.json';
import reads from './reads.en.json';
import rewards from './rewards.en.json';
import suggestions from './suggestions.en.json';
import webhooks from './webhooks.en.json';
import surveys from './surveys.en.json';
import calls from './calls.en.json';
import imports from './imports.en.json';
import analytics from './analytics.en.json';
import cohorts from './cohorts.en.json';
import winBack from './win-back.en.json';

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
