import { CompactEntryIndex, type SavedIndex } from "./compact-index";
import type { DerivedTree } from "./derive-tree";
import { EntryColumns, type TableName } from "./entry-columns";
import { EntrySearchIndex, type SearchParts } from "./entry-search-index";
import { StringTable, type StringTableState } from "./string-table";

/**
 * A sealed index as plain data for `postMessage`: everything built (string tables with their hash
 * tables, child lists, derived tree, search index), so the receiving thread recomputes nothing.
 * Its typed arrays are meant to be transferred (`handoverBuffers`); its strings are copied.
 */
export type IndexHandover = {
  saved: SavedIndex;
  tables: Record<TableName, StringTableState>;
  children: { start: Int32Array<ArrayBuffer>; items: Int32Array<ArrayBuffer> };
  derived: DerivedTree;
  search: SearchParts;
};

/** Hands over a sealed index with no change patched in (the thread that built it uses it no more). */
export function handOverIndex(index: CompactEntryIndex): IndexHandover {
  const c = index.columns;
  const saved = index.save();
  // The tables travel whole below; the saved copy's blocks would only be copied twice.
  const none = { blocks: [], count: 0 };
  saved.columns.tables = { nodes: none, texts: none, idTexts: none };
  const { start, items } = index.children.snapshot(c.nodes.size);
  return {
    saved,
    tables: { nodes: c.nodes.exportState(), texts: c.texts.exportState(), idTexts: c.idTexts.exportState() },
    children: { start: start as Int32Array<ArrayBuffer>, items: items as Int32Array<ArrayBuffer> },
    derived: index.derived(),
    search: index.searchIndex().parts(),
  };
}

/** The index a handover describes, answering as the original did (agents' expiry judged at `now`). */
export function adoptIndex(handover: IndexHandover, now: number): CompactEntryIndex {
  const { saved } = handover;
  const tables = {
    nodes: StringTable.adopt(handover.tables.nodes),
    texts: StringTable.adopt(handover.tables.texts),
    idTexts: StringTable.adopt(handover.tables.idTexts),
  };
  const columns = EntryColumns.restore(saved.columns, 1024, tables);
  const index = new CompactEntryIndex(saved.trustDomain, saved.builtAt, 0, columns);
  index.setAgents(saved.agents, now, saved.agentsReadAt ?? saved.builtAt);
  index.adoptBuilt({
    children: handover.children,
    derived: handover.derived,
    search: new EntrySearchIndex(handover.search),
  });
  index.version = saved.version;
  return index;
}

/** Every distinct buffer under the handover's typed arrays, for `postMessage`'s transfer list. */
export function handoverBuffers(handover: IndexHandover): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const visit = (value: unknown) => {
    if (ArrayBuffer.isView(value)) buffers.add(value.buffer as ArrayBuffer);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") Object.values(value).forEach(visit);
  };
  visit(handover);
  return [...buffers];
}
