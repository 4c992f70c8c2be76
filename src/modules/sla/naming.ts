import type { Executor } from '../../platform/db/index.ts';
import { invalidField } from '../../platform/errors.ts';
import { namesToStore, type Names } from '../../platform/contract/names.ts';
import { isLanguage } from '../../platform/i18n.ts';
import type { OrgService } from '../org/index.ts';

/**
 * The names to store for a calendar, policy or task type: `names` per language and `name` in the
 * org's default language, which must be given (a 400 naming the field otherwise). A request with
 * only `name`, as older clients send it, keeps the other languages saved before (`kept`). `field`
 * is where the default language's name came in.
 */
export async function namingOf(
  executor: Executor,
  org: Pick<OrgService, 'findOrg'>,
  orgId: string,
  input: { name?: string | null | undefined; names?: Names | undefined },
  kept: Names = {},
): Promise<{ naming: { name: string; names: Names }; field: string }> {
  const found = (await org.findOrg(executor, orgId))?.defaultLanguage;
  const language = isLanguage(found) ? found : 'vi';
  const stored = namesToStore(input, language, kept);
  if (!stored.ok) throw invalidField(stored.field, 'field.required');
  // The field the default language's name came in: where a clash with another name is reported.
  const field = input.names?.[language]?.trim() ? `names.${language}` : 'name';
  return { naming: { name: stored.name, names: stored.names }, field };
}
