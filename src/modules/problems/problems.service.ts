import './problems.messages.ts';
import { AppError } from '../../platform/errors.ts';
import type { Language } from '../../platform/i18n.ts';
import { findProblem } from './problems.repository.ts';
import { createActions } from './actions.ts';
import { createChain } from './chain.ts';
import { createEffectiveness } from './effectiveness.ts';
import { createMonitoring } from './monitoring.ts';
import type { ProblemDeps } from './problems.deps.ts';
import { createRecords } from './records.ts';
import { createProblemExport } from './problems-export.ts';
import { createReports } from './reports.ts';

export type ProblemService = ReturnType<typeof createProblemService>;

/**
 * Step 8, fix the system: problem records with their linked complaints, root cause,
 * responsibility chain, corrective and preventive actions with clocks, and the closed loop's
 * recurrence check.
 */
export function createProblemService(deps: ProblemDeps) {
  const monitoring = createMonitoring(deps);
  const effectivenessOf = createEffectiveness(deps);
  const records = createRecords({ ...deps, monitoring, effectivenessOf });
  const { editable: _editable, ...recordUseCases } = records;
  return {
    ...recordUseCases,
    transition: monitoring.transition,
    close: monitoring.close,
    evaluateWindow: monitoring.evaluateWindow,
    /** Complaints per week of the problem's reason around its first corrective action. */
    async effectiveness(orgId: string, id: string, lang: Language, weeks: number) {
      const p = await findProblem(deps.db, orgId, id);
      if (!p) throw new AppError('not_found');
      return effectivenessOf(deps.db, orgId, p, lang, weeks);
    },
    ...createChain({ ...deps, records }),
    ...createActions({ ...deps, records }),
    ...createReports(deps),
    exportProblems: createProblemExport(deps),
  };
}
