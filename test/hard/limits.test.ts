// One inflate path for the CLI, the page and the pane: fflate's streaming inflater, its
// output counted and aborted past the cap, whatever size the zip declares. A sheet that a
// relationship reaches and that inflates past 128 MB is stopped with the Vietnamese message.
jest.setTimeout(120_000);
import * as zlib from "zlib";

interface HostileModule {
  writeZip(file: string, entries: { name: string; data?: Buffer; deflated?: Buffer; size?: number; crc?: number }[]): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const hostile = require("../../bench/hostile.js") as HostileModule;

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

test("a sheet inflating past 128 MB is stopped, declared small, with the Vietnamese message", async () => {
  const { loadWorkbookBytes } = await import("../../src/xlsx/load");
  const fs = await import("fs");
  const os = await import("os");
  const path = await import("path");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "chuyende-limits-")), "bom.xlsx");
  const sheet = Buffer.alloc(200 * 1024 * 1024, 0x20);
  hostile.writeZip(file, [
    {
      name: "[Content_Types].xml",
      data: Buffer.from(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
      ),
    },
    {
      name: "_rels/.rels",
      data: Buffer.from(`<Relationships><Relationship Id="r1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    },
    {
      name: "xl/workbook.xml",
      data: Buffer.from(`<workbook xmlns:r="${REL}"><sheets><sheet name="Sổ" sheetId="1" r:id="r1"/></sheets></workbook>`),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: Buffer.from(`<Relationships><Relationship Id="r1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    },
    // Declared small: only the real inflate can tell.
    { name: "xl/worksheets/sheet1.xml", deflated: zlib.deflateRawSync(sheet, { level: 1 }), size: 1000, crc: 0 },
  ]);
  const bytes = new Uint8Array(fs.readFileSync(file));
  const t0 = Date.now();
  const before = process.memoryUsage().rss;
  await expect(loadWorkbookBytes(bytes, file)).rejects.toMatchObject({ name: "UserError", code: "TEP_QUA_LON" });
  await expect(loadWorkbookBytes(bytes, file)).rejects.toThrow(/Tệp bom\.xlsx quá lớn để đọc: trang "Sổ" giải nén ra hơn 128 MB/);
  expect(Date.now() - t0).toBeLessThan(30_000);
  expect(process.memoryUsage().rss - before).toBeLessThan(600 * 1024 * 1024);
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
});
