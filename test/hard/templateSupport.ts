// Pieces of the hostile-template tests: zips built byte by byte (so an entry can lie about
// its size), a deflate stream that inflates to any size from a few MB, a run of the CLI
// measured by /usr/bin/time (peak memory of the child, wall time), and xmllint over every
// XML part of a .docx.
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { deflateSync, unzipSync } from "fflate";
import { BIN, ROOT } from "../cli/helpers/run";

export interface RawEntry {
  name: string;
  /** Stored bytes (method 0) or raw deflate (method 8). */
  data: Uint8Array;
  method?: 0 | 8;
  /** What the headers claim the entry inflates to (default: the truth when known). */
  declaredSize?: number;
}

/** A zip whose headers say exactly what they are told (sizes included). */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const method = e.method ?? 0;
    const size = e.declaredSize ?? (method === 0 ? e.data.length : 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0, 14); // CRC: never reached by a reader that stops at its cap
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, Buffer.from(name), Buffer.from(e.data));
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x800, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, Buffer.from(name));
    offset += 30 + name.length + e.data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, dir, end]));
}

/** A zip of honest entries (deflated), from text or bytes. */
export function honestZip(files: Record<string, string | Uint8Array>): Uint8Array {
  const enc = new TextEncoder();
  return rawZip(
    Object.entries(files).map(([name, v]) => {
      const data = typeof v === "string" ? enc.encode(v) : v;
      return { name, data: deflateSync(data), method: 8 as const, declaredSize: data.length };
    }),
  );
}

/** Raw deflate (one fixed-Huffman block) of `prefix` then spaces up to `total` bytes: each
 *  258 spaces cost 13 bits, so 1 GiB takes ~6.5 MB. */
export function deflateBomb(prefix: string, total: number): Uint8Array {
  const out: number[] = [];
  let bits = 0;
  let nbits = 0;
  const put = (value: number, n: number) => {
    bits |= value << nbits;
    nbits += n;
    while (nbits >= 8) {
      out.push(bits & 0xff);
      bits >>>= 8;
      nbits -= 8;
    }
  };
  /** Huffman codes go most significant bit first. */
  const code = (value: number, n: number) => {
    let r = 0;
    for (let i = 0; i < n; i++) r = (r << 1) | ((value >> i) & 1);
    put(r, n);
  };
  const literal = (b: number) => (b < 144 ? code(0x30 + b, 8) : code(0x190 + b - 144, 9));
  put(1, 1); // final block
  put(1, 2); // fixed Huffman
  const bytes = Buffer.from(prefix + " ");
  for (const b of bytes) literal(b);
  let written = bytes.length;
  while (written + 258 <= total) {
    code(0xc5, 8); // length code 285 = 258 bytes
    code(0, 5); // distance code 0 = 1 back
    written += 258;
  }
  code(0, 7); // end of block
  if (nbits > 0) out.push(bits & 0xff);
  return new Uint8Array(out);
}

export const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.oleObject"/>' +
  '<Default Extension="zip" ContentType="application/zip"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>' +
  "</Types>";

export const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  "</Relationships>";

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:v="urn:schemas-microsoft-com:vml"';

export function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NS}><w:body>${body}</w:body></w:document>`;
}

export function settingsXml(inner: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings ${NS}>${inner}</w:settings>`;
}

export function rels(...items: string[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    items.join("") +
    "</Relationships>"
  );
}

export interface Measured {
  code: number;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the child, bytes. */
  maxRss: number;
  /** CPU time of the child (user + system): what the 10 s goal bounds. Wall time on a shared
   *  two-core machine measures the neighbours too; it only has the spawn's 60 s time-out. */
  seconds: number;
  wallSeconds: number;
}

/** `chuyende args…` in a child process under /usr/bin/time. */
export function runMeasured(args: string[]): Measured {
  const dir = mkdtempSync(path.join(tmpdir(), "chuyende-time-"));
  const timing = path.join(dir, "time.txt");
  try {
    const r = spawnSync("/usr/bin/time", ["-o", timing, "-f", "%M %e %U %S", process.execPath, BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, TZ: "Asia/Ho_Chi_Minh" },
      encoding: "utf8",
      timeout: 60_000,
    });
    const [kb, wall, user, system] = readFileSync(timing, "utf8").trim().split("\n").pop()!.split(" ").map(Number);
    return {
      code: r.status ?? -1,
      stdout: r.stdout,
      stderr: r.stderr,
      maxRss: kb * 1024,
      seconds: Math.round((user + system) * 100) / 100,
      wallSeconds: wall,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** Every .xml and .rels part of a .docx through xmllint; returns the parts it refused. */
export function invalidXmlParts(docx: Uint8Array): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), "chuyende-xmllint-"));
  const bad: string[] = [];
  try {
    const files = unzipSync(docx);
    for (const [name, data] of Object.entries(files)) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      const f = path.join(dir, "part.xml");
      writeFileSync(f, data);
      const r = spawnSync("xmllint", ["--noout", "--nonet", f], { encoding: "utf8" });
      if (r.status !== 0) bad.push(`${name}: ${r.stderr.trim()}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return bad;
}

/** All text of every part of a .docx, for asserting what is no longer there. */
export function allPartsText(docx: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(docx))) out[name] = Buffer.from(data).toString("latin1");
  return out;
}
