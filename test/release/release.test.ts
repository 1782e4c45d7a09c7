// The release's own pieces, without a browser: the Markdown subset the guides use becomes
// the HTML the printed guide needs; the release date comes from the CHANGELOG entry of the
// version (or SOURCE_DATE_EPOCH) and a version without one cannot be released; a PDF's dates
// are set in place without moving a byte; the zips are the same whatever the time zone.
import { execFileSync } from "child_process";
import * as path from "path";
import PizZip from "pizzip";

/* eslint-disable @typescript-eslint/no-require-imports */
const { markdownToHtml } = require("../../scripts/release/markdown.js") as {
  markdownToHtml(md: string, o?: { image?: (s: string) => string; figureClass?: (s: string) => string }): string;
};
const { releaseDate, hostingText } = require("../../scripts/release/release.js") as {
  releaseDate(version: string, env: NodeJS.ProcessEnv, changelog: string): Date;
  hostingText(version: string): string;
};
const { fixPdfDates } = require("../../scripts/release/guide.js") as { fixPdfDates(pdf: Buffer, date: Date): Buffer };
const { reproducibleZip } = require("../../scripts/release/zip.js") as {
  reproducibleZip(entries: { name: string; data: Buffer }[], date: Date): Buffer;
};
/* eslint-enable @typescript-eslint/no-require-imports */

describe("the Markdown subset of the guides", () => {
  test("headings, paragraphs joined, emphasis, code, escaping", () => {
    const html = markdownToHtml("# Sổ <chuyên> đề\n\nMột **dòng** và _nghiêng_\ntiếp `a<b` theo.\n\n### Nhỏ");
    expect(html).toBe(
      "<h1>Sổ &lt;chuyên&gt; đề</h1>\n<p>Một <strong>dòng</strong> và <em>nghiêng</em> tiếp <code>a&lt;b</code> theo.</p>\n<h3>Nhỏ</h3>",
    );
  });

  test("snake_case names and =CHUYENDE.… stay as written", () => {
    expect(markdownToHtml("Mã THIEU_THONG_QUA, tên tbl_Chuyen_De.")).toBe("<p>Mã THIEU_THONG_QUA, tên tbl_Chuyen_De.</p>");
  });

  test("ordered and unordered lists with indented continuation lines", () => {
    const html = markdownToHtml("1. Mở mục\n   **Tạo sổ**.\n2. Bấm.\n\n- một\n- hai\n  tiếp");
    expect(html).toBe("<ol><li>Mở mục <strong>Tạo sổ</strong>.</li><li>Bấm.</li></ol>\n<ul><li>một</li><li>hai tiếp</li></ul>");
  });

  test("tables, with an escaped pipe inside a cell", () => {
    const html = markdownToHtml("| Hàm | Kết quả |\n| --- | --- |\n| `=A()` | `Mã \\| Mức độ` |");
    expect(html).toBe(
      "<table><thead><tr><th>Hàm</th><th>Kết quả</th></tr></thead><tbody><tr><td><code>=A()</code></td><td><code>Mã | Mức độ</code></td></tr></tbody></table>",
    );
  });

  test("an image alone is a figure with its caption; links to other guides print as text", () => {
    const html = markdownToHtml("![Mục Kiểm tra](screenshots/a.png)\n\nXem [Quy tắc](quy-tac.md) và [trang](https://x.vn).", {
      image: (s) => `img:${s}`,
      figureClass: () => "narrow",
    });
    expect(html).toBe(
      '<figure class="narrow"><img src="img:screenshots/a.png" alt="Mục Kiểm tra"><figcaption>Mục Kiểm tra</figcaption></figure>\n' +
        '<p>Xem <span class="ref">Quy tắc</span> và <a href="https://x.vn">trang</a>.</p>',
    );
  });

  test("fenced code keeps its lines", () => {
    expect(markdownToHtml("```\nchuyende demo\n  -o x\n```")).toBe("<pre><code>chuyende demo\n  -o x</code></pre>");
  });
});

describe("the release date", () => {
  const changelog = "# Những thay đổi\n\n## [0.2.0] - 2026-12-07\n\n### Thêm\n\n## [0.1.0] - 2026-11-29\n";

  test("is the date of the version's CHANGELOG entry, as local fields", () => {
    const d = releaseDate("0.2.0", {}, changelog);
    expect([d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours()]).toEqual([2026, 12, 7, 0]);
    expect(releaseDate("0.1.0", {}, changelog).getDate()).toBe(29);
  });

  test("SOURCE_DATE_EPOCH wins", () => {
    const d = releaseDate("0.2.0", { SOURCE_DATE_EPOCH: String(Date.UTC(2027, 0, 15, 12) / 1000) }, changelog);
    expect([d.getFullYear(), d.getMonth() + 1, d.getDate()]).toEqual([2027, 1, 15]);
  });

  test("a version without an entry cannot be released", () => {
    expect(() => releaseDate("0.3.0", {}, changelog)).toThrow(/CHANGELOG\.md has no dated entry "## \[0\.3\.0\]/);
  });
});

test("a PDF's dates are set to the release date in place, its length unchanged", () => {
  const pdf = Buffer.from(
    "%PDF-1.4\n1 0 obj <</CreationDate (D:20261207041533+00'00') /ModDate (D:20261207041533+00'00')>> endobj\nxref\n",
  );
  const fixed = fixPdfDates(pdf, new Date(2026, 11, 7));
  expect(fixed.length).toBe(pdf.length);
  expect(fixed.toString("latin1")).toContain("/CreationDate (D:20261207000000+00'00') /ModDate (D:20261207000000+00'00')");
  expect(() => fixPdfDates(Buffer.from("%PDF-1.4\n"), new Date(2026, 11, 7))).toThrow(/no creation date/);
});

test("a reproducible zip: entries sorted, one date, the same bytes in any time zone", () => {
  const entries = [
    { name: "b.txt", data: Buffer.from("hai") },
    { name: "a/c.txt", data: Buffer.from("một") },
  ];
  const here = reproducibleZip(entries, new Date(2026, 11, 7));
  expect(Object.keys(new PizZip(here).files)).toEqual(["a/c.txt", "b.txt"]);
  const script = `const { reproducibleZip } = require(${JSON.stringify(path.resolve(__dirname, "../../scripts/release/zip.js"))});
    process.stdout.write(reproducibleZip([{ name: "b.txt", data: Buffer.from("hai") }, { name: "a/c.txt", data: Buffer.from("một") }], new Date(2026, 11, 7)).toString("base64"));`;
  for (const TZ of ["UTC", "America/New_York", "Asia/Tokyo"]) {
    const other = Buffer.from(execFileSync(process.execPath, ["-e", script], { env: { ...process.env, TZ }, encoding: "utf8" }), "base64");
    expect([TZ, Buffer.compare(other, here)]).toEqual([TZ, 0]);
  }
});

test("the IT's steps name the version and the address to replace", () => {
  const text = hostingText("0.2.0");
  expect(text).toContain("SỔ CHUYÊN ĐỀ 0.2.0");
  expect(text).toContain("so-chuyen-de-0.2.0.html");
  expect(text).toContain("https://localhost:3000");
  expect(text).toBe(text.normalize("NFC"));
});
