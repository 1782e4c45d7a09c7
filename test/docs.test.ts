// The documentation stands alone: a short README pointing into docs/, every guide present,
// no link or mention of anything a clone does not have, every relative link and picture
// resolving to a file of the repository, and the references listing what the code has
// (every check code, every template tag).
import { existsSync, readdirSync, readFileSync } from "fs";
import * as path from "path";
import { RULES } from "../src/core/rules";
import { TEMPLATE_FIELDS } from "../src/core/make/documentData";
import { PLAN_FIELDS } from "../src/core/plan/yearPlan";
import { TOPIC_REPORT_FIELDS } from "../src/core/make/topicReportFields";

const root = path.resolve(__dirname, "..");
const read = (rel: string): string => readFileSync(path.join(root, rel), "utf8");

const GUIDES = [
  "docs/huong-dan-bi-thu.md",
  "docs/huong-dan-dang-uy.md",
  "docs/trien-khai.md",
  "docs/quy-tac.md",
  "docs/van-ban.md",
  "docs/gioi-han.md",
  "docs/phat-trien.md",
];
const docs = readdirSync(path.join(root, "docs"))
  .filter((f) => f.endsWith(".md"))
  .map((f) => `docs/${f}`);
const READ_BY_USERS = ["README.md", "CHANGELOG.md", ...docs];

test("the README is at most 200 lines and links every guide", () => {
  const readme = read("README.md");
  expect(readme.split("\n").length).toBeLessThanOrEqual(200);
  for (const g of GUIDES) expect(readme).toContain(`](${g})`);
});

test("every guide exists, in Vietnamese except the developer's guide", () => {
  for (const g of GUIDES) {
    const text = read(g);
    expect(text.length).toBeGreaterThan(500);
    expect(text).toBe(text.normalize("NFC"));
    if (g !== "docs/phat-trien.md") expect(text).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/);
  }
});

// What a clone does not have: the team's shared folder, its contract and guidance copies,
// issue numbers, absolute paths of a development machine.
const OUTSIDE: [string, RegExp][] = [
  ["the shared folder", /\.\.\/shared|shared folder|thư mục (dùng )?chung của dự án/i],
  ["the spec", /\bSPEC\b/],
  ["the guidance copy", /\bseed\//],
  ["an issue number", /\bissues?\s*#?\d+/i],
  ["a machine path", /\/work\/|\/root\/|\/home\/\w/],
];

describe.each(READ_BY_USERS)("%s", (file) => {
  const text = read(file);

  test("mentions nothing outside the repository", () => {
    for (const [what, pattern] of OUTSIDE) {
      const hit = pattern.exec(text);
      expect(hit ? `${what}: "${hit[0]}"` : null).toBeNull();
    }
  });

  test("links only to files of the repository, and every one exists", () => {
    for (const m of text.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = m[1];
      expect(target).not.toMatch(/^[a-z][a-z0-9+.-]*:/i);
      const relative = decodeURI(target.split("#")[0]);
      if (relative === "") continue;
      expect([target, existsSync(path.resolve(root, path.dirname(file), relative))]).toEqual([target, true]);
    }
    expect(text).not.toMatch(/<https?:/);
  });
});

test("the rules reference has a row for every check code of the registry in both its tables", () => {
  const rows = read("docs/quy-tac.md")
    .split("\n")
    .map((line) => /^\| `([A-Z_]+)`/.exec(line)?.[1])
    .filter((code) => code !== undefined);
  for (const rule of RULES) expect([rule.meta.code, rows.filter((c) => c === rule.meta.code).length]).toEqual([rule.meta.code, 2]);
});

test("the papers reference lists every template tag", () => {
  const reference = read("docs/van-ban.md");
  for (const f of [...TEMPLATE_FIELDS, ...PLAN_FIELDS, ...TOPIC_REPORT_FIELDS]) {
    const written = f.type === "text" ? `{${f.name}}` : `{#${f.name}}`;
    expect([f.name, reference.includes(written)]).toEqual([f.name, true]);
  }
});

test("the bench writes its table between the markers of the developer's guide", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { withBenchTable } = require("../bench/run.js") as { withBenchTable: (doc: string, table: string) => string };
  const doc = read("docs/phat-trien.md");
  const out = withBenchTable(doc, "| a | b |\n|---|---|\n| 1 | 2 |");
  expect(out).toContain("<!-- bench:start -->\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<!-- bench:end -->");
  expect(out.slice(0, doc.indexOf("<!-- bench:start -->"))).toBe(doc.slice(0, doc.indexOf("<!-- bench:start -->")));
  expect(() => withBenchTable("no markers", "x")).toThrow(/bench:start/);
});

test("the README's one command installs every system package a test may ask for", async () => {
  expect(read("README.md")).toContain("```sh\n.ci/run\n```");
  const script = read(".ci/run");
  const list = /^APT_PACKAGES=\(([^)]*)\)/m.exec(script)?.[1].trim().split(/\s+/) ?? [];
  const { DEBIAN_PACKAGES } = await import("./support/tools");
  // util-linux (setpriv) is essential on Debian: always there.
  for (const pkg of new Set(Object.values(DEBIAN_PACKAGES)))
    if (pkg !== "util-linux") expect([pkg, list.includes(pkg)]).toEqual([pkg, true]);
});
