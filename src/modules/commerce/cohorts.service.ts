import type { Scope } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { translate, type Language } from '../../platform/i18n.ts';
import type { OrgService } from '../org/index.ts';
import {
  cohortDefinitionKeys,
  type CohortReport,
  type CohortReportQuery,
} from './cohorts.contract.ts';
import './cohorts.messages.ts';
import { cohortMembers, mainCurrencyOf } from './cohorts.repository.ts';
import { cohortFiguresOf, startOfLocalDay } from './domain/cohorts.ts';

/** With no order at all, an org's reports are in đồng: Vietnam comes first. */
const FALLBACK_CURRENCY = 'VND';

const definitionKey = (key: string) => `cohorts.definition.${key}`;

export type CohortReportDeps = { db: Db; clock: Clock; org: OrgService };

/**
 * The spend and retention cohorts after a complaint (GET /api/reports/cohorts): complaints
 * first contacted from `from` to before `to`, whole days in the org's time zone.
 */
export function createCohortReport({ db, clock, org }: CohortReportDeps) {
  return async function cohortReport(
    scope: Scope,
    query: CohortReportQuery,
    lang: Language,
  ): Promise<CohortReport> {
    const found = await org.findOrg(db, scope.orgId);
    if (!found) throw new AppError('not_found');
    const from = startOfLocalDay(query.from, found.timeZone);
    const to = startOfLocalDay(query.to, found.timeZone);
    if (to <= from) throw invalidField('to');
    const currency = query.currency ?? (await mainCurrencyOf(db, scope.orgId)) ?? FALLBACK_CURRENCY;
    const now = clock.now();
    const members = await cohortMembers(db, scope.orgId, {
      from,
      to,
      days: query.days,
      currency,
      now,
    });
    return {
      from: query.from,
      to: query.to,
      days: query.days,
      currency,
      asOf: now.toISOString(),
      cohorts: cohortFiguresOf(members),
      definitions: Object.fromEntries(
        cohortDefinitionKeys.map((k) => [
          k,
          translate(lang, definitionKey(k), { days: query.days, currency }),
        ]),
      ) as CohortReport['definitions'],
    };
  };
}

export type CohortReportService = ReturnType<typeof createCohortReport>;
