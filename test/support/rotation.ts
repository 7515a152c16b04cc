// Helpers for the CA rotation tests: the cockpit through the API, the CLI's view of the same
// authorities, and a workload's SVID fetched from a stack agent with `spire-agent api fetch`.
import { expect } from "vitest";

import { splitDerCertificates } from "../../lib/spiffe/der";
import { authorityKeyIdOf, subjectKeyIdOf } from "../../lib/spiffe/key-ids";
import { readKubeconfigTarget } from "../../scripts/k8s/kubeconfig.ts";
import { seedBundle } from "../../scripts/k8s/seed.ts";
import { runOrThrow } from "../../scripts/stack/exec.ts";
import { spireServer, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { apiGet, consoleFetch, stackState, waitFor } from "./api";

export type Kind = "x509" | "jwt";
type Slot = { authorityId: string; expiresAt: string | null } | null;
export type Check = { id: string; state: string; required: boolean; detail: string; label: string };
export type Step = {
  id: string;
  allowed: boolean;
  done: boolean;
  doneBy: { by: string | null; at: string } | null;
  authorityId: string | null;
  checks: Check[];
};
export type View = {
  phase: string;
  revoked: { at: string; source: string } | null;
  slots: { active: Slot; prepared: Slot; old: Slot };
  copies: { kind: string; server: string | null; authorities: { id: string; tainted: boolean }[] | null }[];
  steps: Step[];
};

/** The cockpit's view of one kind on foo. */
export async function rotationView(kind: Kind, server = "foo"): Promise<View> {
  const res = await apiGet<Record<Kind, View>>(`/api/servers/${server}/authorities/rotation`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body[kind];
}

export const stepOf = (view: View, id: string) => view.steps.find((s) => s.id === id)!;

/** POSTs one step as the run's admin (or with `token`). */
export async function runStep(kind: Kind, step: string, authorityId: string | null, token?: string) {
  const response = await consoleFetch(`/api/servers/foo/authorities/${kind}/${step}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ authorityId }),
  });
  const body = (await response.json()) as {
    authority?: { authorityId: string };
    view?: View;
    error?: { code: string; message: string };
  };
  return { status: response.status, body };
}

/** Waits until the step's preconditions hold (as the console reports them), within `timeoutMs`. */
export async function waitUntilAllowed(kind: Kind, step: string, timeoutMs: number): Promise<View> {
  let last: View | undefined;
  try {
    return await waitFor(
      async () => {
        last = await rotationView(kind);
        return stepOf(last, step).allowed ? last : undefined;
      },
      timeoutMs,
      `${kind} ${step} allowed`,
    );
  } catch (error) {
    const failing = last ? stepOf(last, step).checks.filter((c) => c.required && c.state !== "ok") : [];
    throw new Error(`${(error as Error).message}; still failing: ${JSON.stringify(failing)}`, { cause: error });
  }
}

type CliSlot = { authority_id: string; expires_at: string } | undefined;
export type CliState = { active?: CliSlot; prepared?: CliSlot; old?: CliSlot };

/** `spire-server localauthority <kind> show` on foo. */
export function cliAuthorities(kind: Kind): Promise<CliState> {
  return spireServerJson<CliState>("foo", ["localauthority", kind, "show"], stackState());
}

type CliBundle = {
  x509_authorities: { asn1: string; tainted: boolean }[];
  jwt_authorities: { key_id: string; tainted: boolean }[];
};

/** `spire-server bundle show` (own bundle) or `bundle list -id` (a federated copy) as { id, tainted }. */
export async function cliBundle(kind: Kind, server = "foo", of?: string): Promise<{ id: string; tainted: boolean }[]> {
  const args = of ? ["bundle", "list", "-id", `spiffe://${of}`] : ["bundle", "show"];
  const bundle = await spireServerJson<CliBundle>(server, args, stackState());
  return kind === "x509"
    ? bundle.x509_authorities.map((a) => ({
        id: subjectKeyIdOf(Buffer.from(a.asn1, "base64")) ?? "",
        tainted: a.tainted,
      }))
    : bundle.jwt_authorities.map((a) => ({ id: a.key_id, tainted: a.tainted }));
}

/**
 * A workload's X509-SVIDs from a foo agent (`spire-agent api fetch x509` as this uid: the console's
 * own entry is `unix:uid:0` on foo-agent-1), with the authority that signed each and the bundle's CAs.
 */
export async function fetchWorkloadSvids(agent = "foo-agent-1") {
  const state = stackState();
  const socket = state.servers.flatMap((s) => s.agents).find((a) => a.name === agent)!.socketPath;
  const out = await runOrThrow(state.bin.spireAgent, [
    "api",
    "fetch",
    "x509",
    "-socketPath",
    socket,
    "-output",
    "json",
  ]);
  const parsed = JSON.parse(out.stdout) as { svids: { spiffe_id: string; x509_svid: string; bundle: string }[] };
  return parsed.svids.map((svid) => {
    const chain = splitDerCertificates(Buffer.from(svid.x509_svid, "base64"));
    return {
      spiffeId: svid.spiffe_id,
      signer: authorityKeyIdOf(chain.at(-1)!),
      bundle: splitDerCertificates(Buffer.from(svid.bundle, "base64")).map((der) => subjectKeyIdOf(der)),
    };
  });
}

/**
 * Writes the spire-bundle ConfigMap the console watches, as SPIRE's k8sbundle notifier would: foo's
 * current bundle (`bundle show -format pem`), or `pem` when given (e.g. a stale copy). Returns what it wrote.
 */
export async function publishBundleConfigMap(pem?: string): Promise<string> {
  const state = stackState();
  const text = pem ?? (await spireServer("foo", ["bundle", "show", "-format", "pem"], state));
  // Every local cluster whose agents attest to foo watches its own copy (demo and edge), as the stack publishes them.
  const serving = state.kubernetes!.clusters!.filter((c) => c.deployments.some((d) => d.spireServer === "foo"));
  await Promise.all(serving.map((c) => seedBundle(readKubeconfigTarget(c.adminKubeconfig), text)));
  return text;
}

/** The required checks of a step that do not hold now. */
export const failingChecks = (view: View, step: string) =>
  stepOf(view, step).checks.filter((c) => c.required && c.state !== "ok");

/**
 * Waits until the only things a step still waits for are the watched bundle ConfigMaps (one per cluster that
 * serves foo: demo and edge); returns demo's check.
 */
export async function waitUntilOnlyConfigMapBlocks(kind: Kind, step: string, timeoutMs: number): Promise<Check> {
  return waitFor(
    async () => {
      const failing = failingChecks(await rotationView(kind), step);
      const onlyConfigMaps = failing.length > 0 && failing.every((c) => c.id.startsWith("holds:configmap:"));
      return onlyConfigMaps ? failing.find((c) => c.id.includes("(cluster demo)")) : undefined;
    },
    timeoutMs,
    `${kind} ${step} blocked by the bundle ConfigMap alone`,
  );
}
