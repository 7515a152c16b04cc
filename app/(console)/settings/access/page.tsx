import { AccessSummary } from "@/components/auth/access-summary";
import { requirePage } from "@/lib/auth/guard";
import { loadMyAccess } from "@/lib/auth/load-my-access";

import { readWithTime } from "../../_components/read-with-time";

export const metadata = { title: "Your access" };

export default async function YourAccessPage() {
  await requirePage();
  const { data: access, readAt } = await readWithTime(loadMyAccess);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Your access</h1>
        <p className="text-sm text-slate-600">
          What you may do in this console, where, and until when. Every request is checked again on the server.
        </p>
      </div>
      <AccessSummary access={access} now={readAt} />
    </div>
  );
}
