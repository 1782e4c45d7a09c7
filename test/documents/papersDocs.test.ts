// The guide to the papers names every placeholder the sign-in sheet and the notice have, and
// every picture it shows exists.
import { existsSync, readFileSync } from "fs";
import * as path from "path";
import { PAPER_FIELDS } from "../../src/core/make/meetingPapers";

const root = path.resolve(__dirname, "..", "..");

test("docs/van-ban.md documents every placeholder of PAPER_FIELDS", () => {
  const doc = readFileSync(path.join(root, "docs", "van-ban.md"), "utf8");
  const missing = PAPER_FIELDS.filter((f) => !doc.includes(f.type === "loop" ? `{#${f.name}}…{/${f.name}}` : `{${f.name}}`)).map(
    (f) => f.name,
  );
  expect(missing).toEqual([]);
});

test("the pictures the guides show are in docs/screenshots", () => {
  for (const file of ["van-ban.md", "huong-dan-bi-thu.md"]) {
    const doc = readFileSync(path.join(root, "docs", file), "utf8");
    const pictures = [...doc.matchAll(/\]\((screenshots\/[^)]+\.png)\)/g)].map((m) => m[1]);
    expect(pictures.length).toBeGreaterThan(0);
    for (const p of pictures) expect([p, existsSync(path.join(root, "docs", p))]).toEqual([p, true]);
  }
});
