import type { Selectable } from 'kysely';
import type { Executor, Tx } from '../../platform/db/index.ts';
import type { MessageTemplatesTable } from '../../platform/db/schema.ts';
import type { Language } from '../../platform/i18n.ts';
import type { TemplateStep } from './domain/defaults.ts';

export type Template = {
  id: string;
  step: TemplateStep;
  language: Language;
  name: string;
  subject: string;
  body: string;
  isActive: boolean;
};

export type TemplateFields = Omit<Template, 'id'>;

const toTemplate = (r: Selectable<MessageTemplatesTable>): Template => ({
  id: r.id,
  step: r.step as TemplateStep,
  language: r.language as Language,
  name: r.name,
  subject: r.subject,
  body: r.body,
  isActive: r.is_active,
});

export async function findTemplate(
  db: Executor,
  orgId: string,
  id: string,
): Promise<Template | undefined> {
  const r = await db
    .selectFrom('message_templates')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? toTemplate(r) : undefined;
}

export async function listTemplates(db: Executor, orgId: string): Promise<Template[]> {
  const rows = await db
    .selectFrom('message_templates')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('step')
    .orderBy('language')
    .orderBy('name')
    .execute();
  return rows.map(toTemplate);
}

export async function listActiveForStep(
  db: Executor,
  orgId: string,
  step: TemplateStep,
): Promise<Template[]> {
  const rows = await db
    .selectFrom('message_templates')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('step', '=', step)
    .where('is_active', '=', true)
    .orderBy('name')
    .execute();
  return rows.map(toTemplate);
}

/** Inserts templates; one whose (step, language, name) is taken is skipped. */
export async function insertTemplates(
  tx: Tx,
  orgId: string,
  templates: TemplateFields[],
): Promise<Template[]> {
  if (templates.length === 0) return [];
  const rows = await tx
    .insertInto('message_templates')
    .values(
      templates.map((t) => ({
        org_id: orgId,
        step: t.step,
        language: t.language,
        name: t.name,
        subject: t.subject,
        body: t.body,
        is_active: t.isActive,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .execute();
  return rows.map(toTemplate);
}

/** Whether another template of the org already has this step, language and name. */
export async function isNameTaken(
  db: Executor,
  orgId: string,
  t: { step: TemplateStep; language: Language; name: string },
  exceptId: string,
): Promise<boolean> {
  const clash = await db
    .selectFrom('message_templates')
    .select('id')
    .where('org_id', '=', orgId)
    .where('step', '=', t.step)
    .where('language', '=', t.language)
    .where('name', '=', t.name)
    .where('id', '!=', exceptId)
    .executeTakeFirst();
  return clash !== undefined;
}

export async function updateTemplate(
  tx: Tx,
  orgId: string,
  id: string,
  t: TemplateFields,
  at: Date,
): Promise<Template> {
  const row = await tx
    .updateTable('message_templates')
    .set({
      step: t.step,
      language: t.language,
      name: t.name,
      subject: t.subject,
      body: t.body,
      is_active: t.isActive,
      updated_at: at,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toTemplate(row);
}

export async function deleteTemplate(tx: Tx, orgId: string, id: string): Promise<void> {
  await tx
    .deleteFrom('message_templates')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}
