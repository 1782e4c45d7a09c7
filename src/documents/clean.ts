// A user's template is copied into every document made from it: keep only what a .docx
// needs. No macros (a .docm renamed .docx), no external relationships but hyperlinks (a
// remote attachedTemplate is fetched by Word on opening), no entries nothing refers to (a
// huge unreferenced entry would make each output a zip bomb). Browser and Node.
import type PizZip from "pizzip";
import { UserError } from "../core/shared/types";

/** Limits on a template (a real one is 20–200 KB) and on a filled document. */
export const DOCX_LIMITS = {
  templateBytes: 20 * 1024 * 1024,
  /** One entry of the template, as its zip declares it inflated. */
  entryBytes: 50 * 1024 * 1024,
  /** A filled document (300 opinions in a biên bản make well under 1 MB). */
  outputBytes: 30 * 1024 * 1024,
  /** Loops inside loops ({#yKien} in {#nguoiChuanBi}…): no document needs more. */
  loopDepth: 2,
};

const MACRO_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml";
const DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml";
const MACRO_TEMPLATE_MAIN = "application/vnd.ms-word.template.macroEnabledTemplate.main+xml";
/** Relationship types that carry code or customisations, dropped with their parts. */
const DROPPED_TYPES = /\/(vbaProject|wordVbaData|keyMapCustomizations|attachedToolbars|attachedTemplate)$/;

function dirOf(part: string): string {
  const i = part.lastIndexOf("/");
  return i < 0 ? "" : part.slice(0, i + 1);
}

function relsOf(part: string): string {
  return `${dirOf(part)}_rels/${part.slice(dirOf(part).length)}.rels`;
}

/** A relationship target relative to its source part → the zip entry name. */
function resolve(base: string, target: string): string {
  const raw = target.startsWith("/") ? target.slice(1) : dirOf(base) + target;
  const out: string[] = [];
  for (const seg of raw.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

/** Cleans the template's zip in place: what is kept is what the parts reachable from
 *  _rels/.rels refer to. Returns what was removed, for tests and notes. */
export function keepOnlyDocxParts(zip: PizZip): string[] {
  const removed: string[] = [];
  const kept = new Set<string>(["[Content_Types].xml"]);
  const queue: string[] = [""]; // "" = the package root, whose rels are _rels/.rels
  const seen = new Set<string>();
  while (queue.length > 0) {
    const part = queue.shift()!;
    if (seen.has(part)) continue;
    seen.add(part);
    const relsName = part === "" ? "_rels/.rels" : relsOf(part);
    const rels = zip.file(relsName);
    if (!rels) continue;
    kept.add(relsName);
    const droppedIds: string[] = [];
    const xml = rels.asText().replace(/<Relationship\b[^>]*\/>|<Relationship\b[^>]*>[\s\S]*?<\/Relationship>/g, (rel) => {
      const type = /\bType="([^"]*)"/.exec(rel)?.[1] ?? "";
      const target = /\bTarget="([^"]*)"/.exec(rel)?.[1] ?? "";
      const id = /\bId="([^"]*)"/.exec(rel)?.[1] ?? "";
      const external = /\bTargetMode="External"/i.test(rel);
      if (DROPPED_TYPES.test(type) || (external && !/\/hyperlink$/.test(type))) {
        removed.push(external ? `${type.split("/").pop() ?? "liên kết"} → ${target}` : resolve(part, target));
        droppedIds.push(id);
        return "";
      }
      if (!external) {
        const entry = resolve(part, target);
        if (zip.file(entry)) {
          kept.add(entry);
          queue.push(entry);
        }
      }
      return rel;
    });
    if (droppedIds.length > 0) {
      zip.file(relsName, xml);
      // Elements pointing at a dropped relationship (Word's settings name the template
      // and a mail-merge source this way) go too, else Word reports a damaged file.
      if (part !== "" && zip.file(part)) {
        let partXml = zip.file(part)!.asText();
        for (const id of droppedIds) {
          partXml = partXml.replace(
            new RegExp(`<w:(attachedTemplate|dataSource|headerSource|mailMerge)\\b[^>]*r:id="${id}"[^>]*/>`, "g"),
            "",
          );
        }
        partXml = partXml.replace(/<w:mailMerge>[\s\S]*?<\/w:mailMerge>/g, "");
        zip.file(part, partXml);
      }
    }
  }
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir || kept.has(name)) continue;
    zip.remove(name);
    removed.push(name);
  }
  for (const name of Object.keys(zip.files)) if (zip.files[name].dir) zip.remove(name);
  const types = zip.file("[Content_Types].xml");
  if (types) {
    const xml = types
      .asText()
      .replace(MACRO_MAIN, DOCX_MAIN)
      .replace(MACRO_TEMPLATE_MAIN, DOCX_MAIN)
      .replace(TEMPLATE_MAIN, DOCX_MAIN)
      .replace(/<Override\b[^>]*\bPartName="\/?([^"]*)"[^>]*\/>/g, (o, part: string) => (zip.file(decodeURIComponent(part)) ? o : ""))
      .replace(/<Default\b[^>]*\bContentType="application\/vnd\.ms-office\.vbaProject"[^>]*\/>/g, "");
    zip.file("[Content_Types].xml", xml);
  }
  return removed;
}

interface RawEntry {
  uncompressedSize?: number;
}

/** Refuses a template too large to be a real one, or with an entry claiming to inflate
 *  beyond DOCX_LIMITS.entryBytes (checked before anything is inflated). */
export function checkTemplateSize(bytes: Uint8Array, zip: PizZip, who: string, file?: string): void {
  const mb = (n: number) => `${Math.round(n / 1048576)} MB`;
  if (bytes.length > DOCX_LIMITS.templateBytes) {
    throw new UserError(
      "MAU_QUA_LON",
      `${who} quá lớn (${mb(bytes.length)}; mẫu Word thường dưới 1 MB, giới hạn ${mb(DOCX_LIMITS.templateBytes)}).`,
      { file },
    );
  }
  for (const name of Object.keys(zip.files)) {
    const size = (zip.files[name] as unknown as { _data?: RawEntry })._data?.uncompressedSize ?? 0;
    if (size > DOCX_LIMITS.entryBytes) {
      throw new UserError(
        "MAU_QUA_LON",
        `${who} chứa phần ${name} giải nén ra ${mb(size)}, quá giới hạn ${mb(DOCX_LIMITS.entryBytes)} — không dùng mẫu này.`,
        { file },
      );
    }
  }
}
