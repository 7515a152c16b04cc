import "server-only";

import { createPrivateKey, X509Certificate } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import type { PeerCertificate } from "node:tls";
import { createSecureContext } from "node:tls";

import * as grpc from "@grpc/grpc-js";

import { ApiError } from "@/lib/api/api-error";
import type { FileTlsConfig, ServerConfig, WorkloadApiTlsConfig } from "@/lib/config/schema";
import { serverSpiffeId } from "@/lib/schemas/spiffe-id";
import { certificatesToPem, spiffeIdFromSan, uriSans } from "@/lib/spiffe/der";
import { resolveWorkloadApiAddress } from "@/lib/spiffe/socket";
import { pickSvid } from "@/lib/spiffe/x509-context";
import { getX509Source, type X509Source } from "@/lib/spiffe/x509-source";

/** The SPIRE server's own SVID as seen in the TLS handshake. */
export type PeerSvid = { spiffeId: string; subject: string; expiresAt: string };

/** Callbacks the connection uses to learn what the handshake saw. */
export type TlsHooks = { onPeer?: (peer: PeerSvid) => void; onVerifyError?: (reason: string) => void };

/**
 * The TLS material of one server at this moment. `key` changes whenever the SVID, key or
 * bundle changes (a rotation); `create` builds channel credentials from exactly that material.
 */
export type TlsMaterial = {
  key: string;
  clientId: string;
  notAfter: Date;
  create: (hooks: TlsHooks) => grpc.ChannelCredentials;
};

// Parsed material per server, rebuilt only when its key changes (not on every call).
const materials = new Map<string, TlsMaterial>();

function cachedMaterial(server: ServerConfig, stamp: string, build: () => Omit<TlsMaterial, "key">): TlsMaterial {
  // The config is part of the key: the verifier captures the server's trust domain.
  const key = `${JSON.stringify([server.address, server.trustDomain ?? null, server.tls ?? null])}#${stamp}`;
  const hit = materials.get(server.name);
  if (hit?.key === key) return hit;
  const material = { key, ...build() };
  materials.set(server.name, material);
  return material;
}

/**
 * Verifies the server as SPIFFE requires, after Node has checked that its chain leads to the
 * bundle we gave it (the secure context's only CAs): the leaf must carry the expected SPIRE
 * server ID. The hostname is not checked: the server is identified by its SPIFFE ID.
 */
export function verifySpireServer(trustDomain: string | undefined, cert: PeerCertificate): string | null {
  const uris = uriSans(cert.subjectaltname);
  if (uris.length !== 1) {
    return `the server certificate must carry exactly one URI SAN (an X509-SVID), it has ${uris.length}`;
  }
  const serverId = spiffeIdFromSan(cert.subjectaltname);
  if (!serverId) return "the server certificate has no SPIFFE ID";
  if (!trustDomain) return "the server has no configured trustDomain, so its SPIFFE ID cannot be checked";
  if (serverId !== serverSpiffeId(trustDomain)) {
    return `server ID mismatch: expected ${serverSpiffeId(trustDomain)}, got ${serverId}`;
  }
  return null;
}

function formatSubject(subject: PeerCertificate["subject"] | undefined): string {
  return Object.entries(subject ?? {})
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join("+") : String(v)}`)
    .join(",");
}

function credentialsFrom(
  server: ServerConfig,
  material: { certPem: string; keyPem: string; bundlePem: string },
  hooks: TlsHooks,
): grpc.ChannelCredentials {
  const context = createSecureContext({ cert: material.certPem, key: material.keyPem, ca: material.bundlePem });
  return grpc.credentials.createFromSecureContext(context, {
    checkServerIdentity: (_host, cert) => {
      const serverId = spiffeIdFromSan(cert.subjectaltname);
      if (serverId) {
        hooks.onPeer?.({
          spiffeId: serverId,
          subject: formatSubject(cert.subject),
          expiresAt: new Date(cert.valid_to).toISOString(),
        });
      }
      const problem = verifySpireServer(server.trustDomain, cert);
      if (problem) hooks.onVerifyError?.(problem);
      return problem ? new Error(problem) : undefined;
    },
  });
}

function unavailable(message: string): ApiError {
  return new ApiError("unavailable", message);
}

function expiredMessage(id: string, notAfter: Date, source: string): string {
  return `The console's X509-SVID ${id} expired at ${notAfter.toISOString()}; ${source}`;
}

// ---- files -------------------------------------------------------------------------------

const fileStamps = new Map<string, { checkedAt: number; stamp: string }>();

/** mtime+size of the three files, re-checked at most once a second per server. */
function fileStamp(server: ServerConfig, tls: FileTlsConfig): string {
  const cacheKey = `${server.name}|${tls.certFile}|${tls.keyFile}|${tls.bundleFile}`;
  const cached = fileStamps.get(cacheKey);
  if (cached && Date.now() - cached.checkedAt < 1_000) return cached.stamp;
  const stamp = [tls.certFile, tls.keyFile, tls.bundleFile]
    .map((file) => {
      try {
        const s = statSync(file);
        return `${s.mtimeMs}:${s.size}`;
      } catch {
        throw unavailable(
          `Cannot read ${file} for SPIRE server '${server.name}': the file does not exist or is unreadable.`,
        );
      }
    })
    .join("|");
  fileStamps.set(cacheKey, { checkedAt: Date.now(), stamp });
  return stamp;
}

function fileMaterial(server: ServerConfig, tls: FileTlsConfig): TlsMaterial {
  const material = cachedMaterial(server, `files:${fileStamp(server, tls)}`, () => readFileMaterial(server, tls));
  if (material.notAfter.getTime() <= Date.now()) {
    throw unavailable(
      expiredMessage(
        material.clientId,
        material.notAfter,
        `replace ${tls.certFile} and ${tls.keyFile} with a current SVID.`,
      ),
    );
  }
  return material;
}

function readFileMaterial(server: ServerConfig, tls: FileTlsConfig): Omit<TlsMaterial, "key"> {
  let certPem: string, keyPem: string, bundlePem: string;
  try {
    [certPem, keyPem, bundlePem] = [tls.certFile, tls.keyFile, tls.bundleFile].map((f) => readFileSync(f, "utf8")) as [
      string,
      string,
      string,
    ];
  } catch (error) {
    throw unavailable(`Cannot read the SVID files of SPIRE server '${server.name}': ${(error as Error).message}`);
  }
  let leaf: X509Certificate;
  try {
    leaf = new X509Certificate(certPem);
  } catch {
    throw unavailable(`${tls.certFile} holds no PEM certificate (SPIRE server '${server.name}').`);
  }
  return {
    clientId: spiffeIdFromSan(leaf.subjectAltName) ?? "(no SPIFFE ID)",
    notAfter: new Date(leaf.validTo),
    create: (hooks) => credentialsFrom(server, { certPem, keyPem, bundlePem }, hooks),
  };
}

// ---- Workload API ----------------------------------------------------------------------

/** The Workload API source a server uses; throws 503 when no socket is configured. */
export function workloadApiSource(server: ServerConfig, tls: WorkloadApiTlsConfig): X509Source {
  const address = resolveWorkloadApiAddress(tls.socket);
  if (!address) {
    throw unavailable(
      `SPIRE server '${server.name}' uses the Workload API, but no socket is configured: set tls.socket, workloadApi.socket or SPIFFE_ENDPOINT_SOCKET.`,
    );
  }
  try {
    return getX509Source(address);
  } catch (error) {
    throw unavailable((error as Error).message);
  }
}

function workloadApiMaterial(server: ServerConfig, tls: WorkloadApiTlsConfig): TlsMaterial {
  const source = workloadApiSource(server, tls);
  const context = source.current();
  if (!context) {
    throw unavailable(
      `The console has no X509-SVID yet for SPIRE server '${server.name}': ${source.lastError() ?? `waiting for the Workload API at ${source.socket}`}`,
    );
  }
  const svid = pickSvid(context, tls.spiffeId);
  if (!svid) {
    const issued = context.svids.map((s) => s.spiffeId).join(", ") || "none";
    throw unavailable(
      `The SPIRE agent at ${source.socket} issued no X509-SVID for ${tls.spiffeId} to the console (it issued: ${issued}).`,
    );
  }
  if (svid.notAfter.getTime() <= Date.now()) {
    const why = source.isUp()
      ? "the agent has not sent a new one yet."
      : `the Workload API at ${source.socket} is down: ${source.lastError()}`;
    throw unavailable(expiredMessage(svid.spiffeId, svid.notAfter, why));
  }
  return cachedMaterial(server, `workloadApi:${source.socket}#${source.generation}:${svid.spiffeId}`, () => {
    const bundlePem = tls.bundleFile
      ? readBundleFile(server, tls.bundleFile)
      : workloadApiBundle(server, source, svid.spiffeId);
    const certPem = certificatesToPem(svid.chain);
    const keyPem = createPrivateKey({ key: svid.key, format: "der", type: "pkcs8" })
      .export({ format: "pem", type: "pkcs8" })
      .toString();
    return {
      clientId: svid.spiffeId,
      notAfter: svid.notAfter,
      create: (hooks) => credentialsFrom(server, { certPem, keyPem, bundlePem }, hooks),
    };
  });
}

function readBundleFile(server: ServerConfig, file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw unavailable(`Cannot read bundleFile ${file} of SPIRE server '${server.name}': ${(error as Error).message}`);
  }
}

/** PEM of the Workload API's bundle for the server's trust domain (own or federated). */
function workloadApiBundle(server: ServerConfig, source: X509Source, clientId: string): string {
  const trustDomain = server.trustDomain ?? "";
  const bundles = source.current()?.bundles ?? new Map<string, Buffer[]>();
  const bundle = bundles.get(trustDomain);
  if (!bundle || bundle.length === 0) {
    throw unavailable(
      `The Workload API at ${source.socket} holds no X.509 bundle for ${trustDomain} (it has: ${[...bundles.keys()].join(", ") || "none"}): ` +
        `let ${clientId}'s entry federate with ${trustDomain}, or set tls.bundleFile.`,
    );
  }
  return certificatesToPem(bundle);
}

/**
 * The current mTLS material of a host:port server (files re-read when they change, or the
 * Workload API's latest SVID). Throws a 503 ApiError that says what is missing: no socket, no
 * SVID yet, an expired SVID, no bundle for the server's trust domain, unreadable files.
 */
export function currentTlsMaterial(server: ServerConfig): TlsMaterial {
  const tls = server.tls;
  if (!tls) throw unavailable(`SPIRE server '${server.name}' has a host:port address but no tls settings.`);
  return tls.source === "workloadApi" ? workloadApiMaterial(server, tls) : fileMaterial(server, tls);
}

/** Waits (at most the server's deadline) until a Workload API source has answered once. */
export async function prepareTls(server: ServerConfig): Promise<void> {
  if (server.tls?.source !== "workloadApi") return;
  await workloadApiSource(server, server.tls).settled(server.timeoutMs);
}
