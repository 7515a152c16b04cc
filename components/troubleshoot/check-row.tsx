import type { ReactNode } from "react";

import { Badge } from "@/components/ui/badge";

export type CheckState = "pass" | "fail" | "warn" | "info";
const tone = { pass: "good", fail: "bad", warn: "warn", info: "info" } as const;
const word = { pass: "OK", fail: "Fails", warn: "Warning", info: "Info" } as const;

/** One line of the checklist: a state badge, a title and details. */
export function CheckRow({
  state,
  title,
  children,
  testId,
}: {
  state: CheckState;
  title: string;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <li className="flex gap-3 py-3" data-testid={testId} data-state={state}>
      <Badge tone={tone[state]} className="h-fit shrink-0">
        {word[state]}
      </Badge>
      <div className="min-w-0 space-y-1 text-sm">
        <p className="font-medium break-words">{title}</p>
        {children}
      </div>
    </li>
  );
}
