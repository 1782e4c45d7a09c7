// What kind of file the bytes are, before any zip is opened: an empty file, an encrypted or
// old .xls (OLE), a CSV or HTML renamed — each with its Vietnamese advice. No Node APIs.
/** The last part of a path or a picked file's name (either slash: the CLI runs on Windows too). */
export function baseName(file: string): string {
  const parts = file.split(/[\\/]+/).filter(Boolean);
  return parts.length > 0 ? parts[parts.length - 1] : file;
}

/** ".xlsx" for "so.XLSX", "" when there is no extension (as path.extname, lower-cased). */
export function extensionOf(file: string): string {
  const name = baseName(file);
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot).toLowerCase() : "";
}

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    out[2 * i] = s.charCodeAt(i) & 0xff;
    out[2 * i + 1] = s.charCodeAt(i) >> 8;
  }
  return out;
}

function containsBytes(hay: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  const last = hay.length - needle.length;
  for (let i = hay.indexOf(first); i >= 0 && i <= last; i = hay.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && hay[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

/** Why bytes are not an .xlsx we can open, judged from the first bytes and the name; null
 *  when they look like a zip. */
export function sniffProblem(file: string, bytes: Uint8Array): string | null {
  const name = baseName(file);
  const ext = extensionOf(file);
  if (bytes.length === 0) return `Tệp ${name} rỗng (0 byte) — không có gì để đọc.`;
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    // An OLE (CFB) container: Excel's encrypted .xlsx and the old .xls both are one.
    // Their directories name their streams (UTF-16LE): that tells which it is.
    const has = (stream: string) => containsBytes(bytes, utf16le(stream));
    if (has("EncryptedPackage")) {
      return (
        `Không mở được tệp ${name}: tệp được đặt mật khẩu (mã hóa). Hãy mở bằng Excel, gỡ mật khẩu ` +
        `(Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu, xóa mật khẩu rồi bấm OK), lưu lại, rồi chạy lại.`
      );
    }
    if (has("Workbook") || has("Book")) {
      return (
        `Không mở được tệp ${name}: đây là định dạng Excel 97-2003 (.xls) cũ${ext === ".xlsx" ? " dù tên là .xlsx" : ""} — ` +
        `hãy mở bằng Excel, chọn Lưu thành › Sổ làm việc Excel, lưu lại dưới dạng .xlsx rồi chạy lại.`
      );
    }
    return (
      `Không mở được tệp ${name}: đây là tệp Office dạng cũ mà chương trình không nhận ra (có thể bị hỏng) — ` +
      `hãy mở bằng Excel và lưu lại dưới dạng .xlsx (Sổ làm việc Excel).`
    );
  }
  if (bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b) return null;
  // ignoreBOM: a BOM stays in the text (\s matches it), as Buffer#toString kept it.
  const head = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(0, Math.min(bytes.length, 4096)));
  if (ext === ".csv" || ext === ".txt" || ext === ".tsv") {
    return `Tệp ${name} là tệp văn bản (${ext}), không phải sổ Excel — hãy mở bằng Excel và lưu dưới dạng .xlsx.`;
  }
  if (/^\s*<(\?xml|html|!doctype|table)/i.test(head)) {
    return `Tệp ${name} là trang HTML/XML đổi tên thành ${ext || "tệp"}, không phải .xlsx — hãy mở bằng Excel và lưu dưới dạng .xlsx.`;
  }
  // Printable text with separators on its first line: a CSV whatever its name.
  const firstLine = head.split(/\r?\n/)[0] ?? "";
  // eslint-disable-next-line no-control-regex -- control bytes mean binary, not CSV text
  if (!/[\x00-\x08\x0e-\x1f]/.test(head) && /[,;\t]/.test(firstLine)) {
    return `Tệp ${name} là tệp văn bản dạng CSV, không phải .xlsx — hãy mở bằng Excel và lưu dưới dạng .xlsx.`;
  }
  return `Tệp ${name} không phải tệp Excel .xlsx (hỏng hoặc sai định dạng) — hãy mở lại bằng Excel và lưu dưới dạng .xlsx.`;
}
