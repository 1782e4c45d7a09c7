// The file worker's time bound is sized from what the zip declares inflated.
import PizZip from "pizzip";
import { declaredInflatedBytes } from "../../src/file/zipSize";
import { timeLimitMs, WORKER_TIME } from "../../src/taskpane/fileWorker";

describe("declaredInflatedBytes", () => {
  test("sums the central directory's sizes", () => {
    const zip = new PizZip();
    zip.file("a.xml", "x".repeat(100_000));
    zip.file("b.xml", "y".repeat(50_000));
    const bytes = zip.generate({ type: "uint8array", compression: "DEFLATE" });
    expect(bytes.length).toBeLessThan(10_000);
    expect(declaredInflatedBytes(bytes)).toBe(150_000);
  });
  test("a file that is no zip counts as ten times its size", () => {
    const text = new TextEncoder().encode("không phải tệp Excel");
    expect(declaredInflatedBytes(text)).toBe(10 * text.length);
  });
});

describe("timeLimitMs", () => {
  test("grows with the XML, twice for a write, never past the cap", () => {
    expect(timeLimitMs(0)).toBe(WORKER_TIME.baseMs);
    expect(timeLimitMs(13 * 1048576)).toBe(WORKER_TIME.baseMs + 13 * WORKER_TIME.perMiBMs);
    expect(timeLimitMs(1048576, true)).toBe(2 * (WORKER_TIME.baseMs + WORKER_TIME.perMiBMs));
    expect(timeLimitMs(10_000 * 1048576)).toBe(WORKER_TIME.maxMs);
  });
});
