// `chuyende mau [TEMPLATE.docx] [--loai de-dan|bien-ban|danh-sach|thong-bao|bao-cao]` — checks a user's .docx template
// (tags that are malformed or unknown), exit 0 when usable, 2 when not. Without a file it
// lists the tags a template may use.
import * as path from "path";
import type { Command } from "../command";
import { stringOption } from "../io";
import type { DocumentKind, TemplateField } from "../../core/make/documentData";
import { ALL_TEMPLATE_FIELDS, DOCUMENT_KINDS, KIND_LABEL } from "../../core/make/meetingPapers";
import { UserError } from "../../core/shared/types";
import { checkInspected, inspectTemplate, type TemplateCheck } from "../../documents/fill";
import { readTemplateFile } from "./de-dan";

const KINDS = DOCUMENT_KINDS;
const KIND_LIST = KINDS.map((k) => `--loai ${k}`).join(", ");

function kindOption(value: string | undefined): DocumentKind | undefined {
  if (value === undefined) return undefined;
  // "de-dan", "dedan", "đề-dẫn", "Đề dẫn" all name the đề dẫn.
  const key = value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/gi, "d")
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
  const kind = KINDS.find((k) => k === key || k.replace(/-/g, "") === key.replace(/-/g, ""));
  if (kind) return kind;
  throw new UserError("SAI_THAM_SO", `--loai "${value}" không hợp lệ: dùng ${KIND_LIST}.`);
}

function tagOf(f: TemplateField): string {
  return f.type === "text" ? `{${f.name}}` : `{#${f.name}}…{/${f.name}}`;
}

/** The tags of one kind, loops with their item tags indented below them. */
export function fieldListText(kind: DocumentKind): string {
  const fields = ALL_TEMPLATE_FIELDS.filter((f) => f.kinds.includes(kind));
  const lines = [`Các thẻ dùng được trong mẫu ${KIND_LABEL[kind]}:`];
  for (const f of fields.filter((x) => !x.itemOf)) {
    const example = f.example ? ` — ví dụ: ${f.example.trim()}` : "";
    lines.push(`  ${tagOf(f).padEnd(28)} ${f.description}${example}`);
    for (const item of fields.filter((x) => x.itemOf === f.name)) {
      lines.push(`      ${`{${item.name}}`.padEnd(24)} ${item.description}${item.example ? ` — ví dụ: ${item.example}` : ""}`);
    }
  }
  return lines.join("\n") + "\n";
}

/** Without --loai: the kind whose tags the template fits best (ties → đề dẫn). */
function bestKind(bytes: Uint8Array, name: string): { kind: DocumentKind; result: TemplateCheck } {
  const inspected = inspectTemplate(bytes, { name });
  const results = KINDS.map((kind) => ({ kind, result: checkInspected(inspected, kind) }));
  return results.reduce((a, b) => (b.result.unknownTags.length < a.result.unknownTags.length ? b : a));
}

/** What the template loses on the way into a document (macros, field codes, embedded
 *  objects, outside links), so the secretary knows before using it. */
function removedText(removed: string[]): string {
  if (removed.length === 0) return "";
  return `Những phần sau không được chép vào văn bản lập từ mẫu (để văn bản an toàn, không tải gì từ ngoài):\n${removed
    .map((r) => `  - ${r}`)
    .join("\n")}\n`;
}

export const mau: Command = {
  name: "mau",
  summary: "Kiểm tra một mẫu .docx của người dùng (thẻ sai, thẻ không có); không có tệp: liệt kê các thẻ.",
  usage: "chuyende mau [MAU.docx] [--loai de-dan|bien-ban|danh-sach|thong-bao|bao-cao]",
  examples: [
    { command: "chuyende mau --loai de-dan", does: "liệt kê các thẻ dùng được trong mẫu đề dẫn" },
    { command: "chuyende mau mau-cua-chi-bo.docx --loai bien-ban", does: "kiểm tra mẫu biên bản của chi bộ" },
  ],
  valueOptions: ["loai"],
  async run(args, io) {
    const kindArg = kindOption(stringOption(args, "loai"));
    if (args.positional.length > 1) {
      throw new UserError("THUA_THAM_SO", `Thừa tham số: ${args.positional.slice(1).join(" ")} (chỉ nhận một tệp mẫu).`);
    }
    const file = args.positional[0];
    if (!file) {
      io.stdout((kindArg ? [kindArg] : KINDS).map(fieldListText).join("\n"));
      return 0;
    }
    const name = path.basename(file);
    const bytes = await readTemplateFile(file);
    const { kind, result } = kindArg
      ? { kind: kindArg, result: checkInspected(inspectTemplate(bytes, { name }), kindArg) }
      : bestKind(bytes, name);
    const label = KIND_LABEL[kind];
    const tagCount = result.usedTags.length;
    const removed = removedText(result.removed);
    if (result.errors.length === 0 && result.unknownTags.length === 0) {
      io.stdout(
        `Mẫu ${name} dùng được cho ${label}${kindArg ? "" : " (đoán theo các thẻ; chỉ rõ bằng --loai)"}: ` +
          `${tagCount} thẻ, không có thẻ sai.\n` +
          (tagCount === 0 ? `Lưu ý: mẫu chưa có thẻ nào nên văn bản lập ra sẽ giống hệt mẫu.\n` : "") +
          removed,
      );
      return 0;
    }
    const lines = [`Mẫu ${name} chưa dùng được cho ${label}:`];
    for (const e of result.errors) lines.push(`  - ${e}`);
    for (const m of result.unknownMessages) lines.push(`  - ${m}`);
    lines.push(`Sửa trong Word rồi kiểm tra lại. Danh sách thẻ: chuyende mau --loai ${kind}`);
    io.stderr(lines.join("\n") + "\n" + removed);
    return 2;
  },
};
