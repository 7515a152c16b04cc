import type { Action } from "./actions";

export const roles = ["viewer", "editor", "operator", "admin"] as const;
export type Role = (typeof roles)[number];

const read: readonly Action[] = [
  "session",
  "servers.read",
  "entries.read",
  "entrysets.read",
  "agents.read",
  "federation.read",
  "expiry.read",
  "kubernetes.read",
  "troubleshoot.read",
  "alerts.read",
  "cleanup.preview",
];

const editor: readonly Action[] = [...read, "entries.write"];
const operator: readonly Action[] = [
  ...editor,
  "agents.ban",
  "agents.evict",
  "federation.refresh",
  "troubleshoot.logs",
  "cleanup.apply",
  "alerts.write",
  "kubernetes.suppress",
];
const admin: readonly Action[] = [...operator, "tokens.manage", "audit.read", "authorities.rotate", "federation.write"];

/** What each role may do at all; scopes (servers, SPIFFE-ID paths, DNS suffixes) narrow it further. */
export const roleActions: Record<Role, ReadonlySet<Action>> = {
  viewer: new Set(read),
  editor: new Set(editor),
  operator: new Set(operator),
  admin: new Set(admin),
};

/** Roles whose entry writes are limited by scope and may not touch admin, downstream or node entries. */
export function isScopedWriter(role: Role): boolean {
  return role === "editor" || role === "operator";
}
