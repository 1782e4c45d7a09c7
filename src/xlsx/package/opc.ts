// An Office package (OPC) over a bounded zip: parts are found only through
// [Content_Types].xml and the relationship graph (_rels/.rels → the main part → its
// _rels → …), and only a part reached that way can be read. An entry that no relationship
// names (a `sheet7.xml.bak`, a leftover, a planted file) is never inflated; a part a
// relationship does name is bounded like any other of its kind.
import { broken, count, tooLarge, type FileLabel } from "./errors";
import { ZipArchive, normalisePartName, type ZipLimits } from "./zip";
import { decodeXmlBytes, scanXml } from "./xml";

export interface Relationship {
  id: string;
  /** The last segment of the type URI ("worksheet", "officeDocument"…): transitional and
   *  strict OOXML differ only before it. */
  type: string;
  /** The target part, resolved and normalised; for an external target, the URI as written. */
  target: string;
  external: boolean;
}

export interface PackageLimits extends ZipLimits {
  /** One relationships part or [Content_Types].xml, inflated. */
  relsBytes: number;
  /** Relationships in one part. */
  relationships: number;
}

const MiB = 1024 * 1024;

/** The relationships part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels";
 *  "" (the package) → "_rels/.rels". */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return slash < 0 ? `_rels/${part}.rels` : `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's target relative to its source part, as a part name ("" when it
 *  climbs out of the package). */
export function resolveTarget(sourcePart: string, target: string): string {
  const t = target.split("\\").join("/");
  const base = t.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const seg of t.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (base.length === 0) return "";
      base.pop();
    } else base.push(seg);
  }
  // A fragment or query is not part of a part name.
  const joined = base.join("/");
  const hash = joined.indexOf("#");
  return normalisePartName(hash >= 0 ? joined.slice(0, hash) : joined);
}

export class OpcPackage {
  private readonly overrides = new Map<string, string>();
  private readonly defaults = new Map<string, string>();
  private readonly reached = new Set<string>();
  private readonly relsCache = new Map<string, Relationship[]>();

  private constructor(
    readonly zip: ZipArchive,
    readonly limits: PackageLimits,
  ) {}

  get at(): FileLabel {
    return this.zip.at;
  }

  /** True when the zip has [Content_Types].xml: without it, it is no Office file. */
  hasContentTypes = false;

  /** Opens the zip and reads [Content_Types].xml when there is one (hasContentTypes). */
  static open(bytes: Uint8Array, at: FileLabel, limits: PackageLimits): OpcPackage {
    const pkg = new OpcPackage(ZipArchive.open(bytes, at, limits), limits);
    if (!pkg.zip.has("[Content_Types].xml")) return pkg;
    pkg.hasContentTypes = true;
    const label = "phần mục lục của tệp nén";
    const xml = decodeXmlBytes(pkg.zip.read("[Content_Types].xml", label, limits.relsBytes));
    let items = 0;
    scanXml(
      xml,
      {
        open: (name, a) => {
          if (name !== "Default" && name !== "Override") return;
          if (++items > limits.relationships) throw tooLarge(at, `${label} có hơn ${count(limits.relationships)} mục`);
          const type = a.ContentType ?? "";
          if (name === "Default" && a.Extension) pkg.defaults.set(a.Extension.toLowerCase(), type);
          if (name === "Override" && a.PartName) pkg.overrides.set(normalisePartName(a.PartName).toLowerCase(), type);
        },
      },
      at,
      label,
    );
    return pkg;
  }

  /** The part's content type: its Override, else the Default of its extension. */
  contentType(part: string): string | undefined {
    const key = normalisePartName(part).toLowerCase();
    const o = this.overrides.get(key);
    if (o !== undefined) return o;
    const dot = key.lastIndexOf(".");
    return dot >= 0 && dot > key.lastIndexOf("/") ? this.defaults.get(key.slice(dot + 1)) : undefined;
  }

  /** The relationships of a part ("" for the package's own). A part without a
   *  relationships part has none. Every internal target becomes readable. */
  relationships(sourcePart: string): Relationship[] {
    const cached = this.relsCache.get(sourcePart);
    if (cached) return cached;
    const relsPart = relsPartOf(sourcePart);
    const out: Relationship[] = [];
    if (this.zip.has(relsPart)) {
      const label = `phần ${relsPart}`;
      const xml = decodeXmlBytes(this.zip.read(relsPart, label, Math.min(this.limits.relsBytes, this.limits.entryBytes)));
      scanXml(
        xml,
        {
          open: (name, a) => {
            if (name !== "Relationship") return;
            if (out.length >= this.limits.relationships) {
              throw tooLarge(this.at, `${label} có hơn ${count(this.limits.relationships)} liên kết`);
            }
            const type = a.Type ?? "";
            const external = (a.TargetMode ?? "").toLowerCase() === "external";
            const raw = a.Target ?? "";
            const target = external ? raw : resolveTarget(sourcePart, raw);
            out.push({ id: a.Id ?? "", type: type.slice(type.lastIndexOf("/") + 1), target, external });
            if (!external && target !== "") this.reached.add(target.toLowerCase());
          },
        },
        this.at,
        label,
      );
    }
    this.relsCache.set(sourcePart, out);
    return out;
  }

  /** True when the part was reached through a relationship and is in the zip. */
  canRead(part: string): boolean {
    return this.reached.has(normalisePartName(part).toLowerCase()) && this.zip.has(part);
  }

  /** A reached part's bytes under `cap`. A part no relationship reached is refused: the
   *  reader never parses what it did not resolve. */
  read(part: string, label: string, cap?: number): Uint8Array {
    if (!this.reached.has(normalisePartName(part).toLowerCase())) {
      throw broken(this.at, `${label} không được sổ tham chiếu tới`);
    }
    return this.zip.read(part, label, cap);
  }

  text(part: string, label: string, cap?: number): string {
    return decodeXmlBytes(this.read(part, label, cap));
  }
}

export const DEFAULT_PACKAGE_LIMITS: PackageLimits = {
  entries: 10_000,
  entryBytes: 64 * MiB,
  totalBytes: 256 * MiB,
  relsBytes: 4 * MiB,
  relationships: 10_000,
};
