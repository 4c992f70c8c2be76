import type { Executor } from '../../platform/db/index.ts';
import type { Language } from '../../platform/i18n.ts';
import { receivedTimesOf } from '../complaints/index.ts';
import { definitions } from './domain/definitions.ts';
import { weeklySeries } from './domain/stats.ts';
import type { EffectivenessView } from './problems.contract.ts';
import type { ProblemDeps } from './problems.deps.ts';
import type { Problem } from './problems.repository.ts';
import * as work from './work.repository.ts';

const WEEK_MS = 7 * 86_400_000;

/**
 * Corrective-action effectiveness: complaints per week of the problem's reason (and, when it
 * names affected products, of those products) before and after the first corrective action was
 * done, in the org's weeks.
 */
export function createEffectiveness(deps: Pick<ProblemDeps, 'clock' | 'org'>) {
  const { clock, org } = deps;

  return async function effectivenessOf(
    db: Executor,
    orgId: string,
    p: Problem,
    lang: Language,
    weeks = 8,
  ): Promise<EffectivenessView> {
    const basis = p.products.length > 0 ? 'reason_and_products' : 'reason';
    const definition =
      basis === 'reason'
        ? definitions.effectiveness[lang]
        : `${definitions.effectiveness[lang]} ${definitions.effectivenessProducts[lang]}`;
    const done = await work.listActions(db, orgId, {
      problemIds: [p.id],
      kind: 'corrective',
      statuses: ['done'],
    });
    const pivot = done.map((a) => a.doneAt!).sort((a, b) => a.getTime() - b.getTime())[0];
    if (!p.reasonId || !pivot)
      return {
        basis: 'none',
        pivotAt: pivot?.toISOString() ?? null,
        weeks: [],
        beforeAverage: null,
        afterAverage: null,
        definition,
      };
    const found = await org.findOrg(db, orgId);
    const timeZone = found?.timeZone ?? 'Asia/Ho_Chi_Minh';
    const receivedAt = await receivedTimesOf(db, orgId, {
      reasonId: p.reasonId,
      products: p.products.length > 0 ? p.products : null,
      from: new Date(pivot.getTime() - (weeks + 1) * WEEK_MS),
      to: new Date(pivot.getTime() + (weeks + 1) * WEEK_MS),
    });
    const series = weeklySeries({ receivedAt, pivot, weeks, timeZone, now: clock.now() });
    return {
      basis,
      pivotAt: pivot.toISOString(),
      weeks: series.weeks,
      beforeAverage: series.beforeAverage,
      afterAverage: series.afterAverage,
      definition,
    };
  };
}
