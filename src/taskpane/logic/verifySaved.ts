// luu-tep.html saves a file only when it can tell the add-in made it: re-read with the
// same bounded reader as every other file (src/xlsx/package), the package must hold only
// the parts our writers emit — for a .docx what templates and filling produce, for an
// .xlsx what the workbook writer produces — reached through its relationships, no macros,
// no embedded objects, no external relationship, no attached template, no field code but
// PAGE/NUMPAGES, and every XML part well-formed. A crafted link (a zip starting with
// PK\x03\x04 carrying a macro or a remote template) is refused, and nothing is saved.
import { UserError } from "../../core/shared/types";
import { OpcPackage, relsPartOf, type Relationship } from "../../xlsx/package/opc";
import { decodeXmlBytes, scanXml } from "../../xlsx/package/xml";
import type { FileLabel } from "../../xlsx/package/errors";

const MiB = 1024 * 1024;

/** A file that fits in a link (~1.5 MB) inflates to far less than these. */
const LIMITS = { entries: 2000, entryBytes: 64 * MiB, totalBytes: 128 * MiB, relsBytes: 4 * MiB, relationships: 5000 };

/** Relationship types our .docx files hold (templates are rebuilt to these: src/documents/template.ts). */
const DOCX_TYPES = new Set([
  "officeDocument",
  "core-properties",
  "extended-properties",
  "custom-properties",
  "styles",
  "stylesWithEffects",
  "numbering",
  "settings",
  "webSettings",
  "fontTable",
  "theme",
  "header",
  "footer",
  "footnotes",
  "endnotes",
  "image",
]);

/** Relationship types of a workbook we write (the user's own book with our sheets added
 *  keeps its tables, pictures, comments and charts). */
const XLSX_TYPES = new Set([
  "officeDocument",
  "core-properties",
  "extended-properties",
  "custom-properties",
  "worksheet",
  "sharedStrings",
  "styles",
  "theme",
  "table",
  "drawing",
  "image",
  "comments",
  "vmlDrawing",
  "calcChain",
  "printerSettings",
  "chart",
  "chartUserShapes",
  "chartsheet",
]);

const MAIN = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
};

/** Content types that carry code or other files: never in a file we make. */
function forbiddenType(type: string): boolean {
  const t = type.toLowerCase();
  return (
    t.includes("macroenabled") ||
    t.includes("vbaproject") ||
    t.includes("vbadata") ||
    t.includes("oleobject") ||
    t.includes("activex") ||
    t.includes("officedocument.package") ||
    t.includes("externallink") ||
    t === "application/zip" ||
    t === "application/x-zip-compressed"
  );
}

const KEPT_FIELDS = new Set(["PAGE", "NUMPAGES"]);

function fieldName(instr: string): string {
  return instr.trim().split(/\s+/)[0]?.toUpperCase() ?? "";
}

const NOT_OURS = "Tệp trong liên kết không phải do Sổ chuyên đề tạo ra";

/** null when `bytes` is a file the add-in makes (kind from the name's extension); else why
 *  not, in Vietnamese. */
export function whyNotOurs(bytes: Uint8Array, kind: "docx" | "xlsx"): string | null {
  try {
    return check(bytes, kind);
  } catch (err) {
    if (err instanceof UserError) return `${NOT_OURS} (không đọc được như tệp ${kind === "docx" ? "Word" : "Excel"}) — không lưu.`;
    throw err;
  }
}

function check(bytes: Uint8Array, kind: "docx" | "xlsx"): string | null {
  const at: FileLabel = { name: "trong liên kết", file: "" };
  const pkg = OpcPackage.open(bytes, at, LIMITS);
  const refuse = (what: string) => `${NOT_OURS}: ${what} — không lưu. Hãy quay lại Excel và tạo tài liệu lần nữa.`;

  // Every content type declared.
  const types: string[] = [];
  scanXml(
    decodeXmlBytes(pkg.zip.read("[Content_Types].xml", "phần danh mục loại nội dung", LIMITS.relsBytes)),
    { open: (name, a) => void ((name === "Default" || name === "Override") && types.push(a.ContentType ?? "")) },
    at,
    "phần danh mục loại nội dung",
  );
  const bad = types.find(forbiddenType);
  if (bad)
    return refuse(bad.toLowerCase().includes("macro") || bad.toLowerCase().includes("vba") ? "có macro (mã lệnh)" : "có đối tượng nhúng");

  const mainRel = pkg.relationships("").find((r) => r.type === "officeDocument" && !r.external);
  if (!mainRel || pkg.contentType(mainRel.target) !== MAIN[kind]) {
    return refuse(`không phải ${kind === "docx" ? "văn bản Word" : "sổ Excel"} thông thường`);
  }
  const allowed = kind === "docx" ? DOCX_TYPES : XLSX_TYPES;
  const reached = new Set<string>(["[content_types].xml"]);
  const queue: string[] = [""];
  const seen = new Set<string>();
  while (queue.length) {
    const part = queue.shift()!;
    if (seen.has(part.toLowerCase())) continue;
    seen.add(part.toLowerCase());
    const rels: Relationship[] = pkg.relationships(part);
    if (pkg.zip.has(relsPartOf(part))) reached.add(relsPartOf(part).toLowerCase());
    for (const r of rels) {
      if (r.external) return refuse(`có liên kết ra ngoài (${r.type} tới ${r.target.slice(0, 80)})`);
      if (r.type === "attachedTemplate") return refuse("có mẫu đính kèm");
      if (r.type === "vbaProject" || r.type === "wordVbaData") return refuse("có macro (mã lệnh)");
      if (!allowed.has(r.type)) return refuse(`có phần không do Sổ chuyên đề ghi (${r.type})`);
      if (!pkg.canRead(r.target)) return refuse(`thiếu phần ${r.target}`);
      reached.add(r.target.toLowerCase());
      if (r.type !== "image") queue.push(r.target);
    }
  }
  const extra = pkg.zip.names().find((n) => !reached.has(n.toLowerCase()));
  if (extra) return refuse(`có phần thừa ${extra}`);

  // Each XML part well-formed and within the reader's bounds; no attached template, no
  // field code that fetches or runs anything.
  for (const part of seen) {
    if (part === "") continue;
    const name = pkg.zip.entry(part)!.name;
    const type = pkg.contentType(name) ?? "";
    if (!type.endsWith("xml")) continue;
    let why: string | null = null;
    // Complex fields: the instruction is the text of its instrText runs between begin and
    // separate (Word may split it over several runs).
    const fields: { instr: string; inInstr: boolean }[] = [];
    let collecting = false;
    const judge = (instr: string) => {
      if (!KEPT_FIELDS.has(fieldName(instr))) why = `có mã trường ${fieldName(instr) || "không rõ"}`;
    };
    scanXml(
      pkg.text(name, `phần ${name}`),
      {
        open(local, a) {
          if (local === "attachedTemplate") why = "có mẫu đính kèm";
          else if (local === "object" || local === "OLEObject" || local === "control" || local === "altChunk") why = "có đối tượng nhúng";
          else if (local === "fldSimple") {
            const code = Object.keys(a).find((k) => k === "instr" || k.endsWith(":instr"));
            judge(code ? a[code] : "");
          } else if (local === "fldChar") {
            const key = Object.keys(a).find((k) => k === "fldCharType" || k.endsWith(":fldCharType"));
            const type = key ? a[key] : "";
            const top = fields[fields.length - 1];
            if (type === "begin") fields.push({ instr: "", inInstr: true });
            else if (top && (type === "separate" || type === "end")) {
              if (top.inInstr) judge(top.instr);
              top.inInstr = false;
              if (type === "end") fields.pop();
            }
          } else if (local === "instrText") collecting = true;
        },
        text(t) {
          const top = fields[fields.length - 1];
          if (collecting && top?.inInstr && top.instr.length < 200) top.instr += t;
        },
        close(local) {
          if (local === "instrText") collecting = false;
        },
      },
      at,
      `phần ${name}`,
    );
    if (fields.some((f) => f.inInstr)) fields.filter((f) => f.inInstr).forEach((f) => judge(f.instr));
    if (why) return refuse(why);
  }
  return null;
}
