import type { Entry } from "@/lib/spire/types";

type Frame = { id: string; children: readonly Entry[]; next: number; sum: number };

/**
 * Weighted descendant counts per SPIFFE ID: `count(X) = Σ over entries E parented to X of
 * weight(E) + count(E.spiffeId)`. Iterative (deep chains cannot overflow the stack) and
 * memoised; an edge back into the chain being counted (a parent cycle) adds the entry's own
 * weight but not its subtree again, so cycles terminate.
 */
export function countSubtrees(
  roots: Iterable<string>,
  childrenOf: ReadonlyMap<string, readonly Entry[]>,
  weight: (entry: Entry) => number = () => 1,
): Map<string, number> {
  const counts = new Map<string, number>();
  const onStack = new Set<string>();
  for (const root of roots) {
    if (counts.has(root)) continue;
    const stack: Frame[] = [{ id: root, children: childrenOf.get(root) ?? [], next: 0, sum: 0 }];
    onStack.add(root);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as Frame;
      if (frame.next < frame.children.length) {
        const child = frame.children[frame.next++] as Entry;
        frame.sum += weight(child);
        const known = counts.get(child.spiffeId);
        if (known !== undefined) frame.sum += known;
        else if (!onStack.has(child.spiffeId)) {
          onStack.add(child.spiffeId);
          stack.push({ id: child.spiffeId, children: childrenOf.get(child.spiffeId) ?? [], next: 0, sum: 0 });
        }
        continue;
      }
      stack.pop();
      onStack.delete(frame.id);
      counts.set(frame.id, frame.sum);
      const parent = stack[stack.length - 1];
      if (parent) parent.sum += frame.sum;
    }
  }
  return counts;
}
