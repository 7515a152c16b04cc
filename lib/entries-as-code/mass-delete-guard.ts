import type { MassDeleteGuard } from "./types";

export const MASS_DELETE_PERCENT = 10;
export const DEFAULT_MAX_DELETES = 100;

/**
 * The mass-delete guard: deleting more than 10% of the scope, or more than `maxCount` entries,
 * needs an explicit override (`allowMassDelete`). Pure.
 */
export function massDeleteGuard(deletes: number, scopeSize: number, maxCount = DEFAULT_MAX_DELETES): MassDeleteGuard {
  const share = scopeSize > 0 ? (deletes / scopeSize) * 100 : 0;
  const overShare = deletes > 0 && share > MASS_DELETE_PERCENT;
  const overCount = deletes > maxCount;
  const tripped = overShare || overCount;
  const reason = overCount
    ? `more than ${maxCount} entries`
    : `${Math.round(share)}% of the ${scopeSize} entries in scope (more than ${MASS_DELETE_PERCENT}%)`;
  return {
    deletes,
    scopeSize,
    maxPercent: MASS_DELETE_PERCENT,
    maxCount,
    tripped,
    message: tripped ? `This plan deletes ${deletes} entries, ${reason}: applying it needs allowMassDelete.` : null,
  };
}
