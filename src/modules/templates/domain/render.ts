import { isTemplateVariable, type TemplateVariable } from './variables.ts';

export {
  templateVariables,
  variablesOf,
  dueVariables,
  type TemplateVariable,
  type DueVariable,
} from './variables.ts';

/**
 * The values for one message. A variable given `null` has no value for this case (no due time,
 * no read-back yet): the line that uses it is left out rather than sent half-filled or with a
 * vague promise in its place.
 */
export type TemplateValues = Partial<Record<TemplateVariable, string | null>>;

const VARIABLE = /\{\{\s*(\w+)\s*\}\}/g;

const valueOf = (values: TemplateValues, name: string): string | null | undefined =>
  isTemplateVariable(name) ? values[name] : undefined;

/**
 * Fills a template. A line that uses a variable without a value is dropped (with one of the
 * blank lines around it, so no gap is left); a name Ombud does not know stays visible, so the
 * person who edits the draft sees the gap.
 */
export function renderTemplate(text: string, values: TemplateValues): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  let dropped = false;
  for (const line of lines) {
    const isMissing = [...line.matchAll(VARIABLE)].some((m) => {
      const name = m[1] ?? '';
      return isTemplateVariable(name) && valueOf(values, name) == null;
    });
    if (isMissing) {
      dropped = true;
      continue;
    }
    // A blank line right after a dropped one, following a blank line, would leave a double gap.
    if (dropped && line.trim() === '' && (kept.at(-1) ?? '').trim() === '') {
      dropped = false;
      continue;
    }
    dropped = false;
    kept.push(
      line.replace(VARIABLE, (whole, name: string) => {
        const value = valueOf(values, name);
        return value == null ? whole : value;
      }),
    );
  }
  while (kept.length > 0 && kept.at(-1)!.trim() === '' && lines.at(-1)!.trim() !== '') kept.pop();
  return kept.join('\n');
}

export function renderTemplateParts(
  template: { subject: string; body: string },
  values: TemplateValues,
): { subject: string; body: string } {
  return {
    subject: renderTemplate(template.subject, values),
    body: renderTemplate(template.body, values),
  };
}
