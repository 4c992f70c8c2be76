/**
 * The messages that have templates: step 1's thank-you, step 2's read-back, step 3's apology
 * (accepting responsibility, or empathy only) and a progress update that keeps the customer in
 * the loop between the steps.
 */
export const templateSteps = ['thank', 'readback', 'apologise', 'update'] as const;
export type TemplateStep = (typeof templateSteps)[number];

/** Every template can name the case, the customer, the link and who writes. */
const common = ['customerName', 'reference', 'trackingUrl', 'orgName', 'agentName'] as const;

/**
 * Due times as the customer reads them (their language, the calendar's zone). Each is filled
 * only while its clock still runs towards a time in the future; otherwise the line that uses it
 * is left out of the message, so no text promises a time that has passed or that nobody set.
 * - firstResponseDueAt: when staff will first write back (the first-response clock);
 * - commitmentDueAt: when the customer will be given a concrete fix date (the commitment clock);
 * - fixDueAt: the fix date committed to the customer (step 4);
 * - nextUpdateDueAt: when the next update is due once this message has gone out.
 */
export const dueVariables = [
  'firstResponseDueAt',
  'commitmentDueAt',
  'fixDueAt',
  'nextUpdateDueAt',
] as const;
export type DueVariable = (typeof dueVariables)[number];

export const templateVariables = [...common, 'readBack', ...dueVariables] as const;
export type TemplateVariable = (typeof templateVariables)[number];

/**
 * Exactly which variables each kind of template can use. The acknowledgement due has no
 * variable: the thank-you is the acknowledgement, sent at intake. The read-back has no
 * commitment due: sending it pauses that clock while the customer reads, so its due would move.
 */
export const variablesOf: Record<TemplateStep, readonly TemplateVariable[]> = {
  thank: [...common, 'firstResponseDueAt', 'commitmentDueAt'],
  readback: [...common, 'readBack', 'fixDueAt'],
  apologise: [...common, 'commitmentDueAt', 'fixDueAt', 'nextUpdateDueAt'],
  update: [...common, 'commitmentDueAt', 'fixDueAt', 'nextUpdateDueAt'],
};

export const isTemplateVariable = (name: string): name is TemplateVariable =>
  (templateVariables as readonly string[]).includes(name);

/** What is wrong with a template's text: names it cannot use, or braces that do not close. */
export type TemplateProblems = { unknown: string[]; unclosed: string[] };

const NAME = /^[A-Za-z][A-Za-z0-9]*$/;
const excerpt = (text: string, max = 40) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/**
 * Reads every `{{…}}` in a text. A variable is `{{name}}` (spaces inside allowed) with a name
 * this kind of template can use; `{{ customer.name }}`, `{{foo}}` or a `{{` that never closes
 * is a problem, and so is a `}}` that closes nothing. Single braces are ordinary text.
 */
export function checkTemplateText(step: TemplateStep, text: string): TemplateProblems {
  const allowed = variablesOf[step] as readonly string[];
  const unknown: string[] = [];
  const unclosed: string[] = [];
  let i = 0;
  for (;;) {
    const open = text.indexOf('{{', i);
    const strayClose = text.indexOf('}}', i);
    if (strayClose !== -1 && (open === -1 || strayClose < open)) {
      unclosed.push(excerpt(text.slice(Math.max(0, strayClose - 20), strayClose + 2).trimStart()));
      i = strayClose + 2;
      continue;
    }
    if (open === -1) break;
    const close = text.indexOf('}}', open + 2);
    const nextOpen = text.indexOf('{{', open + 2);
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
      const end = nextOpen !== -1 && nextOpen < open + 24 ? nextOpen : open + 24;
      unclosed.push(excerpt((text.slice(open, end).split('\n')[0] ?? '{{').trimEnd()));
      i = open + 2;
      continue;
    }
    // `{{{name}}}`: the extra braces are text around a variable, which reads as a mistake.
    const inner = text.slice(open + 2, close).trim();
    if (!NAME.test(inner) || !allowed.includes(inner)) unknown.push(excerpt(`{{${inner}}}`));
    i = close + 2;
  }
  return { unknown: [...new Set(unknown)], unclosed: [...new Set(unclosed)] };
}

/** The names a stored template uses that it may not (shown beside a template saved earlier). */
export function unknownVariables(step: TemplateStep, text: string): string[] {
  const problems = checkTemplateText(step, text);
  return [...problems.unknown, ...problems.unclosed];
}
