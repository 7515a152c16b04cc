import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import type { Namespace, ReflectionObject, Root } from "protobufjs";
import protobuf from "protobufjs";
import descriptor from "protobufjs/ext/descriptor/index.js";

/** The include dir our gRPC client loads its .proto files from. */
export const OUR_PROTO_DIR = path.resolve(import.meta.dirname, "../../proto");

/** Every service the console's client must be able to call. */
export const CONSOLE_SERVICES = [
  "spire.api.server.entry.v1.Entry",
  "spire.api.server.agent.v1.Agent",
  "spire.api.server.bundle.v1.Bundle",
  "spire.api.server.trustdomain.v1.TrustDomain",
  "spire.api.server.localauthority.v1.LocalAuthority",
  "spire.api.server.debug.v1.Debug",
  "grpc.health.v1.Health",
  "SpiffeWorkloadAPI",
] as const;

/**
 * Returns the directory of a Go module version (`module@version`), downloading
 * it into the Go module cache if needed. Throws with a readable reason when Go
 * is missing or the download fails.
 */
export function locateGoModule(moduleAtVersion: string): string {
  // Run outside any go.mod so the explicit version is the only input.
  const result = spawnSync("go", ["mod", "download", "-json", moduleAtVersion], {
    cwd: os.tmpdir(),
    encoding: "utf8",
    timeout: 180_000,
  });
  if (result.error) {
    throw new Error(
      `cannot run \`go mod download -json ${moduleAtVersion}\`: ${result.error.message}. ` +
        "Install Go (https://go.dev/dl) so the upstream .proto files can be found.",
    );
  }
  let info: { Dir?: string; Error?: string } = {};
  try {
    info = JSON.parse(result.stdout) as typeof info;
  } catch {
    // Reported below together with stderr.
  }
  if (result.status !== 0 || !info.Dir) {
    const reason = info.Error || result.stderr.trim() || `exit status ${String(result.status)}`;
    throw new Error(`\`go mod download -json ${moduleAtVersion}\` failed: ${reason}`);
  }
  return info.Dir;
}

/**
 * Parses every .proto file under `includeDir` (imports resolve against it,
 * google/protobuf/* against protobufjs's bundled copies) with original field
 * names, resolves all types, and records each file path relative to
 * `includeDir` so trees from different dirs can be compared.
 */
export function loadProtoTree(includeDir: string): Root {
  const files = readdirSync(includeDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".proto"))
    .sort();
  if (files.length === 0) throw new Error(`no .proto files under ${includeDir}`);
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => (path.isAbsolute(target) ? target : path.join(includeDir, target));
  root.loadSync(files, { keepCase: true, alternateCommentMode: false });
  root.resolveAll();
  relativizeFilenames(root, includeDir);
  return root;
}

/**
 * Builds a tree from the serialized FileDescriptorProto that protoc-gen-go
 * embeds in a generated `*.pb.go` file (`const file_..._rawDesc = "..."`).
 * Used where a Go module ships only generated code, not the .proto source.
 */
export function loadGoEmbeddedDescriptor(pbGoFile: string): Root {
  const source = readFileSync(pbGoFile, "utf8");
  const start = /const file_\w+_rawDesc = /.exec(source);
  if (!start) throw new Error(`no rawDesc string constant in ${pbGoFile}`);
  const bytes = decodeGoStringConcat(source, start.index + start[0].length);
  const file = descriptor.FileDescriptorProto.decode(bytes);
  // ext/descriptor adds Root.fromDescriptor at runtime; its typings do not declare it.
  const RootWithDescriptors = protobuf.Root as unknown as { fromDescriptor(set: { file: protobuf.Message[] }): Root };
  return RootWithDescriptors.fromDescriptor({ file: [file] });
}

/** Moves every top-level package of `from` into `into` and re-resolves `into`. */
export function mergeRoots(into: Root, from: Root): Root {
  for (const obj of [...from.nestedArray]) {
    from.remove(obj);
    mergeNamespace(into, obj);
  }
  into.resolveAll();
  return into;
}

function mergeNamespace(into: Namespace, obj: ReflectionObject): void {
  const existing = into.get(obj.name);
  if (!existing) {
    into.add(obj);
  } else if (existing instanceof protobuf.Namespace && !(existing instanceof protobuf.Type)) {
    const ns = obj as Namespace;
    for (const child of [...ns.nestedArray]) {
      ns.remove(child);
      mergeNamespace(existing, child);
    }
  } else {
    throw new Error(`cannot merge ${obj.fullName}: already defined`);
  }
}

function relativizeFilenames(ns: Namespace, includeDir: string): void {
  for (const obj of ns.nestedArray) {
    if (obj.filename && path.isAbsolute(obj.filename)) obj.filename = path.relative(includeDir, obj.filename);
    if (obj instanceof protobuf.Namespace) relativizeFilenames(obj, includeDir);
  }
}

/** Decodes `"..." + "..." + ...` (Go interpreted string literals) starting at `from`. */
function decodeGoStringConcat(source: string, from: number): Uint8Array {
  const out: number[] = [];
  let i = from;
  const skipSpace = () => {
    while (/\s/.test(source[i] ?? "")) i++;
  };
  for (;;) {
    skipSpace();
    if (source[i] !== '"') throw new Error(`expected a Go string literal at offset ${i}`);
    i++;
    while (source[i] !== '"') {
      const ch = source[i];
      if (ch === undefined || ch === "\n") throw new Error("unterminated Go string literal");
      if (ch !== "\\") {
        const cp = source.codePointAt(i)!;
        out.push(...Buffer.from(String.fromCodePoint(cp), "utf8"));
        i += cp > 0xffff ? 2 : 1;
        continue;
      }
      const esc = source[i + 1];
      const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, "\\": 92, "'": 39, '"': 34 };
      if (esc !== undefined && esc in simple) {
        out.push(simple[esc]!);
        i += 2;
      } else if (esc === "x") {
        out.push(parseInt(source.slice(i + 2, i + 4), 16));
        i += 4;
      } else if (esc !== undefined && /[0-7]/.test(esc)) {
        out.push(parseInt(source.slice(i + 1, i + 4), 8));
        i += 4;
      } else if (esc === "u" || esc === "U") {
        const len = esc === "u" ? 4 : 8;
        out.push(...Buffer.from(String.fromCodePoint(parseInt(source.slice(i + 2, i + 2 + len), 16)), "utf8"));
        i += 2 + len;
      } else {
        throw new Error(`unknown Go escape \\${esc}`);
      }
    }
    i++;
    skipSpace();
    if (source[i] !== "+") break;
    i++;
  }
  return Uint8Array.from(out);
}
