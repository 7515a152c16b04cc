// Demo "fleet" PKI for x509pop agents: one CA plus one leaf cert+key per agent
// (subject CN = agent name). Uses the openssl CLI, or node:crypto if it is missing.
import { randomBytes, X509Certificate } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import { run, runOrThrow } from "./exec.ts";
import { say } from "./log.ts";
import { issueCertificate } from "./x509-der.ts";

export interface FleetCert {
  certPath: string;
  keyPath: string;
  /** SHA-1 of the DER certificate, lowercase hex (SPIRE's x509pop fingerprint format). */
  fingerprint: string;
}

export interface FleetPki {
  caPath: string;
  ca: FleetCert;
  agents: Record<string, FleetCert>;
}

const ORG = "SPIRE Console Demo Fleet";
const DAYS = 3650;

/** Creates (once) and returns the fleet CA and the leaf certificates of `agentNames`. */
export async function ensureFleetPki(
  dir: string,
  trustDomain: string,
  agentNames: readonly string[],
): Promise<FleetPki> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const useOpenssl = process.env.SPIRE_CONSOLE_PKI !== "node" && (await hasOpenssl());
  const ca = { certPath: path.join(dir, "fleet-ca.crt"), keyPath: path.join(dir, "fleet-ca.key") };
  if (!existsSync(ca.certPath) || !existsSync(ca.keyPath)) {
    say(`creating demo fleet CA in ${dir} (${useOpenssl ? "openssl" : "node:crypto"})`);
    if (useOpenssl) {
      await runOrThrow("openssl", [
        "req",
        "-x509",
        "-new",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        ca.keyPath,
        "-out",
        ca.certPath,
        "-days",
        String(DAYS),
        "-subj",
        `/O=${ORG}/CN=Demo Fleet CA`,
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign",
      ]);
    } else {
      const { certPem, keyPem } = issueCertificate({
        commonName: "Demo Fleet CA",
        organization: ORG,
        isCA: true,
        days: DAYS,
      });
      writeFileSync(ca.certPath, certPem);
      writeFileSync(ca.keyPath, keyPem, { mode: 0o600 });
    }
  }
  const agents: Record<string, FleetCert> = {};
  for (const name of agentNames) {
    const leaf = { certPath: path.join(dir, `${name}.crt`), keyPath: path.join(dir, `${name}.key`) };
    if (!existsSync(leaf.certPath) || !existsSync(leaf.keyPath)) {
      // A URI SAN of the form x509pop://<td>/<key>/<value> becomes selector x509pop:san:<key>:<value>.
      const uri = `x509pop://${trustDomain}/datacenter/dc-1`;
      if (useOpenssl) await issueLeafWithOpenssl(dir, name, uri, ca, leaf);
      else {
        const issuer = { commonName: "Demo Fleet CA", organization: ORG, keyPem: readFileSync(ca.keyPath, "utf8") };
        const { certPem, keyPem } = issueCertificate({
          commonName: name,
          organization: ORG,
          isCA: false,
          uris: [uri],
          days: DAYS,
          issuer,
        });
        writeFileSync(leaf.certPath, certPem);
        writeFileSync(leaf.keyPath, keyPem, { mode: 0o600 });
      }
    }
    agents[name] = { ...leaf, fingerprint: fingerprintOf(leaf.certPath) };
  }
  return { caPath: ca.certPath, ca: { ...ca, fingerprint: fingerprintOf(ca.certPath) }, agents };
}

async function hasOpenssl(): Promise<boolean> {
  const result = await run("openssl", ["version"]).catch(() => null);
  return result?.code === 0;
}

async function issueLeafWithOpenssl(
  dir: string,
  name: string,
  uri: string,
  ca: { certPath: string; keyPath: string },
  leaf: { certPath: string; keyPath: string },
): Promise<void> {
  const csrPath = path.join(dir, `${name}.csr`);
  const extPath = path.join(dir, `${name}.ext`);
  writeFileSync(
    extPath,
    [
      "basicConstraints=critical,CA:FALSE",
      "keyUsage=critical,digitalSignature",
      "extendedKeyUsage=clientAuth",
      `subjectAltName=URI:${uri}`,
    ].join("\n") + "\n",
  );
  try {
    await runOrThrow("openssl", [
      "req",
      "-new",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-keyout",
      leaf.keyPath,
      "-out",
      csrPath,
      "-subj",
      `/O=${ORG}/CN=${name}`,
    ]);
    await runOrThrow("openssl", [
      "x509",
      "-req",
      "-in",
      csrPath,
      "-CA",
      ca.certPath,
      "-CAkey",
      ca.keyPath,
      "-set_serial",
      `0x${randomBytes(16).toString("hex").replace(/^0/, "4")}`,
      "-days",
      String(DAYS),
      "-sha256",
      "-extfile",
      extPath,
      "-out",
      leaf.certPath,
    ]);
  } finally {
    rmSync(csrPath, { force: true });
    rmSync(extPath, { force: true });
  }
}

/** SHA-1 fingerprint of a PEM certificate as lowercase hex without colons. */
export function fingerprintOf(certPath: string): string {
  return new X509Certificate(readFileSync(certPath)).fingerprint.replaceAll(":", "").toLowerCase();
}
