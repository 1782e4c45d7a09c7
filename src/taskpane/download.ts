// Offering a made file to the user. Excel on Windows and on the web save a Blob through
// <a download>; Excel on Mac (WKWebView) ignores that, so there the file is handed to the
// system browser through luu-tep.html with the bytes in the URL fragment — the fragment
// is never sent to any server, so the data stays on the machine. A URL has a length limit:
// Chromium (Chrome, Edge) takes at most 2 MiB and silently turns a longer one into an
// empty, invalid address (kMaxURLChars in Chromium's url/url_constants), so a larger file is
// refused with what to do instead, before anything is opened.
import { UserError } from "../core/shared/types";
import { VERSION } from "../version";
import type { SavedFile } from "./services";

/** The longest address handed to the system browser (Chromium's limit; Safari and Firefox take more). */
export const MAC_URL_LIMIT = 2 * 1024 * 1024;

export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

function saveUrlHead(pageUrl: string, file: SavedFile): string {
  return `${new URL("luu-tep.html", pageUrl).href}#${encodeURIComponent(file.name)}|${encodeURIComponent(file.mime)}|`;
}

/** The luu-tep.html address carrying the file. */
export function saveUrl(pageUrl: string, file: SavedFile): string {
  return saveUrlHead(pageUrl, file) + toBase64(file.bytes);
}

/** The length saveUrl would have, without building it (base64: 4 characters per 3 bytes). */
export function saveUrlLength(pageUrl: string, file: SavedFile): number {
  return saveUrlHead(pageUrl, file).length + 4 * Math.ceil(file.bytes.length / 3);
}

/** "1,6 MB", as a secretary reads a size (rounded up unless said otherwise). */
function megabytes(bytes: number, round: (x: number) => number = Math.ceil): string {
  return `${(round((bytes / 1048576) * 10) / 10).toLocaleString("vi-VN")} MB`;
}

/** Why a file cannot go to the browser on a Mac, and what to do instead. */
export function tooLargeForMacMessage(file: SavedFile, pageUrl: string): string {
  const fits = Math.floor((MAC_URL_LIMIT - saveUrlHead(pageUrl, file).length) / 4) * 3;
  return (
    `Tệp ${file.name} (${megabytes(file.bytes.length)}) quá lớn để Excel trên máy Mac chuyển sang trình duyệt lưu về máy ` +
    `(tối đa khoảng ${megabytes(fits, Math.round)}). Hãy mở sổ này bằng Excel trên web (trong trình duyệt, tại office.com) rồi làm lại; ` +
    `hoặc lưu sổ, mở trang Sổ chuyên đề (tệp so-chuyen-de-${VERSION}.html của gói phát hành) trong trình duyệt và mở sổ ở đó.`
  );
}

export function blobDownload(file: SavedFile): void {
  const blob = new Blob([file.bytes as BlobPart], { type: file.mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = file.name;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

export function makeSaveFile(
  platform: string,
  openInBrowser: (url: string) => boolean,
  pageUrl: string,
): (file: SavedFile) => Promise<void> {
  // eslint-disable-next-line @typescript-eslint/require-await -- async so that a failed download reaches the caller as a rejection
  return async (file) => {
    if (platform === "mac") {
      // Measured before the address is built: a too-long one would open an empty page.
      if (saveUrlLength(pageUrl, file) > MAC_URL_LIMIT) throw new UserError("TEP_QUA_LON_MAC", tooLargeForMacMessage(file, pageUrl));
      if (openInBrowser(saveUrl(pageUrl, file))) return;
    }
    blobDownload(file);
  };
}
