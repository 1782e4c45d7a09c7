// Runs `chuyende` in-process (fast) or as a child process (exit codes, real stderr).
import { spawnSync, execFileSync } from "child_process";
import { existsSync, statSync, readdirSync, openSync, closeSync, unlinkSync } from "fs";
import * as path from "path";
import { main } from "../../../src/cli/main";

export const ROOT = path.resolve(__dirname, "../../..");
export const BIN = path.join(ROOT, "bin", "chuyende.js");

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** main() with captured output; `now` fixes "today" (local). */
export async function runInProcess(argv: string[], now: Date = new Date()): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    isTTY: false,
    now: () => now,
  });
  return { code, stdout, stderr };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Compiles the CLI into build/ unless it is newer than every source file. Other parts of
 *  the tree may be mid-edit, so a type error elsewhere does not stop the emit. */
export function ensureBuilt(): void {
  const main = path.join(ROOT, "build", "cli", "main.js");
  const lock = path.join(ROOT, "build", ".test-build.lock");
  const fresh = () => existsSync(main) && statSync(main).mtimeMs >= newestMtime(path.join(ROOT, "src"));
  if (fresh()) return;
  let fd: number | null = null;
  try {
    fd = openSync(lock, "wx");
  } catch {
    fd = null;
  }
  try {
    try {
      execFileSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"], {
        cwd: ROOT,
        stdio: "pipe",
      });
    } catch {
      // Type errors still emit; the existence check below decides.
    }
  } finally {
    if (fd !== null) {
      closeSync(fd);
      try {
        unlinkSync(lock);
      } catch {
        /* already gone */
      }
    }
  }
  if (!existsSync(main)) throw new Error("build/cli/main.js missing after tsc");
}

export function runBin(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, TZ: "Asia/Ho_Chi_Minh", ...opts.env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
