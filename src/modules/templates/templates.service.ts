import type { Clock } from '../../platform/clock.ts';
import type { Db, Executor } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { Language } from '../../platform/i18n.ts';
import { recordAudit } from '../audit/index.ts';
import { defaultTemplates, type TemplateStep } from './domain/defaults.ts';
import { renderTemplate, unknownVariables, type TemplateValues } from './domain/render.ts';
import type { SuggestionView, TemplateView } from './templates.contract.ts';

export type TemplateService = ReturnType<typeof createTemplateService>;

type Row = {
  id: string;
  step: string;
  language: string;
  name: string;
  subject: string;
  body: string;
  is_active: boolean;
};
const toView = (r: Row): TemplateView => ({
  id: r.id,
  step: r.step as TemplateView['step'],
  language: r.language as Language,
  name: r.name,
  subject: r.subject,
  body: r.body,
  active: r.is_active,
  unknownVariables: [...unknownVariables(r.subject), ...unknownVariables(r.body)],
});

export function createTemplateService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  const find = async (executor: Executor, orgId: string, id: string) => {
    const r = await executor
      .selectFrom('message_templates')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    return r ? toView(r) : undefined;
  };

  async function activeFor(
    executor: Executor,
    orgId: string,
    step: TemplateStep,
    language: Language,
  ): Promise<TemplateView[]> {
    const rows = await executor
      .selectFrom('message_templates')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('step', '=', step)
      .where('is_active', '=', true)
      .orderBy('name')
      .execute();
    const views = rows.map(toView);
    const inLanguage = views.filter((t) => t.language === language);
    // Fall back to any language rather than leave the agent with nothing.
    return inLanguage.length > 0 ? inLanguage : views;
  }

  return {
    async list(orgId: string): Promise<TemplateView[]> {
      const rows = await db
        .selectFrom('message_templates')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('step')
        .orderBy('language')
        .orderBy('name')
        .execute();
      return rows.map(toView);
    },

    /** Every new org starts with the default templates in the three languages. */
    async installDefaults(executor: Executor, orgId: string): Promise<void> {
      await executor
        .insertInto('message_templates')
        .values(
          defaultTemplates.map((t) => ({
            org_id: orgId,
            step: t.step,
            language: t.language,
            name: t.name,
            subject: t.subject,
            body: t.body,
          })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
    },

    /** The first active template for a step, to render later (see renderTemplateParts). */
    async pick(
      executor: Executor,
      orgId: string,
      step: TemplateStep,
      language: Language,
    ): Promise<{ subject: string; body: string } | undefined> {
      const [template] = await activeFor(executor, orgId, step, language);
      return template ? { subject: template.subject, body: template.body } : undefined;
    },

    /** Renders the first active template for a step, used for automatic messages. */
    async render(
      executor: Executor,
      orgId: string,
      step: TemplateStep,
      language: Language,
      values: TemplateValues,
    ): Promise<{ subject: string; body: string } | undefined> {
      const [template] = await activeFor(executor, orgId, step, language);
      if (!template) return undefined;
      return {
        subject: renderTemplate(template.subject, values),
        body: renderTemplate(template.body, values),
      };
    },

    /** Editable suggestions for the agent: every active template of the step, already filled in. */
    async suggestions(
      orgId: string,
      step: TemplateStep,
      language: Language,
      values: TemplateValues,
    ): Promise<SuggestionView[]> {
      return (await activeFor(db, orgId, step, language)).map((t) => ({
        templateId: t.id,
        name: t.name,
        language: t.language,
        subject: renderTemplate(t.subject, values),
        body: renderTemplate(t.body, values),
      }));
    },

    async create(
      orgId: string,
      actor: Actor,
      input: {
        step: TemplateStep;
        language: Language;
        name: string;
        subject: string;
        body: string;
        active: boolean;
      },
    ) {
      return db.transaction().execute(async (tx) => {
        const row = await tx
          .insertInto('message_templates')
          .values({
            org_id: orgId,
            step: input.step,
            language: input.language,
            name: input.name,
            subject: input.subject,
            body: input.body,
            is_active: input.active,
          })
          .onConflict((oc) => oc.doNothing())
          .returningAll()
          .executeTakeFirst();
        if (!row) throw new AppError('conflict', { field: 'name' });
        const view = toView(row);
        await recordAudit(tx, {
          orgId,
          actor,
          action: 'template.created',
          entityType: 'template',
          entityId: view.id,
          after: view,
        });
        return view;
      });
    },

    async update(
      orgId: string,
      actor: Actor,
      id: string,
      input: Partial<{
        step: TemplateStep;
        language: Language;
        name: string;
        subject: string;
        body: string;
        active: boolean;
      }>,
    ) {
      return db.transaction().execute(async (tx) => {
        const before = await find(tx, orgId, id);
        if (!before) throw new AppError('not_found');
        const next = { ...before, ...input };
        if (
          next.step !== before.step ||
          next.language !== before.language ||
          next.name !== before.name
        ) {
          const clash = await tx
            .selectFrom('message_templates')
            .select('id')
            .where('org_id', '=', orgId)
            .where('step', '=', next.step)
            .where('language', '=', next.language)
            .where('name', '=', next.name)
            .where('id', '!=', id)
            .executeTakeFirst();
          if (clash) throw new AppError('conflict', { field: 'name' });
        }
        const row = await tx
          .updateTable('message_templates')
          .set({
            step: next.step,
            language: next.language,
            name: next.name,
            subject: next.subject,
            body: next.body,
            is_active: next.active,
            updated_at: clock.now(),
          })
          .where('org_id', '=', orgId)
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        const after = toView(row);
        await recordAudit(tx, {
          orgId,
          actor,
          action: 'template.updated',
          entityType: 'template',
          entityId: id,
          before,
          after,
        });
        return after;
      });
    },

    async remove(orgId: string, actor: Actor, id: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const before = await find(tx, orgId, id);
        if (!before) throw new AppError('not_found');
        await tx
          .deleteFrom('message_templates')
          .where('org_id', '=', orgId)
          .where('id', '=', id)
          .execute();
        await recordAudit(tx, {
          orgId,
          actor,
          action: 'template.deleted',
          entityType: 'template',
          entityId: id,
          before,
        });
      });
    },
  };
}
