import { z } from 'zod';
import {
  channels,
  clockKinds,
  complaintStatuses,
  durationUnits,
  internalClockKinds,
  loopSteps,
  pausableStatuses,
  severities,
} from './vocabulary.ts';
import { roles } from './permissions.ts';

export const statusSchema = z.enum(complaintStatuses);
export const pausableStatusSchema = z.enum(pausableStatuses);
export const channelSchema = z.enum(channels);
export const severitySchema = z.enum(severities);
export const stepSchema = z.enum(loopSteps);
export const clockKindSchema = z.enum(clockKinds);
export const durationUnitSchema = z.enum(durationUnits);
export const internalClockKindSchema = z.enum(internalClockKinds);
export const roleSchema = z.enum(roles);
