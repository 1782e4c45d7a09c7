// One XML part of a user's template, rewritten token by token (the reader's linear-time
// scanner, no regular expression over the XML): what is written back is well-formed
// whatever came in, and holds nothing that reaches outside the document or runs code.
// - Field codes other than PAGE and NUMPAGES go (INCLUDEPICTURE "http://…", DDEAUTO,
//   INCLUDETEXT, MERGEFIELD…): both w:fldSimple and complex fields (w:fldChar begin …
//   w:instrText … separate … end); the text Word last displayed for the field stays.
// - Embedded objects, ActiveX controls, imported chunks, sub-documents, the attached
//   template and mail merge, comment marks (comments are never kept) are dropped.
// - An element pointing at a relationship that was not kept is dropped (a hyperlink is
//   unwrapped: its text stays), so Word never finds a dangling reference.
import { count, tooLarge, type FileLabel } from "../xlsx/package/errors";
import { rewriteXml, scanXml, type Attrs } from "../xlsx/package/xml";
import { xmlSafeText } from "../core/shared/xmlText";

/** Fields whose codes stay: page numbers in headers and footers. */
const KEPT_FIELDS = new Set(["PAGE", "NUMPAGES"]);

/** Dropped with everything inside them, wherever they are. */
const DROPPED_ELEMENTS: Record<string, string> = {
  object: "đối tượng nhúng (OLE)",
  OLEObject: "đối tượng nhúng (OLE)",
  control: "điều khiển nhúng chạy mã",
  altChunk: "nội dung nhập từ tệp khác",
  subDoc: "tài liệu con liên kết",
  attachedTemplate: "mẫu đính kèm",
  mailMerge: "thiết lập trộn thư",
  saveThroughXslt: "chuyển đổi XSLT khi lưu",
  commentRangeStart: "",
  commentRangeEnd: "",
  commentReference: "ghi chú",
  fldData: "",
};

const RELATIONSHIP_NAMESPACES = new Set([
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
]);

/** compat children that CT_Compat (ECMA-376 §17.15.3) orders before doNotExpandShiftReturn. */
const COMPAT_BEFORE = new Set([
  "useSingleBorderforContiguousCells",
  "wpJustification",
  "noTabHangInd",
  "noLeading",
  "spaceForUL",
  "noColumnBalance",
  "balanceSingleByteDoubleByteWidth",
  "noExtraLineSpacing",
  "doNotLeaveBackslashAlone",
  "ulTrailSpace",
]);

export interface PartRules {
  /** Relationship ids of this part that were kept; a reference to any other id dangles. */
  keptIds: ReadonlySet<string>;
  /** Collect each paragraph's text (document, headers, footers, notes: where tags live). */
  textPart: boolean;
  /** settings.xml: add doNotExpandShiftReturn inside an existing w:compat, so a line
   *  break typed in a cell does not stretch a justified line. */
  compatShiftReturn?: boolean;
}

/** Elements left across all parts of one template (docxtemplater's time and memory grow
 *  with them): shared so the whole template is bounded, not each part. */
export interface ElementBudget {
  left: number;
  readonly limit: number;
}

export interface SanitizedPart {
  xml: string;
  /** Each paragraph's text, runs joined (textPart only). */
  paragraphs: string[];
}

/** What was removed, in Vietnamese → how many times. */
export type Removals = Map<string, number>;

export function note(removed: Removals, what: string): void {
  if (what) removed.set(what, (removed.get(what) ?? 0) + 1);
}

/** The attribute whose local name is `local`, whatever its prefix. */
function attr(attrs: Attrs, local: string): string | undefined {
  for (const k of Object.keys(attrs)) {
    if (k === local || (k.endsWith(local) && k.charCodeAt(k.length - local.length - 1) === 0x3a)) return attrs[k];
  }
  return undefined;
}

/** A field instruction's name: its first word, upper case ("PAGE \* MERGEFORMAT" → PAGE). */
export function fieldName(instr: string): string {
  let i = 0;
  while (i < instr.length && instr.charCodeAt(i) <= 0x20) i++;
  let j = i;
  while (j < instr.length && instr.charCodeAt(j) > 0x20 && instr[j] !== "\\") j++;
  return instr.slice(i, j).toUpperCase();
}

function shortInstr(instr: string): string {
  const t = instr.trim().split(/\s+/).join(" ");
  return t.length > 70 ? `${t.slice(0, 69)}…` : t;
}

function fieldNote(instr: string): string {
  const name = fieldName(instr);
  return name ? `trường ${name} (mã “${shortInstr(instr)}”) — giữ chữ đang hiện, bỏ mã trường` : "";
}

/** Pass 1: the instruction of each complex field, in the order their begin marks come. */
function fieldInstructions(xml: string, at: FileLabel, label: string): string[] {
  const instrs: string[] = [];
  const stack: { index: number; inInstr: boolean }[] = [];
  let collecting = -1;
  scanXml(
    xml,
    {
      open(name, attrs) {
        if (name === "fldChar") {
          const type = attr(attrs, "fldCharType");
          if (type === "begin") {
            stack.push({ index: instrs.length, inInstr: true });
            instrs.push("");
          } else if (type === "separate" && stack.length) stack[stack.length - 1].inInstr = false;
          else if (type === "end") stack.pop();
        } else if ((name === "instrText" || name === "delInstrText") && stack.length && stack[stack.length - 1].inInstr) {
          collecting = stack[stack.length - 1].index;
        }
      },
      close(name) {
        if (name === "instrText" || name === "delInstrText") collecting = -1;
      },
      text(t) {
        // The name and a little of the arguments is all that is needed (and reported).
        if (collecting >= 0 && instrs[collecting].length < 400) instrs[collecting] += t;
      },
    },
    at,
    label,
  );
  return instrs;
}

interface Field {
  keep: boolean;
  inInstr: boolean;
}

/** Rewrites one part (see the top of this file) with the reader's one rewriting walker
 *  (rewriteXml). Throws a UserError for XML that is malformed or passes the reader's
 *  bounds or the element budget. */
export function sanitizePart(
  xml: string,
  rules: PartRules,
  budget: ElementBudget,
  removed: Removals,
  at: FileLabel,
  label: string,
): SanitizedPart {
  const instrs = xml.includes("fldChar") ? fieldInstructions(xml, at, label) : [];
  const paragraphs: string[] = [];
  const paraStack: string[] = [];
  const fields: Field[] = [];
  const relPrefixes = new Set<string>(["r"]);
  let fieldCounter = 0;
  let inText = 0;
  let inCompat = false;
  let shiftReturnDone = false;

  /** Inside the instruction of a dropped field: what is shown there is part of the code. */
  const hiddenBelow = (n: number) => {
    for (let i = 0; i < n; i++) if (!fields[i].keep && fields[i].inInstr) return true;
    return false;
  };
  const compatPrefix = (qname: string) => (qname.includes(":") ? qname.slice(0, qname.indexOf(":") + 1) : "");

  /** What to do with an element: write it, unwrap it, or drop it with its content. */
  const decide = (local: string, attrs: Attrs, parent: string): { act: "emit" | "unwrap" | "drop"; attrs: Attrs } => {
    if (local === "fldChar") {
      const type = attr(attrs, "fldCharType");
      if (type === "begin") {
        const hidden = hiddenBelow(fields.length);
        const instr = instrs[fieldCounter++] ?? "";
        const keep = !hidden && KEPT_FIELDS.has(fieldName(instr));
        if (!keep && !hidden) note(removed, fieldNote(instr) || "trường không rõ mã");
        fields.push({ keep, inInstr: true });
        return { act: keep ? "emit" : "drop", attrs };
      }
      if ((type === "separate" || type === "end") && fields.length) {
        const top = fields[fields.length - 1];
        const emit = top.keep && !hiddenBelow(fields.length - 1);
        if (type === "separate") top.inInstr = false;
        else fields.pop();
        return { act: emit ? "emit" : "drop", attrs };
      }
      return { act: "drop", attrs };
    }
    const hidden = hiddenBelow(fields.length);
    if (local === "instrText" || local === "delInstrText") {
      return { act: fields.length && fields[fields.length - 1].keep && !hidden ? "emit" : "drop", attrs };
    }
    if (hidden && parent === "r" && local !== "rPr") return { act: "drop", attrs };
    if (local === "fldSimple") {
      const instr = attr(attrs, "instr") ?? "";
      if (KEPT_FIELDS.has(fieldName(instr))) return { act: "emit", attrs };
      note(removed, fieldNote(instr) || "trường không rõ mã");
      return { act: "unwrap", attrs };
    }
    if (Object.prototype.hasOwnProperty.call(DROPPED_ELEMENTS, local)) {
      note(removed, DROPPED_ELEMENTS[local]);
      return { act: "drop", attrs };
    }
    // References to relationships: kept ones stay; dangling ones go.
    let kept = 0;
    let dangling = 0;
    let out: Attrs | null = null;
    for (const k of Object.keys(attrs)) {
      if (k.startsWith("xmlns:") && RELATIONSHIP_NAMESPACES.has(attrs[k])) relPrefixes.add(k.slice(6));
      const colon = k.indexOf(":");
      if (colon < 0 || !relPrefixes.has(k.slice(0, colon))) continue;
      if (rules.keptIds.has(attrs[k])) kept++;
      else {
        dangling++;
        out ??= { ...attrs };
        delete out[k];
      }
    }
    if (dangling === 0) return { act: "emit", attrs };
    // The dropped relationship itself is reported (template.ts): its text stays here.
    if (local === "hyperlink") {
      return { act: "unwrap", attrs };
    }
    if (kept > 0) return { act: "emit", attrs: out! };
    return { act: "drop", attrs };
  };

  const cleaned = rewriteXml(
    xml,
    {
      declaration: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
      attrValue: xmlSafeText,
      open(local, attrs, c) {
        if (--budget.left < 0) {
          throw tooLarge(at, `mẫu có hơn ${count(budget.limit)} phần tử XML (mẫu Word thật có vài chục nghìn)`);
        }
        if (inCompat && c.parent === "compat" && !shiftReturnDone && !COMPAT_BEFORE.has(local)) {
          if (local !== "doNotExpandShiftReturn") c.empty(compatPrefix(c.qname) + "doNotExpandShiftReturn");
          shiftReturnDone = true;
        }
        const d = decide(local, attrs, c.parent);
        if (d.act === "drop") return null;
        if (rules.textPart && c.qname === "w:p") paraStack.push("");
        if (c.qname === "w:t") inText++;
        if (local === "compat" && rules.compatShiftReturn) {
          inCompat = true;
          shiftReturnDone = false;
        }
        return d.act === "unwrap" ? "unwrap" : d.attrs;
      },
      close(local, c) {
        if (local === "compat" && inCompat) {
          if (!shiftReturnDone) c.empty(compatPrefix(c.qname) + "doNotExpandShiftReturn");
          inCompat = false;
        }
        if (rules.textPart && c.qname === "w:p") paragraphs.push(paraStack.pop() ?? "");
        if (c.qname === "w:t") inText--;
      },
      text(t) {
        const safe = xmlSafeText(t);
        if (inText > 0 && paraStack.length) paraStack[paraStack.length - 1] += safe;
        return safe;
      },
    },
    at,
    label,
  );
  return { xml: cleaned, paragraphs };
}
