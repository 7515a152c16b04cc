#!/usr/bin/env node
// spire-console: entries as code for pipelines. Talks to a running SPIRE Console over HTTP with an
// API token (CI needs no SPIRE access). No dependencies: Node's fetch only.
//   spire-console export --server S [--format console|spire-data|cluster-static-entry] [--spiffe-id-prefix P]
//                        [--parent-id ID] [--ids a,b] [--name N] [--as yaml|json] [-o FILE]
//   spire-console plan   --server S FILE [--prune] [--refresh] [--source-revision REV] [--detailed-exitcode] [--json]
//   spire-console apply  --server S (--plan ID | FILE) [--allow-mass-delete] [--source-revision REV] [--json]
//   spire-console drift  [--json]
// Common: --url URL (or SPIRE_CONSOLE_URL), --token T (or SPIRE_CONSOLE_TOKEN), --server (or SPIRE_CONSOLE_SERVER).
// Exit codes: 0 success (plan: no changes), 1 error, 2 (plan --detailed-exitcode, drift) changes or drift found.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const flags = new Set(["prune", "refresh", "detailed-exitcode", "json", "allow-mass-delete", "help"]);

/** argv → { command, positional, options }. */
export function parseArgs(argv) {
  const [command, ...rest] = argv;
  const options = {};
  const positional = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === "-o") options.output = rest[++i];
    else if (arg.startsWith("--")) {
      const [key, inline] = arg.slice(2).split(/=(.*)/s);
      if (flags.has(key)) options[key] = true;
      else {
        const value = inline ?? rest[++i];
        if (value === undefined) throw new UsageError(`--${key} needs a value`);
        options[key] = value;
      }
    } else positional.push(arg);
  }
  return { command, positional, options };
}

class UsageError extends Error {}
class ApiFailure extends Error {
  constructor(status, body) {
    const error = body?.error;
    super(error ? `${error.code}: ${error.message}` : `HTTP ${status}`);
    this.status = status;
    this.details = error?.details ?? [];
  }
}

function settings(options) {
  const url = (options.url ?? process.env.SPIRE_CONSOLE_URL ?? "").replace(/\/$/, "");
  const token = options.token ?? process.env.SPIRE_CONSOLE_TOKEN;
  if (!url) throw new UsageError("Set --url or SPIRE_CONSOLE_URL to the console's address");
  if (!token) throw new UsageError("Set --token or SPIRE_CONSOLE_TOKEN to an API token");
  return { url, token };
}

async function call(conn, method, route, body, raw = false) {
  const headers = { authorization: `Bearer ${conn.token}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${conn.url}${route}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    redirect: "error",
    signal: AbortSignal.timeout(Number(process.env.SPIRE_CONSOLE_TIMEOUT_MS ?? 300_000)),
  });
  const type = response.headers.get("content-type") ?? "";
  if (response.ok && raw) return { response, payload: null };
  const payload = type.includes("json") ? await response.json().catch(() => null) : null;
  if (!response.ok) throw new ApiFailure(response.status, payload);
  return { response, payload };
}

function serverOf(options) {
  const server = options.server ?? process.env.SPIRE_CONSOLE_SERVER;
  if (!server) throw new UsageError("Set --server (or SPIRE_CONSOLE_SERVER) to the console's server name");
  return encodeURIComponent(server);
}

const show = (value) => (typeof value === "string" ? value : JSON.stringify(value));

/** A plan for people: the summary, each change with its fields, the risks and the guard. */
export function formatPlan(plan) {
  const lines = [`Plan ${plan.id} for server ${plan.server}: ${plan.summaryLine}`];
  const marks = { create: "+", update: "~", delete: "-" };
  for (const change of plan.changes) {
    lines.push(`  ${marks[change.action]} ${change.spiffeId}${change.entryId ? ` (${change.entryId})` : ""}`);
    for (const field of change.fields)
      lines.push(`      ${field.field}: ${show(field.before)} -> ${show(field.after)}`);
  }
  for (const change of plan.federation?.changes ?? []) {
    lines.push(`  ${marks[change.action]} federation with ${change.trustDomain}`);
    for (const field of change.fields)
      lines.push(`      ${field.field}: ${show(field.before)} -> ${show(field.after)}`);
  }
  for (const td of plan.federation?.unmanaged ?? []) lines.push(`  ? unmanaged federation with ${td}`);
  for (const entry of plan.unmanaged.slice(0, 20)) lines.push(`  ? unmanaged ${entry.spiffeId} (${entry.id})`);
  if (plan.unmanaged.length > 20) lines.push(`  ? ... and ${plan.unmanaged.length - 20} more unmanaged`);
  for (const risk of plan.risks) lines.push(`  ! ${risk.kind}: ${risk.spiffeId}: ${risk.message}`);
  if (plan.guard.tripped) lines.push(`  ! mass-delete guard: ${plan.guard.message}`);
  return lines.join("\n");
}

const changeCount = (plan) => plan.summary.create + plan.summary.update + plan.summary.delete;

async function planFile(conn, options, file) {
  if (!file) throw new UsageError("plan needs a FILE (EntrySet YAML/JSON, -data JSON or ClusterStaticEntry YAML)");
  const text = file === "-" ? readFileSync(0, "utf8") : readFileSync(file, "utf8");
  const body = { text, fileName: file === "-" ? undefined : path.basename(file) };
  if (options.prune) body.prune = true;
  if (options.refresh) body.refresh = true;
  if (options["source-revision"]) body.sourceRevision = options["source-revision"];
  const { payload } = await call(conn, "POST", `/api/servers/${serverOf(options)}/plans`, body);
  return payload;
}

const commands = {
  async export(conn, { options }) {
    const query = new URLSearchParams({ format: options.format ?? "console" });
    for (const [flag, key] of [
      ["spiffe-id-prefix", "spiffeIdPrefix"],
      ["parent-id", "parentId"],
      ["ids", "ids"],
      ["name", "name"],
      ["as", "as"],
    ]) {
      if (options[flag]) query.set(key, options[flag]);
    }
    const route = `/api/servers/${serverOf(options)}/entries/export?${query}`;
    const { response } = await call(conn, "GET", route, undefined, true);
    const text = await response.text();
    if (options.output) writeFileSync(options.output, text);
    else process.stdout.write(text);
    if (options.output) console.error(`Exported ${response.headers.get("x-entry-count")} entries to ${options.output}`);
    return 0;
  },
  async plan(conn, { positional, options }) {
    const plan = await planFile(conn, options, positional[0]);
    console.log(options.json ? JSON.stringify(plan, null, 2) : formatPlan(plan));
    return options["detailed-exitcode"] && changeCount(plan) > 0 ? 2 : 0;
  },
  async apply(conn, { positional, options }) {
    let planId = options.plan;
    if (!planId) {
      const plan = await planFile(conn, options, positional[0]);
      if (!options.json) console.log(formatPlan(plan));
      planId = plan.id;
    }
    const body = {};
    if (options["allow-mass-delete"]) body.allowMassDelete = true;
    if (options["source-revision"]) body.sourceRevision = options["source-revision"];
    const route = `/api/servers/${serverOf(options)}/plans/${encodeURIComponent(planId)}/apply`;
    const { payload } = await call(conn, "POST", route, body);
    if (options.json) console.log(JSON.stringify(payload, null, 2));
    else {
      for (const row of payload.results) {
        const mark = row.status.code === "ok" ? "ok " : "ERR";
        const why = row.status.code === "ok" ? "" : `: ${row.status.code}: ${row.status.message}`;
        console.log(`  ${mark} ${row.action} ${row.spiffeId}${row.entryId ? ` (${row.entryId})` : ""}${why}`);
      }
      console.log(`Applied plan ${planId}: ${payload.summary.ok} ok, ${payload.summary.failed} failed.`);
      if (payload.inversePlanId) console.log(`To undo: spire-console apply --plan ${payload.inversePlanId}`);
    }
    return payload.ok ? 0 : 1;
  },
  async drift(conn, { options }) {
    const { payload } = await call(conn, "GET", "/api/entry-sets");
    const sets = payload.sets ?? [];
    if (options.json) console.log(JSON.stringify(payload, null, 2));
    else {
      for (const set of sets) {
        console.log(`${set.name} (${set.server}): ${set.state}${set.summaryLine ? `: ${set.summaryLine}` : ""}`);
        if (set.error) console.log(`  error: ${set.error.code}: ${set.error.message}`);
      }
      if (sets.length === 0) console.log("No entry sets are watched (config entrySets).");
    }
    if (sets.some((s) => s.state === "error")) return 1;
    return sets.some((s) => s.state === "drifted" || s.state === "unmanaged") ? 2 : 0;
  },
};

const usage = `usage: spire-console <export|plan|apply|drift> [options]   (see docs/entries-as-code.md)`;

/** Runs the CLI; resolves to the exit code. */
export async function main(argv) {
  let parsed;
  try {
    parsed = parseArgs(argv);
    const command = commands[parsed.command];
    const help = parsed.options.help || ["--help", "-h", "help"].includes(parsed.command);
    if (!command || help) {
      (help ? console.log : console.error)(usage);
      return help ? 0 : 1;
    }
    return await command(settings(parsed.options), parsed);
  } catch (error) {
    if (error instanceof ApiFailure) {
      console.error(`Error: ${error.message}`);
      for (const detail of error.details.slice(0, 20)) console.error(`  ${detail.path}: ${detail.message}`);
    } else console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("spire-console")) {
  process.exitCode = await main(process.argv.slice(2));
}
