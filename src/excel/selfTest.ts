// "Tự kiểm tra bổ trợ": for an administrator's first run in a real Excel. On a temporary
// sheet it creates and then removes, it exercises each Office.js call the add-in depends
// on, one sync per item, and reports pass/fail with timings, the Office platform and
// version and the requirement sets the host has. The workbook is left as it was: the
// temporary sheet, its table and its marker name are removed, the active sheet restored.
import { DATE_FORMAT } from "../core/read/layout";
import { a1 } from "./address";
import { excelErrorMessage } from "./errors";
import type { ExcelRunner } from "./host";
import { markerName, markerReference, parseMarker } from "./marker";
import { safeText } from "./render";
import { VERSION_LINE } from "../version";

export interface SelfTestItem {
  label: string;
  ok: boolean;
  ms: number;
  /** Vietnamese: what went wrong (empty when ok). */
  detail: string;
}

export interface SelfTestReport {
  items: SelfTestItem[];
  platform: string;
  version: string;
  /** "ExcelApi 1.13", … the host has. */
  sets: string[];
}

/** Texts that Excel would turn into numbers, dates or booleans if written plainly. */
export const ROUND_TRIP_TEXTS = ["5-13-2021", "1-2", "15/6", "Jan 5", "TRUE", "1E5", "$5", "85%", "012", "=1+1", "-x"];

const SETS: [string, string[]][] = [
  ["ExcelApi", Array.from({ length: 20 }, (_, i) => `1.${i + 1}`)],
  ["SharedRuntime", ["1.1"]],
  ["CustomFunctionsRuntime", ["1.1", "1.2", "1.3", "1.4"]],
  ["RibbonApi", ["1.1"]],
];

/** The host's platform, version and sets, read from Office.context (no workbook access). */
function hostInfo(): Pick<SelfTestReport, "platform" | "version" | "sets"> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const diagnostics = office?.context?.diagnostics as { platform?: unknown; version?: unknown } | undefined;
  const requirements = office?.context?.requirements as { isSetSupported?: (n: string, v?: string) => boolean } | undefined;
  const sets: string[] = [];
  for (const [name, versions] of SETS) {
    const have = versions.filter((v) => requirements?.isSetSupported?.(name, v) === true);
    if (have.length) sets.push(`${name} ${have[have.length - 1]}`);
  }
  return {
    platform: typeof diagnostics?.platform === "string" ? diagnostics.platform : "không rõ",
    version: typeof diagnostics?.version === "string" ? diagnostics.version : "không rõ",
    sets,
  };
}

function describe(err: unknown): string {
  return excelErrorMessage(err) ?? (err instanceof Error && err.message ? err.message : "Lỗi không rõ.");
}

export async function runSelfTest(run: ExcelRunner, now: () => number = () => Date.now()): Promise<SelfTestReport> {
  const items: SelfTestItem[] = [];
  const stamp = String(now()).slice(-6);
  const sheetName = `Tự kiểm tra ${stamp}`;
  const tableName = `tblTuKiemTra${stamp}`;
  let marker = "";

  await run(async (context) => {
    const worksheets = context.workbook.worksheets;
    const active = worksheets.getActiveWorksheet();
    active.load("name");
    await context.sync();
    let ws: Excel.Worksheet | null = null;

    const step = async (label: string, work: () => Promise<string | void>): Promise<boolean> => {
      const start = now();
      try {
        const problem = await work();
        items.push({ label, ok: !problem, ms: now() - start, detail: problem ?? "" });
        return !problem;
      } catch (err) {
        items.push({ label, ok: false, ms: now() - start, detail: describe(err) });
        return false;
      }
    };
    const sheet = (): Excel.Worksheet => {
      if (!ws) throw new Error("Chưa tạo được trang tạm.");
      return ws;
    };

    const created = await step("Tạo trang tạm", async () => {
      ws = worksheets.add(sheetName);
      await context.sync();
    });
    if (created) {
      await step("Đánh dấu trang của bổ trợ (tên định nghĩa)", async () => {
        const names = context.workbook.names;
        names.load("items/name");
        await context.sync();
        marker = markerName("so", new Set(names.items.map((n) => n.name.toLowerCase())));
        context.workbook.names.add(marker, `=${markerReference(sheetName)}`);
        const back = context.workbook.names.getItem(marker);
        back.load("name,formula");
        await context.sync();
        const m = parseMarker(back.name, back.formula as string);
        return m?.sheet === sheetName ? undefined : "Đọc lại tên đánh dấu không đúng trang.";
      });
      await step("Chữ giống số, ngày giữ nguyên khi ghi và đọc lại", async () => {
        const range = sheet().getRange(a1(1, 1, ROUND_TRIP_TEXTS.length, 1));
        range.values = ROUND_TRIP_TEXTS.map((t) => [safeText(t)]);
        range.load("values");
        await context.sync();
        const back = (range.values as unknown[][]).map((r) => r[0]);
        const wrong = ROUND_TRIP_TEXTS.filter((t, i) => back[i] !== t);
        return wrong.length ? `Excel đổi các chữ: ${wrong.join(", ")}.` : undefined;
      });
      await step("Ghi và đọc lại ngày", async () => {
        const range = sheet().getRange("C1");
        range.numberFormat = [[DATE_FORMAT]];
        range.values = [[44237]]; // 10/02/2021
        range.load("values,numberFormat");
        await context.sync();
        const format = (range.numberFormat as unknown[][])[0][0];
        return (range.values as unknown[][])[0][0] === 44237 && format === DATE_FORMAT
          ? undefined
          : `Ngày đọc lại sai (định dạng "${String(format)}").`;
      });
      await step("Bảng", async () => {
        sheet().getRange("E1:F3").values = [
          ["Tên chuyên đề", "Quý"],
          ["Một", "I"],
          ["Hai", "II"],
        ];
        const table = sheet().tables.add("E1:F3", true);
        table.name = tableName;
        table.load("name");
        await context.sync();
        return table.name === tableName ? undefined : "Tên bảng không đúng.";
      });
      await step("Danh sách chọn", async () => {
        sheet().getRange("F4:F6").dataValidation.rule = { list: { inCellDropDown: true, source: "I,II,III,IV" } };
        await context.sync();
      });
      await step("Đọc ô đã gộp", async () => {
        sheet().getRange("H1:I2").merge(false);
        const merged = sheet().getRange("H1:J4").getMergedAreasOrNullObject();
        merged.load("address");
        await context.sync();
        return !merged.isNullObject && /H1:I2/.test(merged.address) ? undefined : "Không đọc được vùng ô đã gộp.";
      });
      await step("Cố định dòng tiêu đề", async () => {
        sheet().freezePanes.freezeRows(1);
        await context.sync();
      });
      await step("Thiết lập trang in", async () => {
        const layout = sheet().pageLayout;
        layout.paperSize = "A4";
        layout.orientation = "Landscape";
        layout.setPrintTitleRows("$1:$1");
        await context.sync();
      });
      await step("Ghi một lần gần giới hạn 5 MB của Excel trên web (khoảng 2 MB)", async () => {
        const rows = Array.from({ length: 20000 }, (_, i) => [
          `Chuyên đề thử số ${i + 1} của chi bộ`,
          i + 1,
          "Đã sinh hoạt",
          "Nguyễn Văn An",
        ]);
        const range = sheet().getRange(a1(101, 1, 20100, 4));
        range.values = rows;
        const last = sheet().getRange("B20100");
        last.load("values");
        await context.sync();
        return (last.values as unknown[][])[0][0] === 20000 ? undefined : "Đọc lại không đủ dòng.";
      });
    }
    // Leave the workbook as it was, whatever failed above.
    await step("Xóa trang tạm, trả lại trang đang mở", async () => {
      const name = marker ? context.workbook.names.getItemOrNullObject(marker) : null;
      const temp = worksheets.getItemOrNullObject(sheetName);
      await context.sync();
      if (name && !name.isNullObject) name.delete();
      if (!temp.isNullObject) temp.delete();
      worksheets.getItem(active.name).activate();
      await context.sync();
    });
  });
  return { items, ...hostInfo() };
}

/** The report as plain text to copy and send. */
export function selfTestText(r: SelfTestReport): string {
  const lines = [
    `Tự kiểm tra bổ trợ ${VERSION_LINE}`,
    `Nền tảng: ${r.platform}; phiên bản Office: ${r.version}`,
    `Bộ API có trong Excel này: ${r.sets.join(", ") || "không rõ"}`,
    ...r.items.map((i) => `${i.ok ? "Đạt" : "KHÔNG ĐẠT"} — ${i.label} (${i.ms} ms)${i.detail ? `: ${i.detail}` : ""}`),
  ];
  const failed = r.items.filter((i) => !i.ok).length;
  lines.push(failed ? `Kết quả: ${failed} mục không đạt.` : "Kết quả: tất cả các mục đều đạt.");
  return lines.join("\n");
}
