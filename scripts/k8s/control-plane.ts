// Starts etcd and kube-apiserver on 127.0.0.1 (unless running) and waits until they
// serve: etcd's /health, then the API server's /readyz with the admin token.
import { mkdirSync, readFileSync } from "node:fs";

import { say, StackError, stopwatch, tailFile } from "../stack/log.ts";
import { isPortFree } from "../stack/ports.ts";
import { sleep, spawnTracked, trackedPid } from "../stack/process.ts";
import { kubeRequest } from "./kube-http.ts";
import type { K8sPaths } from "./paths.ts";
import type { K8sPorts } from "./ports.ts";
import type { K8sProcess } from "./process.ts";

/** etcd's process identity (its --data-dir is the marker). */
export function etcdProcess(kp: K8sPaths): K8sProcess {
  return {
    label: "etcd",
    binary: kp.etcdBin,
    marker: `--data-dir=${kp.etcdDataDir}`,
    pidPath: kp.etcdPidPath,
    logPath: kp.etcdLogPath,
  };
}

/** kube-apiserver's process identity (its --cert-dir is the marker). */
export function apiserverProcess(kp: K8sPaths): K8sProcess {
  return {
    label: "kube-apiserver",
    binary: kp.apiserverBin,
    marker: `--cert-dir=${kp.certDir}`,
    pidPath: kp.apiserverPidPath,
    logPath: kp.apiserverLogPath,
  };
}

/** Starts etcd unless it runs; resolves once its /health answers. */
export async function ensureEtcd(kp: K8sPaths, ports: K8sPorts): Promise<void> {
  const proc = etcdProcess(kp);
  const pid = trackedPid(proc);
  if (pid !== null) {
    say(`etcd already running (pid ${pid})`);
    return;
  }
  await assertPortsFree(proc, kp, [ports.etcdClient, ports.etcdPeer]);
  mkdirSync(kp.etcdDataDir, { recursive: true, mode: 0o700 });
  const client = `http://127.0.0.1:${ports.etcdClient}`;
  const peer = `http://127.0.0.1:${ports.etcdPeer}`;
  const newPid = spawnTracked(proc, [
    "--name=spire-console",
    proc.marker,
    `--listen-client-urls=${client}`,
    `--advertise-client-urls=${client}`,
    `--listen-peer-urls=${peer}`,
    `--initial-advertise-peer-urls=${peer}`,
    `--initial-cluster=spire-console=${peer}`,
    "--log-level=warn",
  ]);
  say(`starting etcd (pid ${newPid}, ${client}) ...`);
  const took = await waitFor(proc, 30_000, async () => {
    const res = await fetch(`${client}/health`, { signal: AbortSignal.timeout(2_000) });
    return res.ok;
  });
  say(`etcd healthy in ${took}`);
}

/** Starts kube-apiserver unless it runs; resolves once /readyz answers "ok". */
export async function ensureApiserver(kp: K8sPaths, ports: K8sPorts, adminToken: string): Promise<void> {
  const proc = apiserverProcess(kp);
  const server = `https://127.0.0.1:${ports.apiserver}`;
  const ready = async () => {
    const ca = readFileSync(kp.servingCertPath);
    const text = await kubeRequest<string>(
      { server, ca, token: adminToken },
      "GET",
      "/readyz",
      undefined,
      undefined,
      3_000,
    );
    return text === "ok" || (typeof text === "object" && text !== null);
  };
  const pid = trackedPid(proc);
  if (pid !== null) {
    say(`kube-apiserver already running (pid ${pid})`);
    await waitFor(proc, 60_000, ready);
    return;
  }
  await assertPortsFree(proc, kp, [ports.apiserver]);
  const newPid = spawnTracked(proc, [
    `--etcd-servers=http://127.0.0.1:${ports.etcdClient}`,
    "--bind-address=127.0.0.1",
    "--advertise-address=127.0.0.1",
    `--secure-port=${ports.apiserver}`,
    proc.marker,
    `--token-auth-file=${kp.tokenFilePath}`,
    "--authorization-mode=RBAC",
    "--anonymous-auth=false",
    "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
    `--service-account-key-file=${kp.saPubPath}`,
    `--service-account-signing-key-file=${kp.saKeyPath}`,
    "--allow-privileged=true",
    "--service-cluster-ip-range=10.96.0.0/16",
    // Loopback may not be a Service endpoint, and nothing routes to it here anyway.
    "--endpoint-reconciler-type=none",
    "--enable-priority-and-fairness=false",
    // Keep the seeded events for a week-long demo (the default is one hour).
    "--event-ttl=168h",
    "--profiling=false",
    "--v=1",
  ]);
  say(`starting kube-apiserver (pid ${newPid}, ${server}) ...`);
  const took = await waitFor(proc, 120_000, ready);
  say(`kube-apiserver ready in ${took}`);
}

async function assertPortsFree(proc: K8sProcess, kp: K8sPaths, ports: number[]): Promise<void> {
  for (const port of ports) {
    if (!(await isPortFree(port))) {
      throw new StackError(
        `port ${port} of ${proc.label} (remembered in ${kp.portsPath}) is used by another process; stop it, or run stack:down and delete ${kp.dir}`,
      );
    }
  }
}

async function waitFor(proc: K8sProcess, timeoutMs: number, check: () => Promise<boolean>): Promise<string> {
  const elapsed = stopwatch();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return elapsed();
    if (trackedPid(proc) === null) {
      throw new StackError(`${proc.label} exited during start-up; see ${proc.logPath}`, tailFile(proc.logPath, 25));
    }
    if (Date.now() > deadline) {
      throw new StackError(
        `${proc.label} did not become ready within ${timeoutMs / 1000}s; see ${proc.logPath}`,
        tailFile(proc.logPath, 25),
      );
    }
    await sleep(500);
  }
}
