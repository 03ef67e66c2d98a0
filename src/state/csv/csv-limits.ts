// What a points CSV may hold: the custom-points task's own limits, plus a size cap on the file.

import { CUSTOM_POINTS_LIMITS } from '../../engine/tasks/custom-points';

export const CSV_LIMITS = {
  maxBytes: 2 * 1024 * 1024,
  maxRows: CUSTOM_POINTS_LIMITS.maxPoints,
  minPoints: CUSTOM_POINTS_LIMITS.minPoints,
  minClasses: CUSTOM_POINTS_LIMITS.minClasses,
  maxClasses: CUSTOM_POINTS_LIMITS.maxClasses,
} as const;
