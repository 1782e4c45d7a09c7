// The pane's path of bounded reading: in a browser there is no zlib, so every entry is
// inflated through DecompressionStream, chunk by chunk, and cancelled past the cap.
// Here Node's zlib is hidden from the loader, so the same stream path runs (Node ≥ 18 has
// DecompressionStream, as Chromium and Safari ≥ 16.4 do).
jest.setTimeout(120_000);
import * as zlib from "zlib";

interface HostileModule {
  writeZip(file: string, entries: { name: string; data?: Buffer; deflated?: Buffer; size?: number; crc?: number }[]): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const hostile = require("../../bench/hostile.js") as HostileModule;

type Loader = typeof import("../../src/xlsx/load");

/** The loader as the pane's bundle sees it: no process.getBuiltinModule, hence no zlib. */
function browserLoader(): Loader {
  const p = process as unknown as { getBuiltinModule?: unknown };
  const saved = p.getBuiltinModule;
  p.getBuiltinModule = undefined;
  try {
    let loader: Loader | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      loader = require("../../src/xlsx/load") as Loader;
    });
    return loader!;
  } finally {
    p.getBuiltinModule = saved;
  }
}

test("a sheet inflating past 128 MB is stopped by the stream path with the Vietnamese message", async () => {
  const { loadWorkbookBytes } = browserLoader();
  const fs = await import("fs");
  const os = await import("os");
  const path = await import("path");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "chuyende-limits-")), "bom.xlsx");
  const sheet = Buffer.alloc(200 * 1024 * 1024, 0x20);
  hostile.writeZip(file, [
    {
      name: "[Content_Types].xml",
      data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    },
    { name: "xl/workbook.xml", data: Buffer.from('<?xml version="1.0"?><workbook/>') },
    // Declared small: only the real inflate can tell.
    { name: "xl/worksheets/sheet1.xml", deflated: zlib.deflateRawSync(sheet, { level: 1 }), size: 1000, crc: 0 },
  ]);
  const bytes = new Uint8Array(fs.readFileSync(file));
  const t0 = Date.now();
  const before = process.memoryUsage().rss;
  await expect(loadWorkbookBytes(bytes, file)).rejects.toMatchObject({ name: "UserError", code: "TEP_QUA_LON" });
  await expect(loadWorkbookBytes(bytes, file)).rejects.toThrow(
    /Tệp bom\.xlsx quá lớn để đọc: phần xl\/worksheets\/sheet1\.xml giải nén ra hơn 128 MB/,
  );
  expect(Date.now() - t0).toBeLessThan(30_000);
  expect(process.memoryUsage().rss - before).toBeLessThan(600 * 1024 * 1024);
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
});
