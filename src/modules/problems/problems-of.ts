import type { Executor } from '../../platform/db/index.ts';
import type { Language } from '../../platform/i18n.ts';
import { textIn } from './domain/texts.ts';
import * as repo from './problems.repository.ts';

/** A problem still being worked on, as a suggestion shows it beside a similar case. */
export type OpenProblemOf = { id: string; reference: string; title: string; status: string };

const FINAL = new Set(['closed', 'rejected']);

/**
 * The open problems (not closed, not rejected) these complaints are linked to, by complaint:
 * what the suggestions panel offers to link a new case to.
 */
export async function openProblemsOf(
  db: Executor,
  orgId: string,
  complaintIds: readonly string[],
  lang: Language = 'vi',
): Promise<Map<string, OpenProblemOf>> {
  const out = new Map<string, OpenProblemOf>();
  if (complaintIds.length === 0) return out;
  const links = await repo.linksOf(db, orgId, { complaintIds });
  const problems = new Map<string, OpenProblemOf | null>();
  for (const link of links) {
    if (!problems.has(link.problemId)) {
      const p = await repo.findProblem(db, orgId, link.problemId);
      problems.set(
        link.problemId,
        p && !FINAL.has(p.status)
          ? { id: p.id, reference: p.reference, title: textIn(p.title, lang), status: p.status }
          : null,
      );
    }
    const problem = problems.get(link.problemId);
    if (problem) out.set(link.complaintId, problem);
  }
  return out;
}
