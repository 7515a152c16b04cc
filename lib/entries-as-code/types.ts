import type { EntryInput } from "@/lib/schemas/entry-input";
import type { Entry } from "@/lib/spire/types";

// Shared types of "entries as code": the EntrySet document, a saved Plan and an ApplyResult.
// Pure types only: used by the server code, the API routes, the CLI and the pages.

export const ENTRY_SET_API_VERSION = "spire-console/v1";
export const ENTRY_SET_KIND = "EntrySet";

/** The three file formats read and written: the console's EntrySet, `spire-server -data` JSON, ClusterStaticEntry. */
export type EntrySetFormat = "console" | "spire-data" | "cluster-static-entry";
export const entrySetFormats: readonly EntrySetFormat[] = ["console", "spire-data", "cluster-static-entry"];

/**
 * One declared registration entry: every field SPIRE 1.15 lets a caller set, the caller-chosen
 * entry ID included (the match key when given, and sent to SPIRE on create).
 */
export type DeclaredEntry = EntryInput;

/** What a file owns on its server: live entries matching either are "in scope". Empty: only the file's entries. */
export type EntrySetOwns = { entryIdPrefix?: string; spiffeIdPrefixes?: string[] };

/** A federation relationship declared beside the entries (planned and applied with them). */
export type DeclaredFederation = {
  trustDomain: string;
  bundleEndpointUrl: string;
  bundleEndpointProfile: { type: "https_web" } | { type: "https_spiffe"; endpointSpiffeId: string };
};

/** The versioned document (`apiVersion: spire-console/v1`, `kind: EntrySet`), YAML or JSON. */
export type EntrySetDocument = {
  apiVersion: typeof ENTRY_SET_API_VERSION;
  kind: typeof ENTRY_SET_KIND;
  metadata: { name: string; description?: string };
  spec: {
    /** The console server name this file is for; a plan against another server is refused. */
    server?: string;
    owns: EntrySetOwns;
    /** Delete in-scope live entries the file does not declare (default false: they are only reported). */
    prune: boolean;
    entries: DeclaredEntry[];
    federationRelationships?: DeclaredFederation[];
  };
};

/** A file read by `parseEntrySet`: the document (other formats converted to it), or why it could not be read. */
export type ParsedEntrySet =
  | { ok: true; format: EntrySetFormat; document: EntrySetDocument; warnings: string[] }
  | { ok: false; format: EntrySetFormat | null; message: string; details: { path: string; message: string }[] };

/** What to export: the whole server, a subtree (below a parent ID), a SPIFFE-ID prefix or a selection of IDs. */
export type ExportScope = { spiffeIdPrefix?: string; parentId?: string; ids?: string[]; name?: string };

export type ExportedFile = {
  format: EntrySetFormat;
  text: string;
  contentType: string;
  fileName: string;
  count: number;
};

export type PlanAction = "create" | "update" | "delete";

/** One field of an update: the live value and the declared one. */
export type FieldChange = { field: string; before: unknown; after: unknown };

export type RiskKind =
  | "admin-set"
  | "admin-cleared"
  | "downstream-set"
  | "downstream-cleared"
  | "federates-without-bundle"
  | "ttl-above-ca"
  | "orphans-children"
  | "removes-pod-identity"
  | "controller-owned";

export type PlanRisk = { kind: RiskKind; entryId: string | null; spiffeId: string; message: string };

/** One planned change. `entryId` is the live entry (update, delete) or the requested ID (create, may be null). */
export type PlannedChange = {
  action: PlanAction;
  entryId: string | null;
  spiffeId: string;
  /** The live entry (update, delete). */
  before: Entry | null;
  /** The declared entry (create, update). */
  after: DeclaredEntry | null;
  /** Update only: the fields that differ. */
  fields: FieldChange[];
  /** Update, delete: the revision read when planning; apply refuses if it moved. */
  revisionNumber: number | null;
};

/** A live relationship's profile may be one the console does not know (then any declared one differs). */
export type FederationFields = {
  bundleEndpointUrl: string;
  bundleEndpointProfile: DeclaredFederation["bundleEndpointProfile"] | { type: "unknown" };
};

/** One planned change of a federation relationship, keyed by its trust domain. */
export type FederationChange = {
  action: PlanAction;
  trustDomain: string;
  /** The live relationship (update, delete). */
  before: FederationFields | null;
  /** The declared relationship (create, update). */
  after: FederationFields | null;
  /** Update only: the fields that differ. */
  fields: FieldChange[];
};

/**
 * The federation part of a plan, when the file declares `federationRelationships` (then every
 * relationship of the server is in scope: undeclared ones are unmanaged, deleted only with prune).
 */
export type FederationPlan = {
  changes: FederationChange[];
  unchanged: number;
  /** Trust domains of live relationships the file does not declare (without prune). */
  unmanaged: string[];
  /** Trust domain → its fields as read when planning (null: none); apply refuses (409) if they moved. */
  pinned: Record<string, FederationFields | null>;
};

export type PlanSummary = { create: number; update: number; delete: number; unchanged: number; unmanaged: number };

/** Deleting more than `maxPercent` of the scope or more than `maxCount` entries needs `allowMassDelete`. */
export type MassDeleteGuard = {
  deletes: number;
  scopeSize: number;
  maxPercent: number;
  maxCount: number;
  tripped: boolean;
  message: string | null;
};

export type PlanSource = { name?: string; format?: EntrySetFormat; revision?: string };

export type PlanStatus = "planned" | "applying" | "applied" | "failed" | "partial";

export type Plan = {
  /** A ULID. */
  id: string;
  server: string;
  /** Epoch ms. */
  createdAt: number;
  /** Who planned (the principal's name), when known. */
  createdBy: string | null;
  source: PlanSource | null;
  owns: EntrySetOwns;
  prune: boolean;
  summary: PlanSummary;
  /** "3 to add, 1 to change, 0 to delete" */
  summaryLine: string;
  changes: PlannedChange[];
  /** In-scope live entries the file does not declare (deleted only with prune; then they are changes instead). */
  unmanaged: { id: string; spiffeId: string }[];
  risks: PlanRisk[];
  guard: MassDeleteGuard;
  /** Entry ID → revision number read, for every entry the plan touches (updates and deletes). */
  pinned: Record<string, number>;
  /** The federation relationships' changes; absent when the file declares none. */
  federation?: FederationPlan;
  /** Set when this plan undoes another plan's apply. */
  inverseOf: string | null;
  status: PlanStatus;
  appliedAt: number | null;
};

/** The result of one change of an apply, in plan order. */
export type ApplyRowResult = {
  index: number;
  action: PlanAction;
  entryId: string | null;
  spiffeId: string;
  /** Set for a federation relationship's change (then entryId is null). */
  trustDomain?: string;
  status: { code: string; message: string };
};

export type ApplyOptions = { allowMassDelete?: boolean; sourceRevision?: string };

export type ApplyResult = {
  planId: string;
  /** True only when every row succeeded. */
  ok: boolean;
  summary: { ok: number; failed: number };
  results: ApplyRowResult[];
  /** A saved plan that undoes what this apply did (null when nothing changed). */
  inversePlanId: string | null;
};

/** Options of createPlan. */
export type PlanOptions = {
  /** Save the plan (with an ID) so it can be applied; false computes only (drift). */
  save?: boolean;
  source?: PlanSource;
  /** Overrides the document's spec.owns (spire-data and ClusterStaticEntry files carry none). */
  owns?: EntrySetOwns;
  prune?: boolean;
  /** The mass-delete guard's limits; absent: the config's `entriesAsCode` (default 100 entries, 10%). */
  massDelete?: { maxCount?: number; maxPercent?: number };
};
