// Internal file paths in error messages are for admins only: a viewer reads the same failure from
// the API and from a part of a page with the paths hidden, an admin reads them whole. The failure
// is real: a server whose SVID files do not exist, so the console's own error names the file.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { findFreePort } from "../../scripts/stack/ports.ts";
import { consoleFetch } from "../support/api";
import { type RunningConsole, startConsole } from "../support/console-server";

const dir = mkdtempSync(path.join(tmpdir(), "spire-console-redact-"));
const missingCert = path.join(dir, "missing", "svid.pem");
let running: RunningConsole;
let viewerToken: string;

beforeAll(async () => {
  const stackConsole = JSON.parse(readFileSync(path.join(inject("stackDir"), "console.json"), "utf8")) as {
    servers: unknown[];
  };
  const noFiles = {
    name: "nofiles",
    address: `127.0.0.1:${await findFreePort()}`,
    trustDomain: "nofiles.example.com",
    tls: {
      source: "files",
      certFile: missingCert,
      keyFile: path.join(dir, "missing", "key.pem"),
      bundleFile: missingCert,
    },
  };
  const file = path.join(dir, "console.json");
  writeFileSync(file, JSON.stringify({ ...stackConsole, servers: [...stackConsole.servers, noFiles] }));
  running = await startConsole({ SPIRE_CONSOLE_CONFIG: file });
  const created = await consoleFetch(`${running.url}/api/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "redaction viewer", bindings: [{ role: "viewer" }] }),
  });
  const body = (await created.json()) as { token?: string };
  if (created.status !== 201 || !body.token) throw new Error(`viewer token: HTTP ${created.status}`);
  viewerToken = body.token;
}, 120_000);

afterAll(async () => {
  await running?.stop();
});

/** GET `route` on the console with the given bearer token (the admin's when none). */
function get(route: string, token?: string): Promise<Response> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  return consoleFetch(`${running.url}${route}`, { headers });
}

describe("file paths in errors", () => {
  it("are hidden from a viewer by the API and shown to an admin", async () => {
    const asViewer = await get("/api/servers/nofiles/authorities", viewerToken);
    expect(asViewer.status).toBe(503);
    const viewerError = ((await asViewer.json()) as { error: { message: string } }).error.message;
    expect(viewerError).toContain("SPIRE server 'nofiles'");
    expect(viewerError).toContain("(path hidden)");
    expect(viewerError).not.toContain(dir);

    const asAdmin = await get("/api/servers/nofiles/authorities");
    expect(asAdmin.status).toBe(503);
    expect(((await asAdmin.json()) as { error: { message: string } }).error.message).toContain(missingCert);
  });

  it("are hidden from a viewer in a page part's error, and shown to an admin, as the API does", async () => {
    const asViewer = await get("/authorities?server=nofiles", viewerToken);
    expect(asViewer.status).toBe(200);
    const viewerHtml = await asViewer.text();
    expect(viewerHtml).toContain("Could not read the authorities of nofiles");
    expect(viewerHtml).toContain("(path hidden)");
    expect(viewerHtml).not.toContain(dir);

    const adminHtml = await (await get("/authorities?server=nofiles")).text();
    expect(adminHtml).toContain("Could not read the authorities of nofiles");
    expect(adminHtml).toContain(missingCert);
  });

  it("are hidden from a viewer on the entry page too (every per-server page reads its parts the same way)", async () => {
    const html = await (await get("/entries/some-id?server=nofiles", viewerToken)).text();
    expect(html).toContain("Could not load this entry");
    expect(html).toContain("(path hidden)");
    expect(html).not.toContain(dir);
  });
});
