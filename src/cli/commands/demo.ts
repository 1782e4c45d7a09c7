// `chuyende demo [-o DIR]` — a sample register and every output made from it, so a new
// user sees what the tool does before typing their own data.
import { promises as fs } from "fs";
import * as path from "path";
import type { CliIO, Command } from "../command";
import { parseArgs } from "../args";
import { checkOutputPath, dateOption, overwriteOption, saveWorkbook, writeFileAtomic, yearOption } from "../io";
import { newWorkbook, renderSheets } from "../../xlsx/render";
import { checkFile, checkResultToJson, formatCheckText } from "./kiem-tra";
import { sampleAsOf, sampleRows, sampleWorkbook, SAMPLE_YEAR } from "../../core/make/sample";
import { formatIsoDate } from "../../core/read/dates";
import { defaultReportQuarter } from "../../core/make/report";
import { UserError, type SimpleDate } from "../../core/shared/types";

export const SAMPLE_FILE = "so-chuyen-de-mau.xlsx";

/** The CLI's commands, which the steps run by name. commands/index.ts registers them: it
 *  lists demo itself, so demo importing it would be an import cycle. */
let registered: readonly Command[] = [];

export function registerDemoCommands(commands: readonly Command[]): void {
  registered = commands;
}

export interface DemoContext {
  /** Output folder. */
  dir: string;
  /** The sample register written there. */
  sample: string;
  year: number;
  asOf: SimpleDate;
  /** asOf as YYYY-MM-DD, for --ngay. */
  asOfIso: string;
  overwrite: boolean;
  /** A path inside the output folder. */
  out(name: string): string;
  /** Runs another chuyende command (adds --ghi-de when the demo has it); returns its
   *  exit code. A UserError stops the demo with that message. */
  command(argv: string[]): Promise<number>;
}

export interface DemoStep {
  /** What the step makes, Vietnamese (printed as the demo goes). */
  title: string;
  /** The file it writes, known before anything is written (so an existing one stops the
   *  demo before its first file: exit 2 writes nothing). */
  file(ctx: DemoContext): string;
  /** Writes `file`. */
  run(ctx: DemoContext, file: string): Promise<void>;
}

// ===== DEMO_STEPS — every other output made from the sample. Helpers append one entry
// per document/report here (e.g. đề dẫn, biên bản, báo cáo quý, tổng hợp), using
// ctx.command([...]) with ctx.sample / ctx.out("name") / ctx.asOfIso. =====
export const DEMO_STEPS: DemoStep[] = [
  {
    // docs: the đề dẫn of the first planned topic, dated the demo's as-of day.
    title: "Đề dẫn chuyên đề (.docx)",
    file: (ctx) => ctx.out(`de-dan-stt-${plannedStt(ctx)}.docx`),
    async run(ctx, file) {
      await ctx.command(["de-dan", ctx.sample, "--stt", plannedStt(ctx), "--ngay", ctx.asOfIso, "-o", file]);
    },
  },
  {
    // docs: the notice that sent the first held topic's draft, dated the day it was sent.
    title: "Thông báo gửi dự thảo (.docx)",
    file: (ctx) => ctx.out(`thong-bao-stt-${heldStt(ctx)}.docx`),
    async run(ctx, file) {
      await ctx.command(["thong-bao", ctx.sample, "--stt", heldStt(ctx), "-o", file]);
    },
  },
  {
    // docs: the sign-in sheet of the first held topic's meeting.
    title: "Danh sách đảng viên ký tên dự sinh hoạt (.docx)",
    file: (ctx) => ctx.out(`danh-sach-stt-${heldStt(ctx)}.docx`),
    async run(ctx, file) {
      await ctx.command(["danh-sach", ctx.sample, "--stt", heldStt(ctx), "-o", file]);
    },
  },
  {
    // docs: the biên bản of the first held topic (it has attendance, minutes, opinions).
    title: "Biên bản sinh hoạt chuyên đề (.docx)",
    file: (ctx) => ctx.out(`bien-ban-stt-${heldStt(ctx)}.docx`),
    async run(ctx, file) {
      await ctx.command(["bien-ban", ctx.sample, "--stt", heldStt(ctx), "-o", file]);
    },
  },
  {
    // docs: the report of the first held topic to the cấp ủy cấp trên.
    title: "Báo cáo kết quả chuyên đề gửi cấp trên (.docx)",
    file: (ctx) => ctx.out(`bao-cao-stt-${heldStt(ctx)}.docx`),
    async run(ctx, file) {
      await ctx.command(["bao-cao", ctx.sample, "--stt", heldStt(ctx), "--ngay", ctx.asOfIso, "-o", file]);
    },
  },
  {
    // report: Báo cáo quý of the last quarter ended by the demo's as-of day (within the
    // sample's year), written into a copy of the sample.
    title: "Báo cáo quý (trang tính trong bản sao của sổ)",
    file: (ctx) => ctx.out(`bao-cao-quy-${reportQuarter(ctx)}-${ctx.year}.xlsx`),
    async run(ctx, file) {
      const quarter = String(reportQuarter(ctx));
      await ctx.command(["bao-cao", ctx.sample, "--quy", quarter, "--nam", String(ctx.year), "--ngay", ctx.asOfIso, "-o", file]);
    },
  },
  {
    // plan: Kế hoạch năm of the sample's year (dated the day before its first meeting).
    title: "Kế hoạch sinh hoạt chuyên đề năm (.docx)",
    file: (ctx) => ctx.out(`ke-hoach-${ctx.year}.docx`),
    async run(ctx, file) {
      await ctx.command(["ke-hoach", ctx.sample, "--nam", String(ctx.year), "-o", file]);
    },
  },
  {
    // report: Tổng hợp of the sample (the upper level's view; one row per cell).
    title: "Tổng hợp các chi bộ (.xlsx)",
    file: (ctx) => ctx.out("tong-hop.xlsx"),
    async run(ctx, file) {
      // Exit code 1 only means the sample has findings, which it has on purpose.
      await ctx.command(["tong-hop", ctx.sample, "-o", file, "--ngay", ctx.asOfIso]);
    },
  },
  {
    // report: the đảng ủy's year report over the sample (one cell).
    title: "Báo cáo năm của đảng ủy (.docx)",
    file: (ctx) => ctx.out(`bao-cao-nam-${ctx.year}.docx`),
    async run(ctx, file) {
      await ctx.command(["tong-hop", ctx.sample, "--nam", String(ctx.year), "-o", file, "--ngay", ctx.asOfIso]);
    },
  },
];
// ===== end DEMO_STEPS =====

/** STT of the first planned topic of the sample (its đề dẫn is shown). */
function plannedStt(ctx: DemoContext): string {
  const register = sampleRows(ctx.year).register;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the sample's STT cells are numbers
  return String((register.find((r) => r[10] === "Dự kiến") ?? register[0])[0]);
}

/** STT of the first held topic (it has attendance, minutes, opinions). */
function heldStt(ctx: DemoContext): string {
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the sample's STT cells are numbers
  return String(sampleRows(ctx.year).minutes[0]?.[0] ?? 1);
}

/** The last quarter ended by the demo's as-of day, within the sample's year (else I). */
function reportQuarter(ctx: DemoContext): number {
  const last = defaultReportQuarter(ctx.asOf);
  return last.year === ctx.year ? last.quarter : 1;
}

async function ensureDir(dir: string): Promise<void> {
  try {
    const st = await fs.stat(dir);
    if (!st.isDirectory()) throw new UserError("KHONG_PHAI_THU_MUC", `${dir} đã có và không phải thư mục; hãy chọn thư mục khác cho -o.`);
  } catch (err) {
    if (err instanceof UserError) throw err;
    await fs.mkdir(dir, { recursive: true });
  }
}

function makeContext(dir: string, year: number, asOf: SimpleDate, overwrite: boolean, io: CliIO): DemoContext {
  const sample = path.join(dir, SAMPLE_FILE);
  return {
    dir,
    sample,
    year,
    asOf,
    asOfIso: formatIsoDate(asOf),
    overwrite,
    out: (name) => path.join(dir, name),
    async command(argv) {
      const [name, ...rest] = argv;
      const cmd = registered.find((c) => c.name === name);
      if (!cmd) throw new Error(`demo: no command ${name}`);
      const flags = (cmd as Command & { flags?: string[] }).flags;
      const args = parseArgs(overwrite && !rest.includes("--ghi-de") ? [...rest, "--ghi-de"] : rest, {
        valueOptions: cmd.valueOptions,
        flags,
      });
      // Keep the demo's own output short: commands print into a sink.
      const code = await cmd.run(args, { ...io, stdout: () => undefined });
      if (code === 2) throw new UserError("DEMO_LOI", `Lệnh ${name} trong demo không chạy được (xem thông báo ở trên).`);
      return code;
    },
  };
}

export const demo: Command = {
  name: "demo",
  summary: "Tạo sổ mẫu của một chi bộ và mọi kết quả từ sổ đó (kiểm tra, tài liệu, báo cáo) để xem thử.",
  usage: "chuyende demo [-o THU-MUC] [--nam Y] [--ngay dd/mm/yyyy] [--ghi-de]",
  examples: [
    { command: "chuyende demo", does: "sổ mẫu và mọi kết quả vào thư mục chuyende-demo" },
    { command: "chuyende demo -o thu-xem --nam 2025 --ngay 15/11/2025", does: "chọn thư mục, năm và ngày kiểm tra" },
  ],
  valueOptions: ["o", "nam", "ngay"],
  async run(args, io) {
    if (args.positional.length > 0) {
      throw new UserError("THUA_THAM_SO", `demo không nhận tệp vào (${args.positional.join(" ")}); thư mục ra ghi sau -o.`);
    }
    const dir = typeof args.options["o"] === "string" ? args.options["o"] : "chuyende-demo";
    const year = yearOption(args) ?? SAMPLE_YEAR;
    const asOf = args.options["ngay"] !== undefined ? dateOption(args, io) : sampleAsOf(year);
    const overwrite = overwriteOption(args);
    const ctx = makeContext(dir, year, asOf, overwrite, io);

    await ensureDir(dir);
    const txt = ctx.out("kiem-tra.txt");
    const json = ctx.out("kiem-tra.json");
    const stepFiles = DEMO_STEPS.map((step) => step.file(ctx));
    // Refuse before writing anything when any output of a previous demo is there.
    for (const file of [ctx.sample, txt, json, ...stepFiles]) await checkOutputPath(file, { overwrite });

    const written: string[] = [];
    const wb = newWorkbook();
    renderSheets(wb, sampleWorkbook(year));
    await saveWorkbook(wb, ctx.sample, { overwrite });
    written.push(ctx.sample);
    io.stdout(`Sổ mẫu: ${ctx.sample}\n`);

    const { book, result } = await checkFile(ctx.sample, { asOf });
    await writeFileAtomic(txt, formatCheckText(ctx.sample, book, result), { overwrite });
    await writeFileAtomic(json, JSON.stringify(checkResultToJson(ctx.sample, result), null, 2) + "\n", { overwrite });
    written.push(txt, json);
    io.stdout(`Kiểm tra (tính đến ${formatIsoDate(asOf)}): ${txt}, ${json}\n`);

    for (const [i, step] of DEMO_STEPS.entries()) {
      await step.run(ctx, stepFiles[i]);
      written.push(stepFiles[i]);
      io.stdout(`${step.title}: ${stepFiles[i]}\n`);
    }
    io.stdout(`Xong: ${written.length} tệp trong ${dir}.\n`);
    return 0;
  },
};
