import type { Entry, Selector } from "@/lib/spire/types";

import { bytes, float64s, int32s } from "./growable";
import { FLOAT64_COLUMNS, INT32_COLUMNS, type SavedColumns } from "./saved-columns";
import { StringTable } from "./string-table";

const LIVE = 1;
const ADMIN = 2;
const DOWNSTREAM = 4;
const STORE_SVID = 8;
const NO_X509_PREFETCH = 16;
const JWT_JTI = 32;

const FLAG_BITS = {
  admin: ADMIN,
  downstream: DOWNSTREAM,
  storeSvid: STORE_SVID,
  disableX509SvidPrefetch: NO_X509_PREFETCH,
  jwtSvidIncludeJti: JWT_JTI,
} as const;

/** The three string tables of the columns. */
export type TableName = "nodes" | "texts" | "idTexts";

const toMs = (iso: string | null) => (iso ? Date.parse(iso) : NaN);
const toIso = (ms: number) => (Number.isNaN(ms) ? null : new Date(ms).toISOString());

/**
 * Every field of every entry in columns: one typed array per scalar field, indexed by slot, with
 * SPIFFE IDs interned in `nodes` and selectors (`type:value`), hints, DNS names and trust domains
 * interned in `texts`. Lists (selectors, federatesWith, DNS names) sit back to back in one pool.
 * No JS object is kept per entry; `entryAt` builds one on demand. A removed slot stays dead (slots
 * keep walk order, new entries go at the end) until the index is rebuilt.
 */
export class EntryColumns {
  readonly nodes: StringTable;
  readonly texts: StringTable;
  /** Entry IDs, interned (so no JS string is kept per entry); `idText` maps a slot to its ID's text id. */
  readonly idTexts: StringTable;
  readonly idText;
  /** Text id of an entry ID → its live slot, or -1. */
  private readonly slotOfIdText;
  private slots = 0;
  readonly spiffe;
  readonly parent;
  readonly hint;
  readonly x509Ttl;
  readonly jwtTtl;
  readonly expiresMs;
  readonly createdMs;
  readonly revision;
  readonly flags;
  readonly listStart;
  readonly selectorCount;
  readonly federatesCount;
  readonly dnsCount;
  readonly lists;
  private listEnd = 0;
  liveCount = 0;

  constructor(capacity = 1024, tables?: { nodes: StringTable; texts: StringTable; idTexts: StringTable }) {
    this.nodes = tables?.nodes ?? new StringTable();
    this.texts = tables?.texts ?? new StringTable();
    this.idTexts = tables?.idTexts ?? new StringTable();
    this.idText = int32s(capacity);
    this.slotOfIdText = int32s(capacity, -1);
    this.spiffe = int32s(capacity);
    this.parent = int32s(capacity);
    this.hint = int32s(capacity);
    this.x509Ttl = int32s(capacity);
    this.jwtTtl = int32s(capacity);
    this.expiresMs = float64s(capacity);
    this.createdMs = float64s(capacity);
    this.revision = float64s(capacity);
    this.flags = bytes(capacity);
    this.listStart = int32s(capacity);
    this.selectorCount = int32s(capacity);
    this.federatesCount = int32s(capacity);
    this.dnsCount = int32s(capacity);
    this.lists = int32s(capacity * 2);
  }

  /**
   * Everything the columns hold, as plain data: views of the used part of each array, not copies
   * (serialising or transferring them copies only those bytes). Read them before the next change.
   */
  save(): SavedColumns {
    const table = (t: StringTable) => ({ blocks: t.exportBlocks(), count: t.size });
    const cut = <T extends Int32Array | Float64Array | Uint8Array>(data: T, length: number) =>
      data.subarray(0, length) as T;
    return {
      slots: this.slots,
      listEnd: this.listEnd,
      liveCount: this.liveCount,
      tables: { nodes: table(this.nodes), texts: table(this.texts), idTexts: table(this.idTexts) },
      int32: Object.fromEntries(
        INT32_COLUMNS.map((name) => [name, cut(this[name].data, this.slots)]),
      ) as SavedColumns["int32"],
      float64: Object.fromEntries(
        FLOAT64_COLUMNS.map((name) => [name, cut(this[name].data, this.slots)]),
      ) as SavedColumns["float64"],
      flags: cut(this.flags.data, this.slots),
      lists: cut(this.lists.data, this.listEnd),
    };
  }

  /**
   * Columns holding what `save()` returned, with room for `spare` more entries. `adopted` gives
   * the string tables whole (from another thread), else they are interned again from the blocks.
   */
  static restore(saved: SavedColumns, spare = 1024, adopted?: Record<TableName, StringTable>): EntryColumns {
    const tables = adopted ?? {
      nodes: StringTable.restore(saved.tables.nodes.blocks, saved.tables.nodes.count),
      texts: StringTable.restore(saved.tables.texts.blocks, saved.tables.texts.count),
      idTexts: StringTable.restore(saved.tables.idTexts.blocks, saved.tables.idTexts.count),
    };
    const columns = new EntryColumns(saved.slots + spare, tables);
    for (const name of INT32_COLUMNS) columns[name].data.set(saved.int32[name]);
    for (const name of FLOAT64_COLUMNS) columns[name].data.set(saved.float64[name]);
    columns.flags.data.set(saved.flags);
    columns.lists.ensure(saved.listEnd);
    columns.lists.data.set(saved.lists);
    columns.slots = saved.slots;
    columns.listEnd = saved.listEnd;
    columns.liveCount = saved.liveCount;
    columns.slotOfIdText.ensure(tables.idTexts.size);
    for (let slot = 0; slot < saved.slots; slot++)
      if (columns.isLive(slot)) columns.slotOfIdText.data[columns.idText.data[slot]!] = slot;
    return columns;
  }

  /** Slots ever used (live and dead). */
  get slotCount(): number {
    return this.slots;
  }

  /** List cells ever used (a rewritten entry's old list stays behind until the index is rebuilt). */
  get listLength(): number {
    return this.listEnd;
  }

  /** The slot of entry `id`, or -1. */
  slotOf(id: string): number {
    const text = this.idTexts.find(id);
    return text < 0 || text >= this.slotOfIdText.data.length ? -1 : this.slotOfIdText.data[text]!;
  }

  /** The entry ID in `slot`. */
  idAt(slot: number): string {
    return this.idTexts.text(this.idText.data[slot]!);
  }

  /** The slot holding the entry ID with text id `text`, or -1. */
  slotOfText(text: number): number {
    return text < this.slotOfIdText.data.length ? this.slotOfIdText.data[text]! : -1;
  }

  isLive(slot: number): boolean {
    return (this.flags.data[slot]! & LIVE) !== 0;
  }

  /** Stores a new entry at the next slot and returns it. */
  add(entry: Entry): number {
    const slot = this.slots++;
    const text = this.idTexts.intern(entry.id);
    this.idText.set(slot, text);
    this.slotOfIdText.set(text, slot);
    this.write(slot, entry);
    this.liveCount += 1;
    return slot;
  }

  /** Replaces every field of a live slot (same entry ID). */
  overwrite(slot: number, entry: Entry): void {
    this.write(slot, entry);
  }

  /** Marks a slot dead; its entry ID no longer finds it. */
  remove(slot: number): void {
    if (!this.isLive(slot)) return;
    this.flags.data[slot] = 0;
    this.slotOfIdText.data[this.idText.data[slot]!] = -1;
    this.liveCount -= 1;
  }

  private write(slot: number, entry: Entry): void {
    this.spiffe.set(slot, this.nodes.intern(entry.spiffeId));
    this.parent.set(slot, this.nodes.intern(entry.parentId));
    this.hint.set(slot, this.texts.intern(entry.hint));
    this.x509Ttl.set(slot, entry.x509SvidTtl);
    this.jwtTtl.set(slot, entry.jwtSvidTtl);
    this.expiresMs.set(slot, toMs(entry.expiresAt));
    this.createdMs.set(slot, toMs(entry.createdAt));
    this.revision.set(slot, entry.revisionNumber);
    const extra = entry.additionalAttributes;
    const flags =
      LIVE |
      (entry.admin ? ADMIN : 0) |
      (entry.downstream ? DOWNSTREAM : 0) |
      (entry.storeSvid ? STORE_SVID : 0) |
      (extra.disableX509SvidPrefetch ? NO_X509_PREFETCH : 0) |
      (extra.jwtSvidIncludeJti ? JWT_JTI : 0);
    this.flags.set(slot, flags);
    const texts = [...entry.selectors.map((s) => `${s.type}:${s.value}`), ...entry.federatesWith, ...entry.dnsNames];
    this.listStart.set(slot, this.listEnd);
    this.selectorCount.set(slot, entry.selectors.length);
    this.federatesCount.set(slot, entry.federatesWith.length);
    this.dnsCount.set(slot, entry.dnsNames.length);
    this.lists.ensure(this.listEnd + texts.length);
    for (const text of texts) this.lists.data[this.listEnd++] = this.texts.intern(text);
  }

  spiffeIdOf(slot: number): string {
    return this.nodes.text(this.spiffe.data[slot]!);
  }

  parentIdOf(slot: number): string {
    return this.nodes.text(this.parent.data[slot]!);
  }

  /** Text ids of a slot's selectors (`type:value`), federatesWith and DNS names, as list ranges. */
  selectorRange(slot: number): [number, number] {
    const start = this.listStart.data[slot]!;
    return [start, start + this.selectorCount.data[slot]!];
  }

  federatesRange(slot: number): [number, number] {
    const start = this.listStart.data[slot]! + this.selectorCount.data[slot]!;
    return [start, start + this.federatesCount.data[slot]!];
  }

  dnsRange(slot: number): [number, number] {
    const start = this.listStart.data[slot]! + this.selectorCount.data[slot]! + this.federatesCount.data[slot]!;
    return [start, start + this.dnsCount.data[slot]!];
  }

  private textsIn([from, to]: [number, number]): string[] {
    const out: string[] = [];
    for (let i = from; i < to; i++) out.push(this.texts.text(this.lists.data[i]!));
    return out;
  }

  selectorsOf(slot: number): Selector[] {
    return this.textsIn(this.selectorRange(slot)).map((key) => {
      const colon = key.indexOf(":");
      return { type: key.slice(0, colon), value: key.slice(colon + 1) };
    });
  }

  federatesWithOf(slot: number): string[] {
    return this.textsIn(this.federatesRange(slot));
  }

  dnsNamesOf(slot: number): string[] {
    return this.textsIn(this.dnsRange(slot));
  }

  expiresAtOf(slot: number): string | null {
    return toIso(this.expiresMs.data[slot]!);
  }

  flagOf(slot: number, flag: keyof typeof FLAG_BITS): boolean {
    return (this.flags.data[slot]! & FLAG_BITS[flag]) !== 0;
  }

  /** The whole entry of a slot, built as a plain object. */
  entryAt(slot: number): Entry {
    return {
      id: this.idAt(slot),
      spiffeId: this.spiffeIdOf(slot),
      parentId: this.parentIdOf(slot),
      selectors: this.selectorsOf(slot),
      x509SvidTtl: this.x509Ttl.data[slot]!,
      jwtSvidTtl: this.jwtTtl.data[slot]!,
      federatesWith: this.federatesWithOf(slot),
      dnsNames: this.dnsNamesOf(slot),
      admin: this.flagOf(slot, "admin"),
      downstream: this.flagOf(slot, "downstream"),
      hint: this.texts.text(this.hint.data[slot]!),
      storeSvid: this.flagOf(slot, "storeSvid"),
      expiresAt: this.expiresAtOf(slot),
      createdAt: toIso(this.createdMs.data[slot]!),
      revisionNumber: this.revision.data[slot]!,
      additionalAttributes: {
        disableX509SvidPrefetch: this.flagOf(slot, "disableX509SvidPrefetch"),
        jwtSvidIncludeJti: this.flagOf(slot, "jwtSvidIncludeJti"),
      },
    };
  }
}
