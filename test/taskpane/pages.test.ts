// Every page of the add-in carries a Content-Security-Policy allowing only its own files
// and Microsoft's office.js; luu-tep.html saves only .docx/.xlsx, under a cleaned name,
// with the type its name implies, and only on the user's click.
import { readFileSync } from "fs";
import * as path from "path";
import { cleanName, parseFragment } from "../../src/taskpane/luu-tep";

const DIR = path.resolve(__dirname, "../../src/taskpane");
const OFFICE = "https://appsforoffice.microsoft.com";

function csp(page: string): Map<string, string[]> {
  const html = readFileSync(path.join(DIR, page), "utf8");
  const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  if (!m) throw new Error(`${page}: no Content-Security-Policy`);
  return new Map(
    m[1]
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k, v]),
  );
}

test.each(["taskpane.html", "huong-dan.html", "luu-tep.html"])("%s: a CSP of its own origin (and office.js) only", (page) => {
  const policy = csp(page);
  expect(policy.get("default-src")).toEqual(["'self'"]);
  expect(policy.get("object-src")).toEqual(["'none'"]);
  for (const [directive, sources] of policy) {
    for (const s of sources) {
      // Only the page's origin, Microsoft's office.js host, and in-page data the pane makes.
      expect(["'self'", "'none'", OFFICE, "data:", "blob:", "'unsafe-inline'"]).toContain(s);
      if (s === "'unsafe-inline'") expect(directive).toBe("style-src");
    }
  }
  const scripts = policy.get("script-src") ?? [];
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  // No inline script the policy would block.
  const html = readFileSync(path.join(DIR, page), "utf8");
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  expect(html).not.toMatch(/\son[a-z]+="/);
  if (page === "taskpane.html") expect(scripts).toEqual(["'self'", OFFICE]);
  else expect(scripts).toEqual(["'self'"]);
});

describe("luu-tep.ts", () => {
  // A file the add-in makes (the built-in đề dẫn template is one of its .docx files).
  const zip = readFileSync(path.join(__dirname, "..", "..", "assets", "templates", "de-dan.docx")).toString("base64");

  test("cleans the name: no folders, no forbidden characters, .docx/.xlsx only", () => {
    expect(cleanName("../../etc/Đề dẫn quý 1.docx")).toBe("Đề dẫn quý 1.docx");
    expect(cleanName("C:\\Users\\a\\bao-cao.XLSX")).toBe("bao-cao.xlsx");
    expect(cleanName('a<b>:"|?*\u0007.docx')).toBe("ab.docx");
    expect(cleanName(".hidden.docx")).toBe("hidden.docx");
    expect(cleanName("evil\u202Excod.docx")).toBe("evilxcod.docx");
    expect(cleanName("x.exe")).toBeNull();
    expect(cleanName("x.docx.exe")).toBeNull();
    expect(cleanName("x.html")).toBeNull();
    expect(cleanName(".docx")).toBeNull();
    expect(cleanName(`${"a".repeat(300)}.docx`)).toHaveLength(120);
  });

  test("the type comes from the name, never from the link", () => {
    const f = parseFragment(`#${encodeURIComponent("bien-ban.docx")}|text%2Fhtml|${zip}`);
    expect(f.error).toBeUndefined();
    expect(f.error === undefined && f.name).toBe("bien-ban.docx");
    expect(f.error === undefined && f.type).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(f.error === undefined && Buffer.from(f.bytes).subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
  });

  test("refuses other kinds of file, content that is not a zip, and broken links", () => {
    expect(parseFragment(`#payload.html|text%2Fhtml|${zip}`).error).toMatch(/chỉ lưu văn bản Word \(\.docx\) hoặc sổ Excel \(\.xlsx\)/);
    expect(parseFragment(`#a.docx|x|${Buffer.from("<script>").toString("base64")}`).error).toMatch(/không phải tệp Word hay Excel/);
    expect(parseFragment("#a.docx|x|%%%").error).toMatch(/hỏng/);
    expect(parseFragment("").error).toMatch(/Không có tệp nào để lưu/);
  });

  test("saves only after a click: the page script never clicks by itself", () => {
    const js = readFileSync(path.join(DIR, "luu-tep.ts"), "utf8");
    const run = js.slice(js.indexOf("function start()"));
    const clickHandler = run.indexOf('addEventListener("click"');
    expect(clickHandler).toBeGreaterThan(0);
    // The only .click() is inside the click handler.
    expect(run.indexOf(".click()")).toBeGreaterThan(clickHandler);
    expect(run.split(".click()")).toHaveLength(2);
  });
});
