import { loopSteps, type ComplaintStatus, type LoopStep } from '../../kernel/index.ts';

// The eight steps of the loop, in order. Each is done by data, not by a status name.
export { loopSteps, type LoopStep };

export const stepStates = ['done', 'current', 'pending'] as const;

export type StepFacts = {
  acknowledgedAt: Date | null;
  confirmedAt: Date | null;
  apologisedAt: Date | null;
  committedAt: Date | null;
  fixedAt: Date | null;
  status: ComplaintStatus;
};

export type StepProgress = {
  step: LoopStep;
  state: (typeof stepStates)[number];
  at: Date | null;
};

export function deriveSteps(facts: StepFacts): StepProgress[] {
  const doneAt: Record<LoopStep, Date | null> = {
    thank: facts.acknowledgedAt,
    clarify: facts.confirmedAt,
    apologise: facts.apologisedAt,
    commit: facts.committedAt,
    fix: facts.status === 'fixed' || facts.status === 'closed' ? facts.fixedAt : null,
    update: null,
    gift: null,
    prevent: null,
  };
  let currentGiven = false;
  return loopSteps.map((step) => {
    const at = doneAt[step];
    if (at) return { step, state: 'done', at };
    if (!currentGiven && facts.status !== 'cancelled') {
      currentGiven = true;
      return { step, state: 'current', at: null };
    }
    return { step, state: 'pending', at: null };
  });
}
