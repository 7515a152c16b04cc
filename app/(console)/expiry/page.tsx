import { ExpiryView } from "@/components/expiry/expiry-view";

export const metadata = { title: "Expiry" };

export default function ExpiryPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Expiry</h1>
      <ExpiryView />
    </div>
  );
}
