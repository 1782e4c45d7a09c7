// A one-line progress bar on stderr, drawn only when stderr is a terminal (so logs,
// pipes and tests see nothing of it). Redraws at most every `intervalMs`.
import type { CliIO } from "./command";

export interface Progress {
  /** One more item done; `label` (a file name, say) is shown after the counts. */
  tick(label?: string): void;
  /** Clears the line. Safe to call twice. */
  done(): void;
}

export interface ProgressOptions {
  /** Bar width in characters. */
  width?: number;
  intervalMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

const NOOP: Progress = { tick: () => undefined, done: () => undefined };

function shorten(s: string, max: number): string {
  return s.length <= max ? s : "…" + s.slice(s.length - max + 1);
}

export function createProgress(io: Pick<CliIO, "stderr" | "isTTY">, total: number, title: string, options: ProgressOptions = {}): Progress {
  if (!io.isTTY || total <= 0) return NOOP;
  const width = options.width ?? 24;
  const interval = options.intervalMs ?? 100;
  const now = options.now ?? Date.now;
  let count = 0;
  let lastDraw = -Infinity;
  let drawn = false;
  let finished = false;
  const draw = (label: string) => {
    const filled = Math.round((count / total) * width);
    const pct = Math.floor((count / total) * 100);
    const line = `${title} [${"█".repeat(filled)}${"░".repeat(width - filled)}] ${count}/${total} (${pct}%) ${shorten(label, 40)}`;
    // \r + clear-to-end-of-line keeps one line however long the last label was.
    io.stderr(`\r${line}\x1b[K`);
    drawn = true;
  };
  return {
    tick(label = "") {
      if (finished) return;
      count = Math.min(total, count + 1);
      const t = now();
      if (count === total || t - lastDraw >= interval) {
        lastDraw = t;
        draw(label);
      }
    },
    done() {
      if (finished) return;
      finished = true;
      if (drawn) io.stderr("\r\x1b[K");
    },
  };
}
