import type { MassDeleteGuard } from "./types";

export const MASS_DELETE_PERCENT = 10;
export const DEFAULT_MAX_DELETES = 100;

/** The guard's limits: more than `maxCount` deletes, or more than `maxPercent` of the scope. */
export type MassDeleteLimits = { maxCount: number; maxPercent: number };

export const defaultMassDeleteLimits: MassDeleteLimits = {
  maxCount: DEFAULT_MAX_DELETES,
  maxPercent: MASS_DELETE_PERCENT,
};

/**
 * The mass-delete guard: deleting more than `maxPercent` of the scope, or more than `maxCount` entries,
 * needs an explicit override (`allowMassDelete`). Pure.
 */
export function massDeleteGuard(
  deletes: number,
  scopeSize: number,
  limits: Partial<MassDeleteLimits> = {},
): MassDeleteGuard {
  const { maxCount, maxPercent } = { ...defaultMassDeleteLimits, ...limits };
  const share = scopeSize > 0 ? (deletes / scopeSize) * 100 : 0;
  const overShare = deletes > 0 && share > maxPercent;
  const overCount = deletes > maxCount;
  const tripped = overShare || overCount;
  const reason = overCount
    ? `more than ${maxCount} entries`
    : `${Math.round(share)}% of the ${scopeSize} entries in scope (more than ${maxPercent}%)`;
  return {
    deletes,
    scopeSize,
    maxPercent,
    maxCount,
    tripped,
    message: tripped ? `This plan deletes ${deletes} entries, ${reason}: applying it needs allowMassDelete.` : null,
  };
}
