import "server-only";

import { readFileSync, statSync } from "node:fs";
import path from "node:path";

import { parse as parseYaml } from "yaml";

import { type ConsoleConfig, consoleConfigSchema } from "./schema";

export type ConfigState =
  | { status: "ok"; source: string; config: ConsoleConfig }
  | { status: "unconfigured"; searched: string[] }
  | { status: "invalid"; source: string; message: string };

let cached: { source: string; mtimeMs: number; state: ConfigState } | undefined;

/** Where the config is looked for: `SPIRE_CONSOLE_CONFIG`, else `.stack/console.json` when present. */
function configCandidates(): string[] {
  const explicit = process.env.SPIRE_CONSOLE_CONFIG;
  if (explicit) return [path.resolve(explicit)];
  return [path.resolve(process.cwd(), ".stack", "console.json")];
}

/**
 * Reads and validates the console's server list. The file is re-read when it changes, so
 * a stack started after the console is picked up without a restart. Never throws.
 */
export function loadConfig(): ConfigState {
  const candidates = configCandidates();
  const explicit = Boolean(process.env.SPIRE_CONSOLE_CONFIG);
  for (const source of candidates) {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(source).mtimeMs;
    } catch {
      if (explicit)
        return { status: "invalid", source, message: `SPIRE_CONSOLE_CONFIG points at ${source}, which does not exist` };
      continue;
    }
    if (cached && cached.source === source && cached.mtimeMs === mtimeMs) return cached.state;
    const state = readConfigFile(source);
    cached = { source, mtimeMs, state };
    return state;
  }
  return { status: "unconfigured", searched: candidates };
}

/** Parses one config file (JSON, or YAML for .yaml/.yml) and validates it. */
export function readConfigFile(source: string): ConfigState {
  let raw: unknown;
  let text = "";
  try {
    text = readFileSync(source, "utf8");
    raw = /\.ya?ml$/i.test(source) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    return { status: "invalid", source, message: `cannot parse ${source}: ${describeParseError(error, text)}` };
  }
  const result = consoleConfigSchema.safeParse(raw);
  if (result.success) return { status: "ok", source, config: result.data };
  const message = result.error.issues
    .map((issue) => `${issue.path.map(String).join(".") || "(root)"}: ${issue.message}`)
    .join("; ");
  return { status: "invalid", source, message: `invalid config ${source}: ${message}` };
}

/**
 * Where a config file fails to parse, without quoting it: parser messages (JSON.parse's and the
 * YAML library's) include excerpts of the file, and the file may hold secrets.
 */
function describeParseError(error: unknown, text: string): string {
  if (!(error instanceof Error)) return "unreadable file";
  const yamlPos = (error as { linePos?: { line: number; col: number }[] }).linePos?.[0];
  if (yamlPos) return `invalid YAML at line ${yamlPos.line}, column ${yamlPos.col}`;
  const position = /position (\d+)/.exec(error.message);
  if (position) {
    const before = text.slice(0, Number(position[1]));
    const line = before.split("\n").length;
    return `invalid JSON at line ${line}, column ${before.length - before.lastIndexOf("\n")}`;
  }
  if (error instanceof SyntaxError) return "invalid JSON";
  return (error as NodeJS.ErrnoException).code ?? "unreadable file";
}
