import { ExpiryView } from "@/components/expiry/expiry-view";
import { requirePage } from "@/lib/auth/guard";

export const metadata = { title: "Expiry" };

export default async function ExpiryPage() {
  await requirePage();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Expiry</h1>
      <ExpiryView />
    </div>
  );
}
