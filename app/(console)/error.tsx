"use client";

import { Button } from "@/components/ui/button";
import { StatePanel } from "@/components/ui/state-panel";

export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="space-y-3">
      <StatePanel tone="error" title="This page failed to load">
        {error.digest ? `Reference ${error.digest}; see the console server's log.` : error.message}
      </StatePanel>
      <Button variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
