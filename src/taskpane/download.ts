// Offering a made file to the user. Excel on Windows and on the web save a Blob through
// <a download>; Excel on Mac (WKWebView) ignores that, so there the file is handed to the
// system browser through luu-tep.html with the bytes in the URL fragment — the fragment
// is never sent to any server, so the data stays on the machine.
import type { SavedFile } from "./services";

export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** The luu-tep.html address carrying the file. */
export function saveUrl(pageUrl: string, file: SavedFile): string {
  const base = new URL("luu-tep.html", pageUrl).href;
  return `${base}#${encodeURIComponent(file.name)}|${encodeURIComponent(file.mime)}|${toBase64(file.bytes)}`;
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
    if (platform === "mac" && openInBrowser(saveUrl(pageUrl, file))) return;
    blobDownload(file);
  };
}
