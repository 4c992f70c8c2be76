import type { ComplaintDetail } from '../../../../src/modules/complaints/complaints.contract.ts';
import { StepRail } from '../complaints/step-rail.tsx';
import { CaseProblemStep } from '../problems/case-problem-step.tsx';
import { useCommitments } from './commitments.api.ts';

type Steps = ComplaintDetail['steps'];

/** Step 4 is done once a commitment exists; the first step not done becomes the current one. */
export function withCommitment(steps: Steps, committedAt: string | null): Steps {
  if (!committedAt) return steps;
  const marked = steps.map((s) =>
    s.step === 'commit' ? { ...s, state: 'done' as const, at: s.at ?? committedAt } : s,
  );
  if (marked.some((s) => s.state === 'current')) {
    let currentGiven = false;
    return marked.map((s) => {
      // Step 6's own states (due, skipped) come from its tasks, not from the order.
      if (s.state !== 'current' && s.state !== 'pending') return s;
      if (!currentGiven) {
        currentGiven = true;
        return { ...s, state: 'current' as const };
      }
      return { ...s, state: 'pending' as const };
    });
  }
  return marked;
}

/**
 * The step rail, fed with the commitment ledger (the server does not yet mark step 4) and, under
 * step 8, the problem the case is linked to.
 */
export function CommitStepRail({ complaintId, steps }: { complaintId: string; steps: Steps }) {
  const commitments = useCommitments(complaintId);
  const first = commitments.data?.commitments[0];
  return (
    <StepRail
      steps={withCommitment(steps, first?.committedAt ?? null)}
      details={{ prevent: <CaseProblemStep complaintId={complaintId} /> }}
    />
  );
}
