// Printing as a user would: LibreOffice converts .xlsx/.docx to PDF (a private profile
// per run, so parallel runs do not collide), then `pdftotext -bbox-layout` gives every
// word's box, page by page, to measure what the paper shows.
import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { commandPath, missingTools } from "./tools";

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPage {
  width: number;
  height: number;
  words: PdfWord[];
}

export interface PrintedFile {
  pages: PdfPage[];
  /** The PDF itself (for pictures). */
  pdf: Buffer;
}

/** The soffice binary, or null when LibreOffice is not installed. */
export function sofficePath(): string | null {
  return commandPath("soffice") ?? commandPath("libreoffice");
}

/** Why printed-page tests of `kind` cannot run here (what to install), or null when they can.
 *  Sheets need LibreOffice Calc and Calibri's metric twin Carlito (the default font of a
 *  workbook; a fallback font of other widths would print every column wider than Excel does). */
export function cannotPrint(kind: "xlsx" | "docx"): string | null {
  return kind === "xlsx" ? missingTools("soffice", "pdftotext", "LibreOffice Calc", "Carlito font") : missingTools("soffice", "pdftotext");
}

function parseBbox(xml: string): PdfPage[] {
  const pages: PdfPage[] = [];
  for (const p of xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const words: PdfWord[] = [];
    for (const w of p[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      words.push({
        xMin: Number(w[1]),
        yMin: Number(w[2]),
        xMax: Number(w[3]),
        yMax: Number(w[4]),
        text: w[5]
          .replace(/&amp;/g, "&")
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&quot;/g, '"')
          .normalize("NFC"),
      });
    }
    pages.push({ width: Number(p[1]), height: Number(p[2]), words });
  }
  return pages;
}

/** Writes the files to a temporary folder, prints them to PDF with LibreOffice (a private
 *  profile, so parallel runs do not clash) and gives each PDF's path to `read`; the folder
 *  is removed afterwards. */
export function withPdfs<T>(files: { name: string; bytes: Uint8Array }[], read: (pdfPath: string) => T, timeout = 180_000): T[] {
  // What reads the PDFs (pdftotext) is checked with what makes them.
  const why = missingTools("soffice", "pdftotext");
  if (why) throw new Error(why);
  const bin = sofficePath()!;
  const dir = mkdtempSync(path.join(os.tmpdir(), "chuyende-print-"));
  try {
    const paths = files.map((f) => {
      const p = path.join(dir, f.name);
      writeFileSync(p, f.bytes);
      return p;
    });
    execFileSync(
      bin,
      [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, ...paths],
      { stdio: "pipe", timeout },
    );
    return paths.map((p) => read(p.replace(/\.(xlsx|docx)$/, ".pdf")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints each file to PDF through LibreOffice and reads the word boxes back. */
export function printFiles(files: { name: string; bytes: Uint8Array }[]): PrintedFile[] {
  return withPdfs(files, (pdfPath) => {
    const xml = execFileSync("pdftotext", ["-bbox-layout", "-enc", "UTF-8", pdfPath, "-"], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    return { pages: parseBbox(xml), pdf: readFileSync(pdfPath) };
  });
}

/** Pairs of words printed over each other. pdftotext's boxes span the font's full
 *  ascent and descent (about 1.3 em) while lines of a wrapped paragraph are set about
 *  1.15 em apart, so boxes of neighbouring lines share a sliver; words count as
 *  overlapping when their boxes share more than `share` of the lower box's height and
 *  more than `tolerance` points across. */
export function overlappingWords(page: PdfPage, tolerance = 0.5, share = 0.3): [PdfWord, PdfWord][] {
  const out: [PdfWord, PdfWord][] = [];
  const words = [...page.words].sort((a, b) => a.yMin - b.yMin);
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j < words.length && words[j].yMin < words[i].yMax - tolerance; j++) {
      const a = words[i];
      const b = words[j];
      const x = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const y = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      const h = Math.min(a.yMax - a.yMin, b.yMax - b.yMin);
      if (x > tolerance && y > share * h) out.push([a, b]);
    }
  }
  return out;
}

/** All the printed text, words joined by spaces, page after page. */
export function printedText(file: PrintedFile): string {
  return file.pages.map((p) => p.words.map((w) => w.text).join(" ")).join("\n");
}

/** A4 in points (210 × 297 mm). */
export const A4 = { short: (210 / 25.4) * 72, long: (297 / 25.4) * 72 };

/** Writes the PDF's pages as PNG pictures (pdftoppm) into `dir`, named `<base>-N.png`; with
 *  `page`, only that page (1-based), named `<base>.png`. */
export function savePictures(pdf: Buffer, dir: string, base: string, dpi = 60, page?: number): void {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "chuyende-png-"));
  try {
    const pdfPath = path.join(tmp, "x.pdf");
    writeFileSync(pdfPath, pdf);
    const range = page ? ["-f", String(page), "-l", String(page), "-singlefile"] : [];
    execFileSync("pdftoppm", ["-png", "-r", String(dpi), ...range, pdfPath, path.join(dir, base)]);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
