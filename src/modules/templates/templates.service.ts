import type { Clock } from '../../platform/clock.ts';
import type { Db, Executor, Tx } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { Language } from '../../platform/i18n.ts';
import { recordAudit } from '../audit/index.ts';
import { defaultTemplates, type TemplateStep } from './domain/defaults.ts';
import { renderTemplate, type TemplateValues } from './domain/render.ts';
import { checkTemplateText, unknownVariables, variablesOf } from './domain/variables.ts';
import type { SuggestionView, TemplateView } from './templates.contract.ts';
import * as repo from './templates.repository.ts';
import './templates.messages.ts';

export type TemplateService = ReturnType<typeof createTemplateService>;

const toView = (t: repo.Template): TemplateView => ({
  id: t.id,
  step: t.step,
  language: t.language,
  name: t.name,
  subject: t.subject,
  body: t.body,
  active: t.isActive,
  unknownVariables: [
    ...new Set([...unknownVariables(t.step, t.subject), ...unknownVariables(t.step, t.body)]),
  ],
});

const languageNames: Record<Language, string> = { vi: 'Tiếng Việt', en: 'English', zh: '中文' };

/**
 * A template is checked when it is saved, not when it is next used: a name its kind cannot use
 * or a brace that does not close is a 400 on the field, saying which language and what is wrong.
 */
function assertTemplateText(
  t: { step: TemplateStep; language: Language },
  field: 'subject' | 'body',
  text: string,
) {
  const problems = checkTemplateText(t.step, text);
  const wrong = problems.unknown.length > 0 ? problems.unknown : problems.unclosed;
  if (wrong.length === 0) return;
  throw new AppError('validation_failed', {
    field,
    messageKey: `template.${field}_${problems.unknown.length > 0 ? 'unknown' : 'unclosed'}`,
    params: {
      language: languageNames[t.language],
      variables: wrong.join(', '),
      allowed: variablesOf[t.step].map((v) => `{{${v}}}`).join(', '),
    },
  });
}

type TemplateInput = {
  step: TemplateStep;
  language: Language;
  name: string;
  subject: string;
  body: string;
  active: boolean;
};

export function createTemplateService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  /** The active templates of a step in the language, or in any language rather than none. */
  async function activeFor(
    executor: Executor,
    orgId: string,
    step: TemplateStep,
    language: Language,
  ): Promise<repo.Template[]> {
    const all = await repo.listActiveForStep(executor, orgId, step);
    const inLanguage = all.filter((t) => t.language === language);
    return inLanguage.length > 0 ? inLanguage : all;
  }

  return {
    list: async (orgId: string): Promise<TemplateView[]> =>
      (await repo.listTemplates(db, orgId)).map(toView),

    /** Every new org starts with the default templates in the three languages. */
    async installDefaults(tx: Tx, orgId: string): Promise<void> {
      await repo.insertTemplates(
        tx,
        orgId,
        defaultTemplates.map((t) => ({ ...t, isActive: true })),
      );
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

    async create(orgId: string, actor: Actor, input: TemplateInput): Promise<TemplateView> {
      assertTemplateText(input, 'subject', input.subject);
      assertTemplateText(input, 'body', input.body);
      return db.transaction().execute(async (tx) => {
        const [created] = await repo.insertTemplates(tx, orgId, [
          { ...input, isActive: input.active },
        ]);
        if (!created) throw new AppError('conflict', { field: 'name' });
        const view = toView(created);
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
      input: Partial<TemplateInput>,
    ): Promise<TemplateView> {
      return db.transaction().execute(async (tx) => {
        const found = await repo.findTemplate(tx, orgId, id);
        if (!found) throw new AppError('not_found');
        const before = toView(found);
        const next = { ...before, ...input };
        // A template saved before the check may keep its old text while other fields change.
        const kindChanged = next.step !== before.step;
        if (input.subject !== undefined || kindChanged)
          assertTemplateText(next, 'subject', next.subject);
        if (input.body !== undefined || kindChanged) assertTemplateText(next, 'body', next.body);
        if (
          (next.step !== before.step ||
            next.language !== before.language ||
            next.name !== before.name) &&
          (await repo.isNameTaken(tx, orgId, next, id))
        )
          throw new AppError('conflict', { field: 'name' });
        const after = toView(
          await repo.updateTemplate(tx, orgId, id, { ...next, isActive: next.active }, clock.now()),
        );
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
        const found = await repo.findTemplate(tx, orgId, id);
        if (!found) throw new AppError('not_found');
        await repo.deleteTemplate(tx, orgId, id);
        await recordAudit(tx, {
          orgId,
          actor,
          action: 'template.deleted',
          entityType: 'template',
          entityId: id,
          before: toView(found),
        });
      });
    },
  };
}
