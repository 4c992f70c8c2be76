/**
 * The strings the customer pages (the public form and the portal) use, picked from the app's
 * dictionaries at build time (see `customerDictionary` in vite.config.ts): a key names a string
 * or a whole group, and takes its plural forms (`_one`, `_other`) along. A key missing in one
 * language fails the build.
 */
export const CUSTOMER_DICTIONARY_KEYS = [
  'public',
  'portal',
  'survey',
  'errors',
  'status',
  'steps',
  'actor',
  'channel',
  'timeline',
  'loopEvents',
  'language',
  'common.loading',
  'attachments.title',
  'forms.attachments',
  'forms.attachmentsHelp',
  'forms.attachmentsPick',
  'forms.removeFile',
  'forms.uploading',
  'forms.fixFields',
  'forms.tooManyFiles',
  'forms.fileTooLarge',
  'complaint.owner',
  'complaint.channel',
  'composer.subject',
  'facts.version',
  'facts.sentVia',
  'facts.via',
  'facts.confirmation',
  'verbal.confirmedBy',
  'trackingLinks.revokedOthers',
  'trackingLinks.revokedAll',
  'commitments.due',
  'commitments.taskType',
  'commitments.reasonLabel',
  'deadlineRequests.department',
  'deadlineRequests.answerDue',
  'deadlineRequests.note',
  'followUps.portal',
  'followUps.outcome',
  'followUps.method',
] as const;

/** The dictionary files of each language, merged in this order (as web/src/i18n/i18n.ts does). */
export const DICTIONARY_FILES = (language: string) => [
  `${language}.json`,
  `loop.${language}.json`,
  `queue.${language}.json`,
  `forms.${language}.json`,
  `followups.${language}.json`,
  `surveys.${language}.json`,
];

type Tree = { [key: string]: unknown };

/**
 * The customer pages' part of one language's merged dictionary: each key's string or group,
 * with its plural forms. Throws on a key the dictionary lacks.
 */
export function pickCustomerStrings(merged: Tree, language: string): Tree {
  const out: Tree = {};
  for (const key of CUSTOMER_DICTIONARY_KEYS) {
    const parts = key.split('.');
    const last = parts.pop() ?? '';
    let source: unknown = merged;
    let target = out;
    for (const part of parts) {
      source = (source as Tree | undefined)?.[part];
      target = (target[part] ??= {}) as Tree;
    }
    const found = Object.keys((source as Tree | undefined) ?? {}).filter(
      (name) => name === last || name.startsWith(`${last}_`),
    );
    if (found.length === 0)
      throw new Error(`customer dictionary: "${key}" is missing in ${language}`);
    for (const name of found) target[name] = (source as Tree)[name];
  }
  return out;
}
