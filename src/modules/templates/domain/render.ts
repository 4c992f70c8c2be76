/** Variables a template may use. Unknown names are left visible so the agent sees the gap. */
export const templateVariables = [
  'customerName',
  'reference',
  'trackingUrl',
  'agentName',
  'orgName',
  'readBack',
  'dueAt',
] as const;
export type TemplateVariable = (typeof templateVariables)[number];
export type TemplateValues = Partial<Record<TemplateVariable, string>>;

export function renderTemplate(text: string, values: TemplateValues): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = (values as Record<string, string | undefined>)[name];
    return value === undefined ? whole : value;
  });
}

/** Names used in a template that Ombud does not know: shown to the admin as a warning. */
export const unknownVariables = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)]
    .map((m) => m[1] ?? '')
    .filter((name) => !(templateVariables as readonly string[]).includes(name));

export function renderTemplateParts(
  template: { subject: string; body: string },
  values: TemplateValues,
): { subject: string; body: string } {
  return {
    subject: renderTemplate(template.subject, values),
    body: renderTemplate(template.body, values),
  };
}
