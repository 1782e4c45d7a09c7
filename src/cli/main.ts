// Entry point of `chuyende`: picks the command, parses its options, runs it, and turns
// every error into one Vietnamese line on stderr with exit code 2.
import type { CliIO, Command } from "./command";
import { COMMANDS } from "./commands";
import { parseArgs } from "./args";
import { NO_REGISTER_CODE, noRegisterError } from "../core/check/check";
import { UserError } from "../core/shared/types";
import { VERSION } from "../version";

/** What the command line says after the engine's "no register" message. */
export const NO_REGISTER_CLI_HINT = "Trên dòng lệnh: chuyende khoi-tao tạo sổ mới, chuyende chuyen-doi đưa sổ đang có về mẫu.";

/** Flags commands commonly use; a command may list its own in an optional `flags`. */
const DEFAULT_FLAGS = ["json", "ghi-de"];

let pipeGuard = false;

export function defaultIO(): CliIO {
  if (!pipeGuard) {
    pipeGuard = true;
    // `chuyende kiem-tra … | head`: a closed pipe is not an error worth a stack trace.
    for (const stream of [process.stdout, process.stderr]) {
      stream.on("error", (err: NodeJS.ErrnoException) => {
        if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
        throw err;
      });
    }
  }
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    isTTY: Boolean(process.stderr.isTTY),
    now: () => new Date(),
  };
}

export function usageText(commands: readonly Command[] = COMMANDS): string {
  const lines = [
    "chuyende — Sổ chuyên đề: kiểm tra và lập sổ sinh hoạt chi bộ chuyên đề (HD 09-HD/ĐUK).",
    "",
    "Cách dùng: chuyende <lệnh> [tham số]",
    "",
    "Các lệnh:",
  ];
  const width = Math.max(8, ...commands.map((c) => c.name.length));
  for (const c of commands) lines.push(`  ${c.name.padEnd(width)}  ${c.summary}`);
  lines.push("", "Cú pháp (phần trong [ ] không bắt buộc):");
  for (const c of commands) lines.push(`  ${c.usage}`);
  lines.push(
    "",
    "Tùy chọn chung:",
    "  --ghi-de        ghi đè tệp ra đã có (mặc định: không ghi đè)",
    "  --ngay NGÀY     ngày kiểm tra, viết như trong sổ: 20/11/2025 (cũng nhận 2025-11-20); mặc định: hôm nay",
    "  --nam Y         năm của sổ (mặc định: theo sổ)",
    "  --help          xem hướng dẫn; chuyende <lệnh> --help cho từng lệnh",
    "  --version       in phiên bản của chương trình",
    "",
    "Mã thoát: 0 = không có lỗi, 1 = có lỗi trong sổ, 2 = không dùng được tệp vào hoặc tham số sai.",
    "",
  );
  return lines.join("\n");
}

export function commandHelp(c: Command): string {
  const examples = c.examples.map((e) => `  ${e.command}\n      ${e.does}`);
  return `${c.summary}\n\nCách dùng: ${c.usage}\n(phần trong [ ] không bắt buộc)\n\nVí dụ:\n${examples.join("\n")}\n`;
}

function flagsOf(c: Command): string[] {
  const own = (c as Command & { flags?: string[] }).flags;
  return own ? [...own] : DEFAULT_FLAGS;
}

/** Runs `chuyende` with the arguments after the program name; resolves to the exit code. */
export async function main(argv: string[], io: CliIO = defaultIO()): Promise<number> {
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      io.stdout(usageText());
      return 0;
    }
    if (name === "--version" || name === "-v") {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) {
      const hint = name.startsWith("-") ? `Tùy chọn ${name} phải đứng sau tên lệnh.` : `Không có lệnh "${name}".`;
      io.stderr(`Lỗi: ${hint} Các lệnh: ${COMMANDS.map((c) => c.name).join(", ")}. Xem: chuyende --help\n`);
      return 2;
    }
    if (rest.includes("--help") || rest.includes("-h")) {
      io.stdout(commandHelp(command));
      return 0;
    }
    const args = parseArgs(rest, { valueOptions: command.valueOptions, flags: flagsOf(command) });
    return await command.run(args, io);
  } catch (err) {
    if (err instanceof UserError || (err instanceof Error && err.name === "UserError")) {
      // The engine's "no register" names the pane's buttons; here the commands do that job.
      const hint =
        (err as UserError).code === NO_REGISTER_CODE && err.message === noRegisterError().message ? ` ${NO_REGISTER_CLI_HINT}` : "";
      io.stderr(`Lỗi: ${err.message}${hint}\n`);
    } else {
      // A library's or the system's own words (English, codes) help no secretary.
      io.stderr(`Lỗi: lỗi không mong đợi của chương trình — hãy chạy lại; nếu vẫn lỗi, chạy lại với CHUYENDE_DEBUG=1 để xem chi tiết.\n`);
      if (process.env.CHUYENDE_DEBUG === "1") io.stderr(`${err instanceof Error ? err.message : String(err)}\n`);
      if (process.env.CHUYENDE_DEBUG === "1" && err instanceof Error && err.stack) io.stderr(`${err.stack}\n`);
    }
    return 2;
  }
}
