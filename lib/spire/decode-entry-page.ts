// A ListEntries answer decoded straight from its protobuf bytes (the wire format of
// proto/spire/api/server/entry/v1/entry.proto), without protobufjs: used by the entry walk's worker
// thread, which loads no gRPC code. Gives exactly what `toEntry` gives for the same entry.
import type { Entry, Selector } from "./types";

const utf8 = new TextDecoder();

/** A cursor over protobuf bytes. */
class Reader {
  readonly bytes: Uint8Array;
  pos = 0;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  private byte(): number {
    if (this.pos >= this.bytes.length) throw new Error("a ListEntries answer ends inside a field");
    return this.bytes[this.pos++]!;
  }

  /** An unsigned varint as a number (exact up to 2^53). */
  varint(): number {
    let result = 0;
    let scale = 1;
    for (;;) {
      const byte = this.byte();
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) return result;
      scale *= 128;
    }
  }

  /** An int32 varint (negative ones are sent as 10-byte two's complement): its low 32 bits. */
  int32(): number {
    let result = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = this.byte();
      if (shift < 32) result |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    return result | 0;
  }

  /** Steps into a length-delimited message: returns where it ends. */
  enter(): number {
    const length = this.varint();
    const end = this.pos + length;
    if (end > this.bytes.length) throw new Error("a ListEntries answer ends inside a message");
    return end;
  }

  /** The bounds of a length-delimited field. */
  span(): [number, number] {
    const end = this.enter();
    const from = this.pos;
    this.pos = end;
    return [from, end];
  }

  string(): string {
    const [from, to] = this.span();
    return utf8.decode(this.bytes.subarray(from, to));
  }

  /** Skips a field of wire type `wire`. */
  skip(wire: number): void {
    if (wire === 0) this.varint();
    else if (wire === 1) this.pos += 8;
    else if (wire === 2) this.span();
    else if (wire === 5) this.pos += 4;
    else throw new Error(`unsupported protobuf wire type ${wire}`);
  }
}

/** Calls `field(number, wire)` for each field of the message between the reader's position and `end`. */
function eachField(reader: Reader, end: number, field: (number: number, wire: number) => void): void {
  while (reader.pos < end) {
    const tag = reader.varint();
    field(Math.floor(tag / 8), tag & 7);
  }
}

/** A SPIFFEID message as `spiffe://td/path`. */
function spiffeId(reader: Reader): string {
  const end = reader.enter();
  let trustDomain = "";
  let path = "";
  eachField(reader, end, (n, wire) => {
    if (n === 1 && wire === 2) trustDomain = reader.string();
    else if (n === 2 && wire === 2) path = reader.string();
    else reader.skip(wire);
  });
  return `spiffe://${trustDomain}${path}`;
}

function selector(reader: Reader): Selector {
  const end = reader.enter();
  let type = "";
  let value = "";
  eachField(reader, end, (n, wire) => {
    if (n === 1 && wire === 2) type = reader.string();
    else if (n === 2 && wire === 2) value = reader.string();
    else reader.skip(wire);
  });
  return { type, value };
}

const isoOf = (seconds: number) => (seconds > 0 ? new Date(seconds * 1000).toISOString() : null);

function entry(reader: Reader): Entry {
  const end = reader.enter();
  const out: Entry = {
    id: "",
    spiffeId: "",
    parentId: "",
    selectors: [],
    x509SvidTtl: 0,
    jwtSvidTtl: 0,
    federatesWith: [],
    dnsNames: [],
    admin: false,
    downstream: false,
    hint: "",
    storeSvid: false,
    expiresAt: null,
    createdAt: null,
    revisionNumber: 0,
    additionalAttributes: { disableX509SvidPrefetch: false, jwtSvidIncludeJti: false },
  };
  eachField(reader, end, (n, wire) => {
    if (wire === 2) {
      if (n === 1) out.id = reader.string();
      else if (n === 2) out.spiffeId = spiffeId(reader);
      else if (n === 3) out.parentId = spiffeId(reader);
      else if (n === 4) out.selectors.push(selector(reader));
      else if (n === 6) out.federatesWith.push(reader.string());
      else if (n === 10) out.dnsNames.push(reader.string());
      else if (n === 14) out.hint = reader.string();
      else if (n === 16) {
        const attributesEnd = reader.enter();
        eachField(reader, attributesEnd, (a, w) => {
          if (a === 1 && w === 0) out.additionalAttributes.disableX509SvidPrefetch = reader.varint() !== 0;
          else if (a === 2 && w === 0) out.additionalAttributes.jwtSvidIncludeJti = reader.varint() !== 0;
          else reader.skip(w);
        });
      } else reader.skip(wire);
      return;
    }
    if (wire !== 0) return reader.skip(wire);
    if (n === 5) out.x509SvidTtl = reader.int32();
    else if (n === 13) out.jwtSvidTtl = reader.int32();
    else if (n === 7) out.admin = reader.varint() !== 0;
    else if (n === 8) out.downstream = reader.varint() !== 0;
    else if (n === 12) out.storeSvid = reader.varint() !== 0;
    else if (n === 9) out.expiresAt = isoOf(reader.varint());
    else if (n === 15) out.createdAt = isoOf(reader.varint());
    else if (n === 11) out.revisionNumber = reader.varint();
    else reader.skip(wire);
  });
  // A set: SPIRE sends them in storage order; sorted as `toEntry` sorts them.
  out.selectors.sort((a, b) => a.type.localeCompare(b.type) || a.value.localeCompare(b.value));
  return out;
}

/** Decodes a ListEntriesResponse, handing each entry to `onEntry` as soon as it is read; returns the next page token. */
function readPage(bytes: Uint8Array, onEntry: (entry: Entry) => void): string {
  const reader = new Reader(bytes);
  let nextPageToken = "";
  eachField(reader, bytes.length, (n, wire) => {
    if (n === 1 && wire === 2) onEntry(entry(reader));
    else if (n === 2 && wire === 2) nextPageToken = reader.string();
    else reader.skip(wire);
  });
  return nextPageToken;
}

/** The entries and next page token of a ListEntriesResponse. */
export function decodeEntryPage(bytes: Uint8Array): { entries: Entry[]; nextPageToken: string } {
  const entries: Entry[] = [];
  const nextPageToken = readPage(bytes, (entry) => entries.push(entry));
  return { entries, nextPageToken };
}

/**
 * Calls `each` with every entry of a ListEntriesResponse as it is decoded, keeping none: each
 * object dies young instead of a page of thousands living (and being promoted) at once. Returns
 * how many there were.
 */
export function forEachEntryOfPage(bytes: Uint8Array, each: (entry: Entry) => void): number {
  let count = 0;
  readPage(bytes, (entry) => {
    each(entry);
    count += 1;
  });
  return count;
}

/** Only the next page token of a ListEntriesResponse (the entries are stepped over, not decoded). */
export function entryPageToken(bytes: Uint8Array): string {
  const reader = new Reader(bytes);
  let token = "";
  eachField(reader, bytes.length, (n, wire) => {
    if (n === 2 && wire === 2) token = reader.string();
    else reader.skip(wire);
  });
  return token;
}
