import { NotBuiltYet } from "@/components/layout/not-built-yet";

export const metadata = { title: "Troubleshoot" };

export default function TroubleshootPage() {
  return <NotBuiltYet title="Troubleshoot" what="It will explain why a workload gets no SVID and why an agent did not attest." />;
}
