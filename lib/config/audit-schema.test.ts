import { describe, expect, it } from "vitest";

import { consoleConfigSchema } from "./schema";

const withAudit = (audit: unknown) =>
  consoleConfigSchema.safeParse({ servers: [{ name: "foo", address: "unix:///a" }], audit });
const issues = (audit: unknown) => withAudit(audit).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];

describe("audit config", () => {
  it("defaults to a year of retention, no sink and no signing", () => {
    expect(withAudit(undefined).data?.audit).toEqual({ retentionDays: 365 });
  });

  it("refuses a retention under 30 days with the reason", () => {
    expect(issues({ retentionDays: 7 })).toEqual([
      "audit.retentionDays: retentionDays must be at least 30: a shorter audit log can lose an incident before it is looked at",
    ]);
    expect(withAudit({ retentionDays: 30 }).success).toBe(true);
  });

  it("accepts each sink and signing with its defaults", () => {
    expect(withAudit({ sink: { type: "stdout" } }).data?.audit.sink).toEqual({ type: "stdout" });
    expect(withAudit({ sink: { type: "file", path: "/var/log/audit.jsonl" } }).success).toBe(true);
    for (const address of ["udp://127.0.0.1:514", "tcp://[::1]:601", "unix:///run/syslog.sock"]) {
      expect(withAudit({ sink: { type: "syslog", address } }).data?.audit.sink).toEqual({
        type: "syslog",
        address,
        appName: "spire-console",
      });
    }
    expect(withAudit({ signing: { keyFile: "/k.pem" } }).data?.audit.signing).toEqual({
      keyFile: "/k.pem",
      intervalMinutes: 5,
    });
  });

  it.each([
    [{ sink: { type: "file" } }, "audit.sink.path"],
    [{ sink: { type: "syslog", address: "http://127.0.0.1:514" } }, "audit.sink.address"],
    [{ sink: { type: "syslog", address: "udp://127.0.0.1" } }, "audit.sink.address"],
    [{ sink: { type: "kafka" } }, "audit.sink.type"],
    [{ signing: { keyFile: "/k.pem", intervalMinutes: 0 } }, "audit.signing.intervalMinutes"],
    [{ signing: { key: "inline" } }, "audit.signing"],
  ])("names the bad field of %j", (audit, field) => {
    expect(issues(audit).map((i) => i.split(":")[0])).toContain(field);
  });
});
