// Saving on a Mac: Excel on Mac (WKWebView) cannot save a Blob, so the file goes to the
// system browser inside a luu-tep.html address (Office.context.ui.openBrowserWindow,
// OpenBrowserWindowApi 1.1). An address has a length limit — Chromium turns one longer than
// 2 MiB into an empty, invalid address (kMaxURLChars) — so above it the pane says plainly
// what to do instead, and opens nothing.
import { UserError } from "../../src/core/shared/types";
import { openInBrowser } from "../../src/excel/office";
import { MAC_URL_LIMIT, makeSaveFile, saveUrl, saveUrlLength } from "../../src/taskpane/download";
import { installExcelStandIn, StandInWorkbook } from "../support/excelStandIn";
import { voiceProblems } from "../support/secretaryVoice";
import { VERSION } from "../../src/version";

const PAGE = "https://addin.example.vn/bo-tro/taskpane.html";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

function file(size: number): { name: string; mime: string; bytes: Uint8Array } {
  return { name: "bao-cao-quy-III-2026.docx", mime: DOCX, bytes: new Uint8Array(size).fill(80) };
}

/** The largest file whose address fits. */
function largestThatFits(): number {
  const head = saveUrlLength(PAGE, file(0));
  return Math.floor((MAC_URL_LIMIT - head) / 4) * 3;
}

test("the measured length is the address's length", () => {
  for (const n of [0, 1, 2, 3, 1000, 123457]) expect(saveUrlLength(PAGE, file(n))).toBe(saveUrl(PAGE, file(n)).length);
});

test("a file that fits is handed to the browser, its address within the limit", async () => {
  const opened: string[] = [];
  const save = makeSaveFile("mac", (url) => opened.push(url) > 0, PAGE);
  await save(file(largestThatFits()));
  expect(opened).toHaveLength(1);
  expect(opened[0].length).toBeLessThanOrEqual(MAC_URL_LIMIT);
});

async function refused(size: number, opened: string[]): Promise<UserError> {
  const save = makeSaveFile("mac", (url) => opened.push(url) > 0, PAGE);
  const err = await save(file(size)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  return err as UserError;
}

test("a few bytes more: nothing is opened", async () => {
  const opened: string[] = [];
  await refused(largestThatFits() + 1, opened);
  expect(opened).toEqual([]);
});

test("a larger file: the pane says plainly what to do instead", async () => {
  const opened: string[] = [];
  const { message } = await refused(3_200_000, opened);
  expect(opened).toEqual([]);
  expect(message).toBe(
    "Tệp bao-cao-quy-III-2026.docx (3,1 MB) quá lớn để Excel trên máy Mac chuyển sang trình duyệt lưu về máy (tối đa khoảng 1,5 MB). " +
      "Hãy mở sổ này bằng Excel trên web (trong trình duyệt, tại office.com) rồi làm lại; hoặc lưu sổ, mở trang Sổ chuyên đề " +
      `(tệp so-chuyen-de-${VERSION}.html của gói phát hành) trong trình duyệt và mở sổ ở đó.`,
  );
  expect(voiceProblems(message, { pane: true })).toEqual([]);
});

test("openBrowserWindow is called only where the host has OpenBrowserWindowApi 1.1", () => {
  const opened: string[] = [];
  const book = new StandInWorkbook();
  installExcelStandIn(globalThis, book, { platform: "Mac", openedUrls: opened });
  expect(openInBrowser("https://addin.example.vn/luu-tep.html#x")).toBe(true);
  expect(opened).toEqual(["https://addin.example.vn/luu-tep.html#x"]);
  // Excel on the web has no OpenBrowserWindowApi (open-browser-window-api-requirement-sets).
  const { OpenBrowserWindowApi: _none, ...web } = book.supportedSets;
  book.supportedSets = web;
  expect(openInBrowser("https://addin.example.vn/luu-tep.html#y")).toBe(false);
  expect(opened).toHaveLength(1);
});
