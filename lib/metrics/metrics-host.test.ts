import { describe, expect, it } from "vitest";

import type { RequestInfo } from "@/lib/auth/request-info";

import { metricsHostProblem } from "./metrics-host";

const info = (host: string) => ({ host }) as RequestInfo;
const settings = { publicOrigin: "https://console.example.com" };

describe("metricsHostProblem", () => {
  it.each(["10.1.2.3:3000", "10.1.2.3", "[fd00::1]:3000", "console.example.com"])("answers %s", (host) => {
    expect(metricsHostProblem(info(host), settings)).toBeNull();
  });
  it.each(["evil.example", "rebind.attacker.test:3000", "10.1.2.3.nip.io:3000"])("refuses %s", (host) => {
    expect(metricsHostProblem(info(host), settings)).toMatch(/does not answer to the host/);
  });
});
