// The saved entry indexes of the console's store: what is kept of each besides its bytes, and the repository.

/** What is known of a server's saved entry index besides its bytes. */
export type IndexSnapshotMeta = {
  server: string;
  trustDomain: string;
  /** When the walk the index came from finished. */
  builtAt: number;
  savedAt: number;
  entries: number;
};

/**
 * A server's entry index as last saved: its compressed bytes (see lib/entries/saved-index-store),
 * read piece by piece.
 */
export type SavedIndexSnapshot = IndexSnapshotMeta & { pieces: AsyncIterable<Uint8Array> };

/** The last saved entry index of each server. */
export interface IndexSnapshotRepository {
  /**
   * Stores the bytes `pieces` yields (each written as it comes, none held with the next), then,
   * once all are written, makes them the server's saved index in place of the previous one. When
   * `pieces` throws, nothing replaces the previous index and the pieces written are removed.
   */
  save(meta: IndexSnapshotMeta, pieces: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<void>;
  /**
   * The server's saved index, or null; its pieces are read from the store one at a time as they
   * are asked for, and end in an error when a save of another replica removed them meanwhile.
   */
  read(server: string): Promise<SavedIndexSnapshot | null>;
  /** Forgets the server's saved index; false when there was none. */
  delete(server: string): Promise<boolean>;
}
