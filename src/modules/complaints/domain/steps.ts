import { loopSteps, type ComplaintStatus, type LoopStep } from '../../kernel/index.ts';

// The eight steps of the loop, in order. Each is done by data, not by a status name.
export { loopSteps, type LoopStep };

/** `due` and `skipped` are step 6's own (its tasks are due, or one was skipped). */
export const stepStates = ['done', 'current', 'pending', 'due', 'skipped'] as const;

export type StepFacts = {
  acknowledgedAt: Date | null;
  confirmedAt: Date | null;
  apologisedAt: Date | null;
  committedAt: Date | null;
  fixedAt: Date | null;
  /** The latest thank-you gift (step 7); it counts once the case is fixed. */
  giftedAt?: Date | null;
  status: ComplaintStatus;
  /** Step 6 of the latest fix, from its follow-up tasks (none: switched off or not fixed). */
  update?: { state: 'due' | 'done' | 'skipped'; at: Date | null; by: string | null } | undefined;
};

export type StepProgress = {
  step: LoopStep;
  state: (typeof stepStates)[number];
  at: Date | null;
  /** Who did it, where the step records a person (step 6). */
  by?: string | null;
};

export function deriveSteps(facts: StepFacts): StepProgress[] {
  const doneAt: Record<LoopStep, Date | null> = {
    thank: facts.acknowledgedAt,
    clarify: facts.confirmedAt,
    apologise: facts.apologisedAt,
    commit: facts.committedAt,
    fix: facts.status === 'fixed' || facts.status === 'closed' ? facts.fixedAt : null,
    update: facts.update?.state === 'done' ? facts.update.at : null,
    gift:
      facts.giftedAt && (facts.status === 'fixed' || facts.status === 'closed')
        ? facts.giftedAt
        : null,
    prevent: null,
  };
  let currentGiven = false;
  return loopSteps.map((step) => {
    const at = doneAt[step];
    if (step === 'update' && facts.update && facts.update.state !== 'done') {
      currentGiven = true;
      return { step, state: facts.update.state, at: facts.update.at, by: facts.update.by };
    }
    if (at)
      return {
        step,
        state: 'done',
        at,
        ...(step === 'update' ? { by: facts.update?.by ?? null } : {}),
      };
    if (!currentGiven && facts.status !== 'cancelled') {
      currentGiven = true;
      return { step, state: 'current', at: null };
    }
    return { step, state: 'pending', at: null };
  });
}
