import "server-only";

import { ApiError } from "@/lib/api/api-error";
import type { ServerConfig } from "@/lib/config/schema";

import { callUnary } from "./call";
import { toIsoTime } from "./mappers";
import type { PbAuthorityState, PbAuthorityStateResponse } from "./proto-types";
import type { AuthorityKind, AuthoritySlots, AuthorityState, AuthorityStateAnswer, LocalAuthorities } from "./types";

function toAuthorityState(pb: PbAuthorityState | null | undefined): AuthorityState | null {
  if (!pb || !pb.authorityId) return null;
  return {
    authorityId: pb.authorityId,
    expiresAt: toIsoTime(pb.expiresAt),
    upstreamAuthoritySubjectKeyId: pb.upstreamAuthoritySubjectKeyId,
  };
}

function toSlots(pb: PbAuthorityStateResponse): AuthoritySlots {
  return {
    active: toAuthorityState(pb.active),
    prepared: toAuthorityState(pb.prepared),
    old: toAuthorityState(pb.old),
  };
}

/** The method-name part of each kind, as @grpc/proto-loader camel-cases `…X509…`, `…JWT…`, `…WIT…`. */
const methodKind: Record<AuthorityKind, string> = { x509: "X509", jwt: "Jwt", wit: "Wit" };

/** One kind's slots (`Get<Kind>AuthorityState`). */
export async function getAuthoritySlots(server: ServerConfig, kind: AuthorityKind): Promise<AuthoritySlots> {
  const method = `get${methodKind[kind]}AuthorityState`;
  return toSlots(await callUnary<PbAuthorityStateResponse>(server, "localAuthority", method, {}));
}

/**
 * A kind's slots, or the server's reason for having none: SPIRE answers Unimplemented for WIT
 * (1.15) and for JWT when JWT-SVIDs are disabled, which is a fact to show, not a failure.
 */
export async function answerAuthoritySlots(server: ServerConfig, kind: AuthorityKind): Promise<AuthorityStateAnswer> {
  try {
    return { supported: true, slots: await getAuthoritySlots(server, kind) };
  } catch (error) {
    if (error instanceof ApiError && /not yet implemented|is disabled/i.test(error.message)) {
      return { supported: false, reason: error.message.replace(/^SPIRE server '[^']*' reported an error: /, "") };
    }
    throw error;
  }
}

/** The active, prepared and old X.509, JWT and (where implemented) WIT authorities of the server. */
export async function getLocalAuthorities(server: ServerConfig): Promise<LocalAuthorities> {
  const [x509, jwt, wit] = await Promise.all([
    getAuthoritySlots(server, "x509"),
    getAuthoritySlots(server, "jwt"),
    answerAuthoritySlots(server, "wit"),
  ]);
  return { x509, jwt, wit };
}

type StateField = "preparedAuthority" | "activatedAuthority" | "taintedAuthority" | "revokedAuthority";

async function callStep(
  server: ServerConfig,
  method: string,
  request: object,
  field: StateField,
): Promise<AuthorityState> {
  const response = await callUnary<Record<StateField, PbAuthorityState | null>>(
    server,
    "localAuthority",
    method,
    request,
  );
  const state = toAuthorityState(response[field]);
  if (!state) throw new ApiError("internal", `SPIRE server '${server.name}' answered ${method} without an authority.`);
  return state;
}

/** `Prepare<Kind>Authority`: a new authority in the next slot, published in the bundle at once. */
export function prepareAuthority(server: ServerConfig, kind: AuthorityKind): Promise<AuthorityState> {
  return callStep(server, `prepare${methodKind[kind]}Authority`, {}, "preparedAuthority");
}

/** `Activate<Kind>Authority`: the prepared authority signs from now on; the active one becomes old. */
export function activateAuthority(server: ServerConfig, kind: AuthorityKind, id: string): Promise<AuthorityState> {
  return callStep(server, `activate${methodKind[kind]}Authority`, { authorityId: id }, "activatedAuthority");
}

/** `Taint<Kind>Authority`: marks the old authority tainted in the bundle, so agents replace what it signed. */
export function taintAuthority(server: ServerConfig, kind: AuthorityKind, id: string): Promise<AuthorityState> {
  return callStep(server, `taint${methodKind[kind]}Authority`, { authorityId: id }, "taintedAuthority");
}

/** `Revoke<Kind>Authority`: removes the old authority from the bundle. */
export function revokeAuthority(server: ServerConfig, kind: AuthorityKind, id: string): Promise<AuthorityState> {
  return callStep(server, `revoke${methodKind[kind]}Authority`, { authorityId: id }, "revokedAuthority");
}

/** `TaintX509UpstreamAuthority` / `RevokeX509UpstreamAuthority` by the upstream CA's subject key ID. */
export async function changeUpstreamAuthority(
  server: ServerConfig,
  step: "taint" | "revoke",
  subjectKeyId: string,
): Promise<string> {
  const response = await callUnary<{ upstreamAuthoritySubjectKeyId: string }>(
    server,
    "localAuthority",
    `${step}X509UpstreamAuthority`,
    { subjectKeyId },
  );
  return response.upstreamAuthoritySubjectKeyId;
}
