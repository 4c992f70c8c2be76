import type { z } from 'zod';
import {
  actionKindSchema,
  type actionStatusSchema,
  fishboneInput,
  problemStatusSchema,
  rootCauseCategorySchema,
  windowUnitSchema,
} from '../../../../src/modules/problems/problems.contract.ts';

/** Step 8's words as the contract lists them, for selects, badges and labels. */
export const problemStatuses = problemStatusSchema.options;
export type ProblemStatus = z.infer<typeof problemStatusSchema>;
export const rootCauseCategories = rootCauseCategorySchema.options;
export type RootCauseCategory = z.infer<typeof rootCauseCategorySchema>;
export const actionKinds = actionKindSchema.options;
export type ActionKind = z.infer<typeof actionKindSchema>;
export type ActionStatus = z.infer<typeof actionStatusSchema>;
export const windowUnits = windowUnitSchema.options;
export type WindowUnit = z.infer<typeof windowUnitSchema>;
export const fishboneBones = fishboneInput.keyof().options;
export type FishboneBone = (typeof fishboneBones)[number];

/**
 * The moves an action's status offers (open → in progress → done; cancelled from either; done
 * can be reopened). The server holds the same table and refuses any other move.
 */
export const actionMoves: Readonly<Record<ActionStatus, readonly ActionStatus[]>> = {
  open: ['in_progress', 'done', 'cancelled'],
  in_progress: ['open', 'done', 'cancelled'],
  done: ['in_progress'],
  cancelled: [],
};
