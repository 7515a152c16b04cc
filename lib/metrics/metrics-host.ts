import "server-only";

import type { RequestInfo } from "@/lib/auth/request-info";
import { hostProblem } from "@/lib/auth/request-info";
import type { AuthSettings } from "@/lib/auth/settings";
import { ipFamily } from "@/lib/schemas/ip-address";

/** The address part of a Host header: `10.0.0.5` of `10.0.0.5:3000`, `fd00::1` of `[fd00::1]:3000`. */
function hostAddress(host: string): string {
  const bracketed = /^\[([^\]]+)\](:\d+)?$/.exec(host);
  if (bracketed) return bracketed[1]!;
  return host.replace(/:\d+$/, "");
}

/**
 * Why `/metrics` on the UI port refuses this Host, or null. It answers the console's own hosts
 * and bare IP addresses (Prometheus scrapes by pod IP); any other name is refused, so a page on a
 * rebound DNS name cannot read the metrics through a browser.
 */
export function metricsHostProblem(info: RequestInfo, settings: Pick<AuthSettings, "publicOrigin">): string | null {
  if (ipFamily(hostAddress(info.host)) !== 0) return null;
  return hostProblem(info, settings);
}
