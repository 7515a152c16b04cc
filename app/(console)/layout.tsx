import type { ReactNode } from "react";

import { ConsoleChrome } from "@/components/layout/console-chrome";
import { requirePage } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const principal = await requirePage();
  return <ConsoleChrome principal={principal}>{children}</ConsoleChrome>;
}
