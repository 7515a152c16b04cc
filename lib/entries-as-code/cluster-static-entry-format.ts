import { parseAllDocuments, stringify } from "yaml";

import { parseSelector } from "@/lib/schemas/selector";

import { formatGoDuration, parseGoDuration } from "./go-duration";
import type { DeclaredEntry } from "./types";

// spire-controller-manager's ClusterStaticEntry (spire.spiffe.io/v1alpha1), one YAML document per
// entry, as `kubectl apply` and the controller's `staticManifestPath` read them. The CRD has no
// entry ID, storeSvid, expiry or AdditionalAttributes: those ride in annotations the controller
// ignores, so a file exported here plans back to no changes.

export const CSE_API_VERSION = "spire.spiffe.io/v1alpha1";
export const CSE_KIND = "ClusterStaticEntry";
const annotation = {
  id: "spire-console/entry-id",
  storeSvid: "spire-console/store-svid",
  expiresAt: "spire-console/expires-at",
  prefetch: "spire-console/disable-x509-svid-prefetch",
  jti: "spire-console/jwt-svid-include-jti",
} as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A DNS-1123 name for the object: from the entry ID, else from the SPIFFE ID path (numbered to stay unique). */
function objectName(entry: DeclaredEntry, index: number): string {
  const base = (entry.id ?? `${entry.spiffeId.replace(/^spiffe:\/\/[^/]+/, "")}-${index}`)
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, "-")
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "");
  return (base || `entry-${index}`).slice(0, 253);
}

/** Entries as ClusterStaticEntry documents separated by `---`. */
export function writeClusterStaticEntries(entries: DeclaredEntry[]): string {
  return entries
    .map((entry, index) => {
      const annotations: Record<string, string> = {};
      if (entry.id) annotations[annotation.id] = entry.id;
      if (entry.storeSvid) annotations[annotation.storeSvid] = "true";
      if (entry.expiresAt) annotations[annotation.expiresAt] = entry.expiresAt;
      if (entry.additionalAttributes?.disableX509SvidPrefetch) annotations[annotation.prefetch] = "true";
      if (entry.additionalAttributes?.jwtSvidIncludeJti) annotations[annotation.jti] = "true";
      const spec: Record<string, unknown> = {
        spiffeID: entry.spiffeId,
        parentID: entry.parentId,
        selectors: entry.selectors.map((s) => `${s.type}:${s.value}`),
      };
      if (entry.federatesWith?.length) spec.federatesWith = entry.federatesWith;
      if (entry.x509SvidTtl) spec.x509SVIDTTL = formatGoDuration(entry.x509SvidTtl);
      if (entry.jwtSvidTtl) spec.jwtSVIDTTL = formatGoDuration(entry.jwtSvidTtl);
      if (entry.dnsNames?.length) spec.dnsNames = entry.dnsNames;
      if (entry.hint) spec.hint = entry.hint;
      if (entry.admin) spec.admin = true;
      if (entry.downstream) spec.downstream = true;
      const metadata = { name: objectName(entry, index), ...(Object.keys(annotations).length ? { annotations } : {}) };
      return stringify({ apiVersion: CSE_API_VERSION, kind: CSE_KIND, metadata, spec }, { lineWidth: 0 });
    })
    .join("---\n");
}

/** True when the YAML text has a ClusterStaticEntry document. */
export function looksLikeClusterStaticEntries(text: string): boolean {
  return /^kind:\s*["']?ClusterStaticEntry["']?\s*$/m.test(text);
}

type Read = { entries: Record<string, unknown>[]; problems: { path: string; message: string }[] };

/** Reads every ClusterStaticEntry document of a multi-document YAML (other kinds are reported). */
export function readClusterStaticEntries(text: string): Read {
  const out: Read = { entries: [], problems: [] };
  parseAllDocuments(text).forEach((doc, i) => {
    const where = `documents[${i}]`;
    if ("errors" in doc && doc.errors.length) {
      out.problems.push({ path: where, message: doc.errors[0]!.message });
      return;
    }
    const value = doc.toJS() as unknown;
    if (value === null || value === undefined) return;
    if (!isObject(value) || value.kind !== CSE_KIND || value.apiVersion !== CSE_API_VERSION) {
      out.problems.push({ path: where, message: `Expected apiVersion ${CSE_API_VERSION}, kind ${CSE_KIND}` });
      return;
    }
    const entry = fromSpec(value, where, out.problems);
    if (entry) out.entries.push(entry);
  });
  return out;
}

const specKeys = new Set([
  "spiffeID",
  "parentID",
  "selectors",
  "federatesWith",
  "x509SVIDTTL",
  "jwtSVIDTTL",
  "dnsNames",
  "hint",
  "admin",
  "downstream",
  "className",
]);

function fromSpec(doc: Record<string, unknown>, where: string, problems: Read["problems"]) {
  const spec = isObject(doc.spec) ? doc.spec : {};
  const metadata = isObject(doc.metadata) ? doc.metadata : {};
  const notes = isObject(metadata.annotations) ? metadata.annotations : {};
  const before = problems.length;
  for (const key of Object.keys(spec)) {
    if (!specKeys.has(key)) problems.push({ path: `${where}.spec.${key}`, message: `Unknown field '${key}'` });
  }
  const entry: Record<string, unknown> = { spiffeId: spec.spiffeID, parentId: spec.parentID };
  if (typeof notes[annotation.id] === "string") entry.id = notes[annotation.id];
  const selectors = Array.isArray(spec.selectors) ? spec.selectors : [];
  entry.selectors = selectors.map((text, j) => {
    const parsed = typeof text === "string" ? parseSelector(text) : { error: "A selector must be 'type:value'" };
    if ("error" in parsed) problems.push({ path: `${where}.spec.selectors.${j}`, message: parsed.error });
    return parsed;
  });
  for (const [key, field] of [
    ["x509SVIDTTL", "x509SvidTtl"],
    ["jwtSVIDTTL", "jwtSvidTtl"],
  ] as const) {
    if (spec[key] === undefined) continue;
    const seconds = typeof spec[key] === "string" ? parseGoDuration(spec[key]) : null;
    if (seconds === null) problems.push({ path: `${where}.spec.${key}`, message: "Must be a duration such as 1h" });
    else entry[field] = seconds;
  }
  for (const key of ["federatesWith", "dnsNames", "hint", "admin", "downstream"] as const) {
    if (spec[key] !== undefined) entry[key] = spec[key];
  }
  if (notes[annotation.storeSvid] === "true") entry.storeSvid = true;
  if (typeof notes[annotation.expiresAt] === "string") entry.expiresAt = notes[annotation.expiresAt];
  const attributes = {
    ...(notes[annotation.prefetch] === "true" ? { disableX509SvidPrefetch: true } : {}),
    ...(notes[annotation.jti] === "true" ? { jwtSvidIncludeJti: true } : {}),
  };
  if (Object.keys(attributes).length) entry.additionalAttributes = attributes;
  return problems.length === before ? entry : null;
}
