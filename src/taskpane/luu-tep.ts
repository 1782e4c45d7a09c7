// luu-tep.html: Excel on Mac cannot save files from the pane; the pane opens this page in
// the system browser with the file in the URL fragment (#name|type|base64), which
// browsers never send to any server. The page only ever saves a Word (.docx) or Excel
// (.xlsx) file, under a cleaned name, with the type that name implies, and only when the
// user clicks: a crafted link cannot make it download anything else, or by itself. And it
// saves only a file it can verify as made by the add-in (logic/verifySaved.ts: re-read with
// the same bounded reader; no macros, no external relationships, only our parts).
// Bundled by webpack into luu-tep.js (the page's Content-Security-Policy allows only its own files).
import { whyNotOurs } from "./logic/verifySaved";

const TYPES: Record<string, string> = {
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};
/** A link carries at most this much (base64 of ~50 MB): no document is near it. */
const MAX_BASE64 = 70 * 1024 * 1024;

/** A file name safe on every system: no folders, no characters Windows forbids, no
 *  control characters, no leading dots, at most 120 characters; null when the name does
 *  not end in .docx or .xlsx. */
export function cleanName(raw: string): string | null {
  let name = String(raw).normalize("NFC").split(/[\\/]/).pop() || "";
  name = name
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f\u007f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/^[.\s]+/, "")
    .trim();
  const m = /^(.*?)(\.(docx|xlsx))$/i.exec(name);
  if (!m || m[1].trim() === "") return null;
  return m[1].slice(0, 115).trim() + m[2].toLowerCase();
}

/** The fragment → {name, type, bytes}, or a Vietnamese reason it is refused. */
export type Fragment = { error: string } | { error?: undefined; name: string; type: string; bytes: Uint8Array };

export function parseFragment(hash: string): Fragment {
  const parts = String(hash).replace(/^#/, "").split("|");
  if (parts.length !== 3 || parts[2] === "") return { error: "Không có tệp nào để lưu. Hãy quay lại Excel và bấm tạo tài liệu lần nữa." };
  let name: string | null;
  try {
    name = cleanName(decodeURIComponent(parts[0]));
  } catch {
    name = null;
  }
  if (!name)
    return {
      error: "Trang này chỉ lưu văn bản Word (.docx) hoặc sổ Excel (.xlsx) do Sổ chuyên đề tạo ra; liên kết này không mang tệp như vậy.",
    };
  if (parts[2].length > MAX_BASE64) return { error: "Tệp trong liên kết quá lớn — hãy tạo lại tài liệu trong Excel." };
  let binary: string;
  try {
    binary = atob(parts[2]);
  } catch {
    return { error: "Liên kết bị hỏng hoặc bị cắt ngắn — hãy quay lại Excel và tạo tài liệu lần nữa." };
  }
  // Both kinds are zip packages: "PK\x03\x04".
  if (binary.length < 4 || binary.slice(0, 4) !== "PK\u0003\u0004") {
    return { error: "Nội dung trong liên kết không phải tệp Word hay Excel — không lưu." };
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const ext = name.slice(name.lastIndexOf("."));
  const why = whyNotOurs(bytes, ext === ".docx" ? "docx" : "xlsx");
  if (why) return { error: why };
  return { name, type: TYPES[ext], bytes };
}

function start(): void {
  const msg = document.getElementById("msg")!;
  const button = document.getElementById("save") as HTMLButtonElement;
  const file = parseFragment(location.hash);
  history.replaceState(null, "", location.pathname);
  if (file.error !== undefined) {
    msg.textContent = file.error;
    return;
  }
  msg.textContent = "Tệp " + file.name + " đã sẵn sàng. Bấm nút dưới đây để lưu vào máy.";
  button.textContent = "Lưu " + file.name;
  button.hidden = false;
  button.addEventListener("click", function () {
    const url = URL.createObjectURL(new Blob([file.bytes as BlobPart], { type: file.type }));
    const a = document.createElement("a");
    a.href = url;
    a.download = file.name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () {
      URL.revokeObjectURL(url);
    }, 60000);
  });
}

// In the page (not when a test imports the module).
if (typeof document !== "undefined" && document.getElementById("msg")) start();
