import "server-only";

import { EventEmitter } from "node:events";

import { Client } from "pg";

import type { SqlExecutor } from "./driver";
import { assertChannel, postgresPublish, type StoreNotifications } from "./notifications";
import { describePostgresUrl, passwordScrubber } from "./postgres-url";

/**
 * Notifications over PostgreSQL LISTEN/NOTIFY: one dedicated connection listens on every
 * subscribed channel and reconnects (with backoff) when it drops; publishing goes through the pool.
 */
export function postgresNotifications(url: string, pool: SqlExecutor): StoreNotifications {
  const events = new EventEmitter();
  const channels = new Set<string>();
  const where = describePostgresUrl(url);
  const scrub = passwordScrubber(url);
  let client: Client | null = null;
  let closed = false;
  let retryMs = 250;

  const connect = async (): Promise<void> => {
    if (closed || client) return;
    const next = new Client({ connectionString: url, application_name: "spire-console-listen", keepAlive: true });
    client = next;
    const reconnect = (reason: string) => {
      if (client !== next) return;
      client = null;
      next.removeAllListeners();
      void next.end().catch(() => undefined);
      if (closed) return;
      console.warn(`[store] LISTEN connection to ${where} lost (${scrub(reason)}); reconnecting`);
      setTimeout(() => void connect(), retryMs).unref();
      retryMs = Math.min(retryMs * 2, 10_000);
    };
    next.on("notification", (msg) => events.emit(msg.channel, msg.payload ?? ""));
    next.on("error", (error) => reconnect(error.message));
    next.on("end", () => reconnect("connection ended"));
    try {
      await next.connect();
      for (const channel of channels) await next.query(`LISTEN ${channel}`);
      retryMs = 250;
    } catch (error) {
      reconnect((error as Error).message);
    }
  };

  return {
    publish: postgresPublish(pool),
    subscribe(channel, handler) {
      assertChannel(channel);
      events.on(channel, handler);
      if (!channels.has(channel)) {
        channels.add(channel);
        if (client) void client.query(`LISTEN ${channel}`).catch(() => undefined);
        else void connect();
      }
      return () => events.off(channel, handler);
    },
    async close() {
      closed = true;
      events.removeAllListeners();
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
    },
  };
}
