// A zip opened from its central directory, each entry inflated only when asked and under
// real limits: the bytes the inflater actually produces are counted and the inflate is
// aborted the moment they pass the cap (a zip's declared sizes are never trusted), per
// entry and for the whole file. Names are normalised as OPC says (leading "/" stripped,
// matched without regard to case) and a name given twice is refused, so what a reader
// resolves is exactly one entry. No Node APIs: Uint8Array in, Uint8Array out.
import { Inflate, inflateSync } from "fflate";
import { broken, count, mb, tooLarge, type FileLabel } from "./errors";

export interface ZipLimits {
  /** Entries in the central directory. */
  entries: number;
  /** Bytes one entry may inflate to (a read may ask for less). */
  entryBytes: number;
  /** Bytes all reads together may inflate to. */
  totalBytes: number;
}

export interface ZipEntry {
  /** The normalised name (no leading "/"), as stored otherwise. */
  name: string;
  method: number;
  compressedSize: number;
  /** As declared: for messages and planning only, never for allocation or limits. */
  declaredSize: number;
  /** Offset of the entry's local header. */
  localOffset: number;
  /** CRC-32 of the inflated data, as declared (carried over with the raw bytes). */
  crc: number;
}

/** An entry's bytes as stored (not inflated), to be carried into another zip unchanged. */
export interface RawEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  declaredSize: number;
  data: Uint8Array;
}

const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const END = 0x06054b50;
/** Input fed to the inflater at a time: deflate expands at most ~1032×, so one push can
 *  overshoot a cap by ~8 MB at worst before the output callback aborts it. */
const PUSH_BYTES = 64 * 1024;

class CapPassed extends Error {}

/** A raw inflate that stops the moment its output would pass `limit`, answering null
 *  then; it throws for damaged or truncated data. The CLI installs Node's native zlib
 *  (maxOutputLength bounds the bytes it really produces), several times faster than
 *  fflate; the page and the pane keep fflate. */
export type Inflater = (data: Uint8Array, limit: number) => Uint8Array | null;
let inflater: Inflater | null = null;

/** Installs (or, with null, removes) the inflater every ZipArchive uses. */
export function useInflater(f: Inflater | null): void {
  inflater = f;
}

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}
function u32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
}

/** An OPC part name as a zip entry name: no leading "/" ("/xl/workbook.xml" and
 *  "xl/workbook.xml" are one part), backslashes as slashes. */
export function normalisePartName(name: string): string {
  let n = name.split("\\").join("/");
  while (n.startsWith("/")) n = n.slice(1);
  return n;
}

const latin1 = (b: Uint8Array) => {
  let s = "";
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
};

export class ZipArchive {
  private readonly byKey = new Map<string, ZipEntry>();
  private inflated = 0;

  private constructor(
    private readonly bytes: Uint8Array,
    readonly at: FileLabel,
    readonly limits: ZipLimits,
  ) {}

  /** Reads the central directory; throws a UserError for anything that is not a zip
   *  within the limits (too many entries, a name twice, encrypted entries). */
  static open(bytes: Uint8Array, at: FileLabel, limits: ZipLimits): ZipArchive {
    const zip = new ZipArchive(bytes, at, limits);
    const notZip = () => broken(at, "không giải nén được (không phải tệp nén hợp lệ)");
    let end = -1;
    const stop = Math.max(0, bytes.length - 22 - 0xffff);
    for (let i = bytes.length - 22; i >= stop; i--) {
      if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && u32(bytes, i) === END) {
        end = i;
        break;
      }
    }
    if (end < 0) throw notZip();
    const declaredEntries = u16(bytes, end + 10);
    const dirSize = u32(bytes, end + 12);
    const dirOffset = u32(bytes, end + 16);
    if (declaredEntries === 0xffff || dirOffset === 0xffffffff) {
      throw broken(at, "tệp nén dạng ZIP64 (chỉ dùng cho tệp hàng GB), không phải sổ Excel thông thường");
    }
    if (declaredEntries > limits.entries) {
      throw tooLarge(at, `tệp nén chứa ${count(declaredEntries)} phần, quá giới hạn ${count(limits.entries)}`);
    }
    if (dirOffset + dirSize > end) throw notZip();
    const utf8 = new TextDecoder("utf-8");
    let p = dirOffset;
    let seen = 0;
    while (p + 46 <= dirOffset + dirSize && u32(bytes, p) === CENTRAL) {
      if (++seen > limits.entries) {
        throw tooLarge(at, `tệp nén chứa hơn ${count(limits.entries)} phần`);
      }
      const flags = u16(bytes, p + 8);
      const method = u16(bytes, p + 10);
      const crc = u32(bytes, p + 16);
      const compressedSize = u32(bytes, p + 20);
      const declaredSize = u32(bytes, p + 24);
      const nameLength = u16(bytes, p + 28);
      const extraLength = u16(bytes, p + 30);
      const commentLength = u16(bytes, p + 32);
      const localOffset = u32(bytes, p + 42);
      const rawName = bytes.subarray(p + 46, p + 46 + nameLength);
      p += 46 + nameLength + extraLength + commentLength;
      const name = normalisePartName(flags & 0x800 ? utf8.decode(rawName) : latin1(rawName));
      if (name === "" || name.endsWith("/")) continue; // a folder entry holds nothing
      if (flags & 1) throw broken(at, `phần ${name} bị mã hóa`);
      const key = name.toLowerCase();
      if (zip.byKey.has(key)) throw broken(at, `phần ${name} có hai lần trong tệp nén`);
      zip.byKey.set(key, { name, method, compressedSize, declaredSize, localOffset, crc });
    }
    if (seen === 0 && declaredEntries > 0) throw notZip();
    return zip;
  }

  /** The entry of a part name (any case, with or without a leading "/"). */
  entry(name: string): ZipEntry | undefined {
    return this.byKey.get(normalisePartName(name).toLowerCase());
  }

  has(name: string): boolean {
    return this.entry(name) !== undefined;
  }

  /** Every entry's normalised name (for telling what kind of file this is, never for
   *  choosing what to parse: parts are reached through relationships). */
  names(): string[] {
    return [...this.byKey.values()].map((e) => e.name);
  }

  /** Bytes inflated so far by all reads. */
  get inflatedBytes(): number {
    return this.inflated;
  }

  /** The entry's data as stored (a view, nothing inflated), for copying it into another
   *  zip as it is; throws a UserError when it is cut short or uses another method. */
  raw(name: string): RawEntry {
    const e = this.entry(name);
    if (!e) throw broken(this.at, `thiếu phần ${name}`);
    const data = this.stored(e, `phần ${name}`);
    if (e.method !== 0 && e.method !== 8) throw broken(this.at, `phần ${name} được nén theo cách không hỗ trợ`);
    return { name: e.name, method: e.method, crc: e.crc, declaredSize: e.declaredSize, data };
  }

  private stored(e: ZipEntry, label: string): Uint8Array {
    const b = this.bytes;
    const lh = e.localOffset;
    if (lh + 30 > b.length || u32(b, lh) !== LOCAL) throw broken(this.at, `${label} không giải nén được`);
    const start = lh + 30 + u16(b, lh + 26) + u16(b, lh + 28);
    if (start + e.compressedSize > b.length) throw broken(this.at, `${label} bị cắt cụt`);
    return b.subarray(start, start + e.compressedSize);
  }

  /** The entry's bytes, inflated under `cap` (at most the entry limit) and what is left of
   *  the total budget. Throws a UserError naming `label` (e.g. `trang "Sổ"`) when the
   *  output passes either, or when the data is damaged. */
  read(name: string, label: string, cap = this.limits.entryBytes): Uint8Array {
    const e = this.entry(name);
    if (!e) throw broken(this.at, `thiếu ${label}`);
    const entryCap = Math.min(cap, this.limits.entryBytes);
    const left = this.limits.totalBytes - this.inflated;
    const limit = Math.min(entryCap, left);
    const tooMuch = () =>
      left < entryCap
        ? tooLarge(this.at, `các phần giải nén ra hơn ${mb(this.limits.totalBytes)} tổng cộng`)
        : tooLarge(this.at, `${label} giải nén ra hơn ${mb(entryCap)}`);
    const data = this.stored(e, label);
    let out: Uint8Array;
    if (e.method === 0) {
      if (data.length > limit) throw tooMuch();
      out = data.slice();
    } else if (e.method === 8) {
      const damaged = () => broken(this.at, `${label} không giải nén được`);
      if (inflater) {
        let got: Uint8Array | null;
        try {
          got = inflater(data, limit);
        } catch {
          throw damaged();
        }
        if (got === null) throw tooMuch();
        out = got;
      } else out = inflateSmall(data, e.declaredSize, limit, damaged) ?? inflateCapped(data, limit, tooMuch, damaged);
    } else {
      throw broken(this.at, `${label} được nén theo cách không hỗ trợ`);
    }
    this.inflated += out.length;
    return out;
  }
}

/** Compressed data this small expands to at most ~66 MB whatever it says (deflate's ratio
 *  is at most ~1032×), so it may be inflated in one call into a buffer of its declared size. */
const SMALL_INPUT = 64 * 1024;

/** The common case (most parts are a few KB): one inflate into a buffer of the declared
 *  size plus one byte, so no growing buffers. The declared size only sizes the buffer: an
 *  output that fills the extra byte means the zip lied, and null sends the entry to the
 *  streaming path, which counts what it really produces. */
function inflateSmall(data: Uint8Array, declared: number, limit: number, damaged: () => Error): Uint8Array | null {
  if (data.length > SMALL_INPUT || declared > limit) return null;
  let out: Uint8Array;
  try {
    out = inflateSync(data, { out: new Uint8Array(declared + 1) });
  } catch {
    throw damaged();
  }
  return out.length <= declared ? out : null;
}

/** Raw deflate → bytes, aborted as soon as the output passes `limit`. */
function inflateCapped(data: Uint8Array, limit: number, tooMuch: () => Error, damaged: () => Error): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > limit) throw new CapPassed();
    chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let i = 0; i < data.length; i += PUSH_BYTES) {
      const end = Math.min(data.length, i + PUSH_BYTES);
      inflater.push(data.subarray(i, end), end === data.length);
      if (ended) break;
    }
  } catch (err) {
    if (err instanceof CapPassed) throw tooMuch();
    throw damaged();
  }
  if (!ended) throw damaged();
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** 1 January 1980, the earliest date a zip can hold (0 is no valid date). */
const DOS_DATE = (1 << 5) | 1;

/** Compresses one entry's bytes with raw deflate (the CLI hands in Node's native zlib). */
export type Deflater = (data: Uint8Array) => Uint8Array;

/** A zip of the given entries, stored (not compressed): the rebuilt package handed to a
 *  writer library is made only of parts already inflated under the limits. */
export function storeZip(entries: readonly { name: string; data: Uint8Array }[]): Uint8Array {
  return writeZip(entries);
}

/** A zip of the given entries, each deflated by `deflate` when given and smaller so,
 *  else stored. */
export function writeZip(entries: readonly { name: string; data: Uint8Array }[], deflate?: Deflater): Uint8Array {
  const enc = new TextEncoder();
  const names = entries.map((e) => enc.encode(e.name));
  const packed = entries.map((e) => {
    const d = deflate && e.data.length > 0 ? deflate(e.data) : null;
    return d && d.length < e.data.length ? { method: 8, bytes: d } : { method: 0, bytes: e.data };
  });
  let size = 22;
  entries.forEach((e, i) => (size += 30 + 46 + 2 * names[i].length + packed[i].bytes.length));
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let p = 0;
  const offsets: number[] = [];
  const crcs: number[] = [];
  entries.forEach((e, i) => {
    const crc = crc32(e.data);
    const { method, bytes } = packed[i];
    crcs.push(crc);
    offsets.push(p);
    view.setUint32(p, LOCAL, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 0x800, true);
    view.setUint16(p + 8, method, true);
    view.setUint16(p + 12, DOS_DATE, true);
    view.setUint32(p + 14, crc, true);
    view.setUint32(p + 18, bytes.length, true);
    view.setUint32(p + 22, e.data.length, true);
    view.setUint16(p + 26, names[i].length, true);
    out.set(names[i], p + 30);
    out.set(bytes, p + 30 + names[i].length);
    p += 30 + names[i].length + bytes.length;
  });
  const dir = p;
  entries.forEach((e, i) => {
    view.setUint32(p, CENTRAL, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 20, true);
    view.setUint16(p + 8, 0x800, true);
    view.setUint16(p + 10, packed[i].method, true);
    view.setUint16(p + 14, DOS_DATE, true);
    view.setUint32(p + 16, crcs[i], true);
    view.setUint32(p + 20, packed[i].bytes.length, true);
    view.setUint32(p + 24, e.data.length, true);
    view.setUint16(p + 28, names[i].length, true);
    view.setUint32(p + 42, offsets[i], true);
    out.set(names[i], p + 46);
    p += 46 + names[i].length;
  });
  view.setUint32(p, END, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - dir, true);
  view.setUint32(p + 16, dir, true);
  return out.subarray(0, p + 22);
}

let crcTable: Uint32Array | null = null;
function crc32(b: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < b.length; i++) c = crcTable[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
