// "Tự kiểm tra bổ trợ": for an administrator's first run in a real Excel. It first checks
// what can be known without writing — the requirement sets the add-in needs, the
// workbook's date system (and that the custom functions use the same), whether the
// workbook or its sheets are protected — then, on a temporary sheet it creates and then
// removes, exercises each Office.js call the add-in depends on, one sync per item, and
// reports pass/fail with timings, the Office platform and version and the requirement sets
// the host has. The workbook is left as it was: the temporary sheet, its table and its
// marker name are removed, the active sheet restored.
import { DATE_FORMAT } from "../core/read/layout";
import { a1 } from "./address";
import { readDateSystem, workbookDateSystem, type DateSystem } from "./dateSystem";
import { excelErrorMessage } from "./errors";
import type { ExcelRunner } from "./runner";
import { markerName, markerReference, parseMarker } from "./marker";
import { setSupported } from "./office";
import { safeText } from "./render";
import { ADDIN_REQUIREMENTS, unavailableMessage } from "./requirements";
import { VERSION_LINE } from "../version";

export interface SelfTestItem {
  label: string;
  ok: boolean;
  ms: number;
  /** Vietnamese: what went wrong (empty when ok). */
  detail: string;
  /** Vietnamese: what was found, when that is worth knowing (the date system, protected sheets). */
  note?: string;
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
  const context = typeof Office === "undefined" ? undefined : Office.context;
  const diagnostics = context?.diagnostics;
  const sets: string[] = [];
  if (context?.requirements) {
    for (const [name, versions] of SETS) {
      const have = versions.filter((v) => context.requirements.isSetSupported(name, v));
      if (have.length) sets.push(`${name} ${have[have.length - 1]}`);
    }
  }
  return {
    platform: typeof diagnostics?.platform === "string" ? diagnostics.platform : "không rõ",
    version: typeof diagnostics?.version === "string" ? diagnostics.version : "không rõ",
    sets,
  };
}

/** What an item found: a problem (it failed) and/or a note worth reporting. */
interface Finding {
  problem?: string;
  note?: string;
}

const STRUCTURE_PROTECTED =
  "Sổ đang được bảo vệ cấu trúc: bổ trợ không thêm được trang (Tạo sổ, Chuyển đổi, Báo cáo quý, Tổng hợp và các mục thử dưới đây trên trang tạm). Hãy bỏ bảo vệ ở thẻ Xem lại › Bảo vệ sổ làm việc rồi chạy lại.";

function describe(err: unknown): string {
  return excelErrorMessage(err) ?? (err instanceof Error && err.message ? err.message : "Lỗi không rõ.");
}

export async function runSelfTest(
  run: ExcelRunner,
  now: () => number = () => Date.now(),
  dates: DateSystem = workbookDateSystem,
): Promise<SelfTestReport> {
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

    /** Runs one item: its work answers nothing (passed), what went wrong, or that and a note. */
    const step = async (label: string, work: () => Promise<string | void | Finding>): Promise<boolean> => {
      const start = now();
      try {
        const got = await work();
        const { problem, note } = typeof got === "object" ? got : { problem: got ?? undefined, note: undefined };
        items.push({ label, ok: !problem, ms: now() - start, detail: problem ?? "", ...(note ? { note } : {}) });
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

    // Nothing written yet: what the add-in needs, the date system, protection.
    await step("Bộ API Excel mà bổ trợ cần", () => {
      const missing = ADDIN_REQUIREMENTS.filter((r) => !setSupported(r.set, r.version));
      return Promise.resolve(
        missing.length ? `Thiếu ${missing.map((r) => `${r.set} ${r.version}`).join(", ")}. ${unavailableMessage(missing[0])}` : undefined,
      );
    });
    await step("Hệ ngày của sổ (1900 hay 1904)", async () => {
      const date1904 = await readDateSystem(context);
      const used = dates.known();
      dates.set(date1904);
      const system = date1904 ? "1904" : "1900";
      const note = `Sổ tính ngày theo hệ ${system}.`;
      if (used !== null && used !== date1904) {
        return {
          note,
          problem: `Các hàm CHUYENDE đang tính theo hệ ${used ? "1904" : "1900"} trong khi sổ dùng hệ ${system}; bổ trợ đã cập nhật, hãy bấm Ctrl+Alt+F9 để Excel tính lại.`,
        };
      }
      return { note };
    });
    let structureProtected = false;
    await step("Bảo vệ sổ và trang tính", async () => {
      const structure = context.workbook.protection;
      structure.load("protected");
      worksheets.load("items/name");
      await context.sync();
      const sheets = worksheets.items.map((w) => ({ name: w.name, protection: w.protection }));
      for (const s of sheets) s.protection.load("protected");
      await context.sync();
      const locked = sheets.filter((s) => s.protection.protected).map((s) => `“${s.name}”`);
      structureProtected = structure.protected;
      return {
        problem: structureProtected ? STRUCTURE_PROTECTED : undefined,
        note: locked.length
          ? `Các trang đang được bảo vệ (bổ trợ không ghi vào): ${locked.join(", ")}. Muốn ghi, hãy bỏ bảo vệ ở thẻ Xem lại › Bỏ bảo vệ trang tính.`
          : "Không có trang nào đang được bảo vệ.",
      };
    });

    const created =
      !structureProtected &&
      (await step("Tạo trang tạm", async () => {
        ws = worksheets.add(sheetName);
        await context.sync();
      }));
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

/** ": what went wrong" and/or the note, as the pane and the text show them. */
export function itemDetail(i: SelfTestItem): string {
  const parts = [i.detail, i.note].filter((p): p is string => !!p);
  return parts.length ? `: ${parts.join(" ")}` : "";
}

/** The report as plain text to copy and send. */
export function selfTestText(r: SelfTestReport): string {
  const lines = [
    `Tự kiểm tra bổ trợ ${VERSION_LINE}`,
    `Nền tảng: ${r.platform}; phiên bản Office: ${r.version}`,
    `Bộ API có trong Excel này: ${r.sets.join(", ") || "không rõ"}`,
    ...r.items.map((i) => `${i.ok ? "Đạt" : "KHÔNG ĐẠT"} — ${i.label} (${i.ms} ms)${itemDetail(i)}`),
  ];
  const failed = r.items.filter((i) => !i.ok).length;
  lines.push(failed ? `Kết quả: ${failed} mục không đạt.` : "Kết quả: tất cả các mục đều đạt.");
  return lines.join("\n");
}
