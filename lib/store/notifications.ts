import "server-only";

import { EventEmitter } from "node:events";

import type { SqlExecutor } from "./driver";

/** Messages between the console's replicas (e.g. "the entries of server foo changed"). */
export interface StoreNotifications {
  /** Sends `payload` on `channel` to every replica subscribed to it, this one included. */
  publish(channel: string, payload: string): Promise<void>;
  /** Calls `handler` for every message on `channel`; returns how to stop. */
  subscribe(channel: string, handler: (payload: string) => void): () => void;
  close(): Promise<void>;
}

/** Notifications inside one process (SQLite: one replica only, so nobody else needs to hear). */
export function localNotifications(): StoreNotifications {
  const events = new EventEmitter();
  return {
    async publish(channel, payload) {
      events.emit(channel, payload);
    },
    subscribe(channel, handler) {
      events.on(channel, handler);
      return () => events.off(channel, handler);
    },
    async close() {
      events.removeAllListeners();
    },
  };
}

/** Channel names are SQL identifiers in LISTEN: only lowercase letters, digits and '_'. */
export function assertChannel(channel: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`invalid notification channel '${channel}'`);
}

/** Publishes through PostgreSQL (`pg_notify`), so every replica's LISTEN connection hears it. */
export function postgresPublish(db: SqlExecutor): StoreNotifications["publish"] {
  return async (channel, payload) => {
    assertChannel(channel);
    await db.query("SELECT pg_notify($1, $2)", [channel, payload]);
  };
}
