import { NotBuiltYet } from "@/components/layout/not-built-yet";

export const metadata = { title: "Expiry" };

export default function ExpiryPage() {
  return <NotBuiltYet title="Expiry" what="It will put CA authorities, agent SVIDs, federated CAs and entry expiry on one timeline." />;
}
