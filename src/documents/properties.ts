// The core properties (docProps/core.xml) of every .docx we write say which version of
// Sổ chuyên đề made it: cp:lastModifiedBy, and dc:creator of a document made from nothing.
// A template's own properties (title, author, dates) are kept. String search only: a user's
// template is untrusted XML, never scanned with a backtracking pattern.
import type PizZip from "pizzip";
import { escapeXml } from "../core/shared/xml";
import { PRODUCED_BY } from "../version";

const CORE = "docProps/core.xml";
const CORE_TYPE = "application/vnd.openxmlformats-package.core-properties+xml";
const CORE_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
const END = "</cp:coreProperties>";
const OPEN = "<cp:lastModifiedBy";
const CLOSE = "</cp:lastModifiedBy>";

function stamp(): string {
  return `<cp:lastModifiedBy>${escapeXml(PRODUCED_BY)}</cp:lastModifiedBy>`;
}

/** A core-properties part of our own. */
function freshCore(): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/">' +
    `<dc:creator>${escapeXml(PRODUCED_BY)}</dc:creator>${stamp()}${END}`
  );
}

/** `xml` with its cp:lastModifiedBy (if any) replaced by ours; null when it is not a core-properties part we can edit. */
function restamped(xml: string): string | null {
  const end = xml.lastIndexOf(END);
  if (end < 0) return null;
  let body = xml.slice(0, end);
  const open = body.indexOf(OPEN);
  if (open >= 0) {
    const tagEnd = body.indexOf(">", open);
    if (tagEnd < 0) return null;
    const selfClosing = body[tagEnd - 1] === "/";
    const close = selfClosing ? tagEnd + 1 : body.indexOf(CLOSE, tagEnd);
    if (close < 0) return null;
    body = body.slice(0, open) + body.slice(selfClosing ? close : close + CLOSE.length);
  }
  return body + stamp() + xml.slice(end);
}

/** Before `closing` (the last occurrence) in `xml`, `insert`. */
function insertBefore(xml: string, closing: string, insert: string): string {
  const at = xml.lastIndexOf(closing);
  return at < 0 ? xml : xml.slice(0, at) + insert + xml.slice(at);
}

/** Stamps the package in `zip` (a .docx) with the version that writes it. */
export function stampDocx(zip: PizZip): void {
  const existing = zip.file(CORE);
  const edited = existing ? restamped(existing.asText()) : null;
  zip.file(CORE, edited ?? freshCore());
  if (existing) return;
  const types = zip.file("[Content_Types].xml");
  if (types && !types.asText().includes(`PartName="/${CORE}"`)) {
    zip.file("[Content_Types].xml", insertBefore(types.asText(), "</Types>", `<Override PartName="/${CORE}" ContentType="${CORE_TYPE}"/>`));
  }
  const rels = zip.file("_rels/.rels");
  if (rels && !rels.asText().includes(`Target="${CORE}"`)) {
    zip.file(
      "_rels/.rels",
      insertBefore(rels.asText(), "</Relationships>", `<Relationship Id="rIdCoreProperties" Type="${CORE_REL}" Target="${CORE}"/>`),
    );
  }
}
