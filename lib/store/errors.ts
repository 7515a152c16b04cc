import "server-only";

import type { StoreKind } from "./types";

const backendNames: Record<StoreKind, string> = { sqlite: "SQLite", postgres: "PostgreSQL" };

/** Any failure of the console's store; the message names the back-end, never a password. */
export class StoreError extends Error {
  readonly backend: StoreKind;

  constructor(backend: StoreKind, message: string, options?: ErrorOptions) {
    super(`${backendNames[backend]} store: ${message}`, options);
    this.name = "StoreError";
    this.backend = backend;
  }
}

/** The store cannot be read or written: unreachable, stopped, read-only, closed, timed out. */
export class StoreUnavailableError extends StoreError {
  constructor(backend: StoreKind, message: string, options?: ErrorOptions) {
    super(backend, message, options);
    this.name = "StoreUnavailableError";
  }
}

/** A write broke a uniqueness or other constraint (e.g. an ID or secret hash already stored). */
export class StoreConflictError extends StoreError {
  constructor(backend: StoreKind, message: string, options?: ErrorOptions) {
    super(backend, message, options);
    this.name = "StoreConflictError";
  }
}

/** The database's schema cannot be used by this code (e.g. it is newer than the code knows). */
export class StoreSchemaError extends StoreError {
  constructor(backend: StoreKind, message: string, options?: ErrorOptions) {
    super(backend, message, options);
    this.name = "StoreSchemaError";
  }
}

/** The text of an error, including the parts of an AggregateError (whose own message may be empty). */
export function describeCause(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return [...new Set(error.errors.map(describeCause))].join("; ");
  }
  if (error instanceof Error) return error.message || (error as { code?: string }).code || error.name;
  return String(error);
}
