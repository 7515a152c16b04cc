import "server-only";

import type { ServerConfig } from "@/lib/config/schema";

import { callUnary } from "./call";
import { toIsoTime } from "./mappers";
import type { PbAuthorityState, PbAuthorityStateResponse } from "./proto-types";
import type { AuthoritySlots, AuthorityState, LocalAuthorities } from "./types";

function toAuthorityState(pb: PbAuthorityState | null): AuthorityState | null {
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

/** The active, prepared and old X.509 and JWT authorities of the server's local CA. */
export async function getLocalAuthorities(server: ServerConfig): Promise<LocalAuthorities> {
  const [x509, jwt] = await Promise.all([
    callUnary<PbAuthorityStateResponse>(server, "localAuthority", "getX509AuthorityState", {}),
    callUnary<PbAuthorityStateResponse>(server, "localAuthority", "getJwtAuthorityState", {}),
  ]);
  return { x509: toSlots(x509), jwt: toSlots(jwt) };
}
