// The small parts of an .xlsx the grid needs besides its sheets — the workbook (sheet
// names, order, date system), the styles (which cells show dates), the shared strings and
// the tables — each tokenised by the bounded scanner, never by a regular expression.
import { broken, count, tooLarge, type FileLabel } from "./package/errors";
import type { OpcPackage } from "./package/opc";
import { scanXml } from "./package/xml";
import { READ_LIMITS } from "./readLimits";
import { UserError } from "../core/shared/types";

export interface SheetEntry {
  name: string;
  /** The worksheet part, resolved through the workbook's relationships. */
  part: string;
}

export interface WorkbookPart {
  part: string;
  sheets: SheetEntry[];
  date1904: boolean;
  /** <workbookProtection lockStructure="1"/>: sheets may not be added, removed or renamed. */
  structureLocked: boolean;
  /** Resolved targets of the workbook's relationships by type (styles, sharedStrings…). */
  related: Map<string, string>;
}

const WORKBOOK_TYPES = new Set([
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
  "application/vnd.ms-excel.template.macroEnabled.main+xml",
]);

/** The workbook part through _rels/.rels, its sheets through its relationships. What is
 *  not a workbook (a .docx, an .ods, an .xlsb) says what it is. */
export function readWorkbookPart(pkg: OpcPackage): WorkbookPart {
  const at = pkg.at;
  const main = pkg.relationships("").find((r) => r.type === "officeDocument" && !r.external);
  const contentType = main ? pkg.contentType(main.target) : undefined;
  if (!main || !contentType || !WORKBOOK_TYPES.has(contentType) || !pkg.canRead(main.target)) {
    let what = "không phải sổ Excel .xlsx";
    if (contentType?.includes("sheet.binary") || pkg.zip.has("xl/workbook.bin")) what = "là định dạng .xlsb (nhị phân)";
    else if (pkg.zip.has("mimetype")) what = "là tệp OpenDocument (.ods/.odt)";
    else if (contentType?.includes("wordprocessingml") || pkg.zip.has("word/document.xml")) what = "là văn bản Word (.docx)";
    else if (!main && pkg.zip.has("xl/workbook.xml")) {
      throw broken(at, "thiếu phần liên kết _rels/.rels chỉ tới nội dung của sổ");
    }
    throw userNotWorkbook(at, what);
  }
  const rels = pkg.relationships(main.target);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const related = new Map<string, string>();
  for (const r of rels) if (!r.external && !related.has(r.type)) related.set(r.type, r.target);
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  let structureLocked = false;
  scanXml(
    pkg.text(main.target, "phần nội dung chính của sổ", READ_LIMITS.relsBytes),
    {
      open(name, a) {
        if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
        if (name === "workbookProtection") structureLocked = a.lockStructure === "1" || a.lockStructure === "true";
        if (name !== "sheet") return;
        const rid = a["r:id"] ?? a.id ?? attrBySuffix(a, ":id");
        const rel = rid ? byId.get(rid) : undefined;
        // Only worksheets: a chart sheet or a macro sheet has no cells for the register.
        if (!rel || rel.external || rel.type !== "worksheet" || a.name === undefined) return;
        if (sheets.length >= 1000) throw tooLarge(at, "sổ có hơn 1.000 trang");
        sheets.push({ name: a.name, part: rel.target });
      },
    },
    at,
    "phần nội dung chính của sổ",
  );
  return { part: main.target, sheets, date1904, structureLocked, related };
}

function attrBySuffix(a: Record<string, string>, suffix: string): string | undefined {
  for (const k of Object.keys(a)) if (k.endsWith(suffix)) return a[k];
  return undefined;
}

function userNotWorkbook(at: FileLabel, what: string): UserError {
  // The same words the loader always used for a zip that is not a workbook.
  return new UserError("TEP_KHONG_HOP_LE", `Tệp ${at.name} ${what} — hãy mở bằng Excel và lưu dưới dạng .xlsx.`, { file: at.file });
}

/** Built-in number formats Excel shows as dates or times (as exceljs reads them). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** A number format shows a date or a time: it has y, m, d, h, s (or b) outside quoted text
 *  and [brackets] — the rule exceljs applies, written as a scan. */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  let inQuote = false;
  let inBracket = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (inQuote) {
      if (c === '"') inQuote = false;
    } else if (inBracket) {
      if (c === "]") inBracket = false;
    } else if (c === '"') inQuote = true;
    else if (c === "[") inBracket = true;
    else if ("ymdhMsb".includes(c)) return true;
  }
  return false;
}

export interface Styles {
  /** Cell format index → its number format code (undefined for General). */
  formats: (string | undefined)[];
  /** Cell format index → shows a date. */
  dates: boolean[];
}

export function readStyles(pkg: OpcPackage, part: string | undefined): Styles {
  const styles: Styles = { formats: [], dates: [] };
  if (!part || !pkg.canRead(part)) return styles;
  const at = pkg.at;
  const label = "phần định dạng của sổ";
  const custom = new Map<number, string>();
  const xfNumFmt: number[] = [];
  let inCellXfs = false;
  scanXml(
    pkg.text(part, label, READ_LIMITS.partBytes),
    {
      open(name, a) {
        if (name === "numFmt") {
          if (custom.size >= READ_LIMITS.numberFormats)
            throw tooLarge(at, `${label} có hơn ${count(READ_LIMITS.numberFormats)} định dạng số`);
          custom.set(Number(a.numFmtId), a.formatCode ?? "");
        } else if (name === "cellXfs") inCellXfs = true;
        else if (name === "xf" && inCellXfs) {
          if (xfNumFmt.length >= READ_LIMITS.cellFormats)
            throw tooLarge(at, `${label} có hơn ${count(READ_LIMITS.cellFormats)} kiểu định dạng ô`);
          xfNumFmt.push(Number(a.numFmtId ?? 0) || 0);
        }
      },
      close(name) {
        if (name === "cellXfs") inCellXfs = false;
      },
    },
    at,
    label,
  );
  for (const id of xfNumFmt) {
    const code = custom.get(id) ?? BUILTIN_FORMATS[id];
    styles.formats.push(code === undefined || code === "General" ? undefined : code);
    styles.dates.push(isDateFormat(code));
  }
  return styles;
}

/** Excel's escape of characters XML cannot hold: _x000D_ → "\r" (as exceljs decodes it). */
export function decodeExcelEscapes(s: string): string {
  let i = s.indexOf("_x");
  if (i < 0) return s;
  let out = "";
  let from = 0;
  while (i >= 0) {
    if (i + 6 < s.length && s.charCodeAt(i + 6) === 0x5f) {
      const hex = s.slice(i + 2, i + 6);
      let ok = true;
      for (let k = 0; k < 4; k++) {
        const c = hex.charCodeAt(k);
        if (!((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46))) ok = false;
      }
      if (ok) {
        out += s.slice(from, i) + String.fromCharCode(parseInt(hex, 16));
        from = i + 7;
        i = s.indexOf("_x", from);
        continue;
      }
    }
    i = s.indexOf("_x", i + 1);
  }
  return out + s.slice(from);
}

/** The shared strings, each as the plain text of its runs (phonetic guides left out). */
export function readSharedStrings(pkg: OpcPackage, part: string | undefined): string[] {
  const strings: string[] = [];
  if (!part || !pkg.canRead(part)) return strings;
  const at = pkg.at;
  const label = "phần chứa chữ của các ô";
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  let runs = 0;
  scanXml(
    pkg.text(part, label, READ_LIMITS.partBytes),
    {
      open(name) {
        if (name === "si") {
          if (strings.length >= READ_LIMITS.sharedStrings) {
            throw tooLarge(at, `${label} có hơn ${count(READ_LIMITS.sharedStrings)} đoạn chữ`);
          }
          current = [];
        } else if (name === "t") inText = phonetic === 0 && current !== null;
        else if (name === "rPh") phonetic++;
        else if (name === "r" && ++runs > READ_LIMITS.sharedStringRuns) {
          throw tooLarge(at, `${label} có hơn ${count(READ_LIMITS.sharedStringRuns)} đoạn định dạng`);
        }
      },
      close(name) {
        if (name === "t") inText = false;
        else if (name === "rPh") phonetic--;
        else if (name === "si" && current) {
          strings.push(decodeExcelEscapes(current.length === 1 ? current[0] : current.join("")));
          current = null;
        }
      },
      wantsText: () => inText && current !== null,
      text(t) {
        current!.push(t);
      },
    },
    at,
    label,
  );
  return strings;
}

export interface TablePart {
  name: string;
  ref: string;
  headerRowCount: number;
  totalsRowCount: number;
}

/** A table part's name, range and header/totals rows (absent headerRowCount means 1). */
export function readTable(pkg: OpcPackage, part: string): TablePart | null {
  let table: TablePart | null = null;
  scanXml(
    pkg.text(part, `phần bảng ${part}`, READ_LIMITS.relsBytes),
    {
      open(name, a) {
        if (name !== "table" || table) return;
        const tname = a.name ?? a.displayName;
        if (!tname || !a.ref) return;
        table = {
          name: tname,
          ref: a.ref,
          headerRowCount: a.headerRowCount === undefined ? 1 : Number(a.headerRowCount) || 0,
          totalsRowCount: a.totalsRowCount === undefined ? 0 : Number(a.totalsRowCount) || 0,
        };
      },
    },
    pkg.at,
    `phần bảng ${part}`,
  );
  return table;
}
