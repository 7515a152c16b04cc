import { StatePanel } from "@/components/ui/state-panel";

/** An honest placeholder for a section whose view has not been built yet. */
export function NotBuiltYet({ title, what }: { title: string; what: string }) {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{title}</h1>
      <StatePanel tone="empty" title={`${title} is not available in this version of the console.`}>
        {what}
      </StatePanel>
    </div>
  );
}
