"use client";

import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { StatePanel } from "@/components/ui/state-panel";
import { Tabs } from "@/components/ui/tabs";
import { TimeText } from "@/components/ui/time-text";
import type { EventTime, RotationView, StepId } from "@/lib/authorities/rotation-types";

import { AuthoritySlots } from "./authority-slots";
import { BundleCopies } from "./bundle-copies";
import { RotationSteps } from "./rotation-steps";
import { useRotations } from "./use-rotation";

const titles = { x509: "X.509", jwt: "JWT", wit: "WIT" } as const;
const phaseText: Record<RotationView["phase"], string> = {
  idle: "No rotation under way: one active authority.",
  prepared: "A new authority is prepared and published; activate it once every copy holds it.",
  activated: "The new authority signs; the old one is still trusted. Taint it once every copy holds the new one.",
  tainted: "The old authority is tainted: everything it signed is being replaced. Revoke it once nothing uses it.",
  revoked: "The old authority was revoked: the rotation is complete.",
};

function When({ label, event, now, by }: { label: string; event: EventTime | null; now: number; by?: string | null }) {
  if (!event) return null;
  return (
    <li data-testid="rotation-history-item">
      {label} <TimeText iso={event.at} now={now} />
      {event.source === "console"
        ? ` by ${by ?? "an unknown user"} (through this console)`
        : event.source === "estimate"
          ? " (estimated)"
          : ""}
    </li>
  );
}

function KindPanel({ view, now }: { view: RotationView; now: number }) {
  if (!view.supported) {
    const keys = view.copies.find((c) => c.kind === "server")?.authorities ?? [];
    return (
      <div className="space-y-3" data-testid={`rotation-${view.kind}`}>
        <StatePanel tone="empty" title={`${view.server} gives no ${titles[view.kind]} authority state`}>
          SPIRE answered: {view.unsupported}
        </StatePanel>
        <p className="text-sm text-slate-700" data-testid="bundle-keys">
          {keys.length
            ? `Its bundle holds ${keys.length} ${titles[view.kind]} key(s): ${keys.map((k) => k.id).join(", ")}.`
            : `Its bundle holds no ${titles[view.kind]} keys.`}
        </p>
      </div>
    );
  }
  const by = (step: StepId) => view.steps.find((s) => s.id === step)?.doneBy?.by;
  return (
    <div className="space-y-4" data-testid={`rotation-${view.kind}`} data-phase={view.phase}>
      <p className="text-sm text-slate-800" data-testid="rotation-phase">
        {phaseText[view.phase]}
      </p>
      <ul className="list-inside list-disc text-sm text-slate-700">
        <When label="Prepared" event={view.prepared} now={now} by={by("prepare")} />
        <When label="Activated" event={view.activated} now={now} by={by("activate")} />
        <When label="Tainted" event={view.tainted} now={now} by={by("taint")} />
        <When label="Revoked" event={view.revoked} now={now} by={by("revoke")} />
      </ul>
      <AuthoritySlots view={view} now={now} />
      <Card>
        <CardHeader>
          <h2 className="text-sm font-semibold">Who holds which authority</h2>
        </CardHeader>
        <CardBody>
          <BundleCopies view={view} />
        </CardBody>
      </Card>
      <RotationSteps view={view} now={now} />
    </div>
  );
}

/** The CA rotation cockpit of one server: X.509, JWT and WIT authorities, their copies and the guided steps. */
export function RotationCockpit({ server }: { server: string }) {
  const query = useRotations(server);
  if (query.isPending) return <StatePanel tone="loading" title="Reading the authorities…" />;
  if (query.isError) {
    return (
      <StatePanel tone="error" title="Could not read the authorities">
        {query.error.message}
      </StatePanel>
    );
  }
  const now = query.dataUpdatedAt;
  return (
    <Tabs
      label="Kind of authority"
      tabs={(["x509", "jwt", "wit"] as const).map((kind) => ({
        id: kind,
        title: titles[kind],
        content: <KindPanel view={query.data[kind]} now={now} />,
      }))}
    />
  );
}
