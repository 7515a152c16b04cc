import "server-only";

import { createSocket, type Socket as UdpSocket } from "node:dgram";
import { isIPv6 } from "node:net";
import { connect, type Socket } from "node:net";
import { hostname } from "node:os";

import type { LineWriter } from "./line-writer";

/** RFC 5424 PRI: facility 13 (log audit) × 8 + severity 6 (informational). */
const PRI = 13 * 8 + 6;
const CONNECT_TIMEOUT_MS = 5_000;
const RETRY_MS = 2_000;
/** Lines kept while a stream collector is unreachable; older ones are dropped (and counted). */
const MAX_QUEUED = 10_000;

type Target = { kind: "udp" | "tcp"; host: string; port: number } | { kind: "unix"; path: string };

/** Parses `udp://host:port`, `tcp://host:port` or `unix:///path` (the config schema checked the form). */
export function parseSyslogAddress(address: string): Target {
  if (address.startsWith("unix://")) return { kind: "unix", path: address.slice("unix://".length) };
  const url = new URL(address);
  return {
    kind: url.protocol === "udp:" ? "udp" : "tcp",
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port: Number(url.port),
  };
}

const host =
  hostname()
    .replace(/[^!-~]/g, "")
    .slice(0, 255) || "-";

/** One RFC 5424 message: header, no structured data, the JSON line as MSG. */
export function syslogMessage(appName: string, msgId: string, line: string, at = new Date()): string {
  return `<${PRI}>1 ${at.toISOString()} ${host} ${appName} ${process.pid} ${msgId} - ${line}`;
}

/** An RFC 6587 octet-counted frame (TCP and unix stream sockets). */
export const octetCounted = (message: string): Buffer => {
  const body = Buffer.from(message, "utf8");
  return Buffer.concat([Buffer.from(`${body.length} `), body]);
};

function udpWriter(target: { host: string; port: number }, onFail: (n: number, e: unknown) => void): LineWriter {
  const socket: UdpSocket = createSocket(isIPv6(target.host) ? "udp6" : "udp4");
  socket.on("error", (error) => onFail(1, error));
  socket.unref();
  return {
    write(message) {
      socket.send(Buffer.from(message, "utf8"), target.port, target.host, (error) => error && onFail(1, error));
    },
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

function streamWriter(target: Target, onFail: (n: number, e: unknown) => void): LineWriter {
  let socket: Socket | null = null;
  let ready = false;
  let retryAt = 0;
  const queue: Buffer[] = [];
  const drain = () => {
    while (socket && ready && queue.length) socket.write(queue.shift()!);
  };
  let retryTimer: NodeJS.Timeout | null = null;
  /** Tries again at `retryAt`; a timer may fire a millisecond early by the wall clock, so it re-arms itself. */
  const openLater = () => {
    if (retryTimer) return;
    retryTimer = setTimeout(
      () => {
        retryTimer = null;
        open();
      },
      Math.max(1, retryAt - Date.now()),
    );
    retryTimer.unref();
  };
  const open = () => {
    if (socket) return;
    if (Date.now() < retryAt) {
      openLater();
      return;
    }
    const s = target.kind === "unix" ? connect(target.path) : connect(target.port, target.host);
    socket = s;
    s.setTimeout(CONNECT_TIMEOUT_MS, () => s.destroy(new Error(`no connection within ${CONNECT_TIMEOUT_MS} ms`)));
    s.on("connect", () => {
      s.setTimeout(0);
      ready = true;
      drain();
    });
    s.on("error", (error) => onFail(0, error));
    s.on("close", () => {
      socket = null;
      ready = false;
      retryAt = Date.now() + RETRY_MS;
      if (queue.length) openLater();
    });
    s.unref();
  };
  return {
    write(message) {
      queue.push(octetCounted(message));
      if (queue.length > MAX_QUEUED) {
        queue.shift();
        onFail(1, new Error(`more than ${MAX_QUEUED} lines wait for the syslog collector; the oldest was dropped`));
      }
      open();
      drain();
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (retryTimer) clearTimeout(retryTimer);
        const s = socket;
        if (!s) return resolve();
        s.end(() => resolve());
      }),
  };
}

/**
 * Sends audit lines as RFC 5424 messages to a syslog collector: one datagram each over UDP, or
 * octet-counted frames (RFC 6587) over TCP or a unix stream socket, reconnecting when it drops.
 */
export function syslogWriter(address: string, onFail: (lines: number, error: unknown) => void): LineWriter {
  const target = parseSyslogAddress(address);
  return target.kind === "udp" ? udpWriter(target, onFail) : streamWriter(target, onFail);
}
