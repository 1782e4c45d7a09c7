// A small pool of worker threads reading files one at a time, each file under its own
// budget: a wall-clock time (the worker is stopped) and the worker's heap limit (past it
// the worker ends with ERR_WORKER_OUT_OF_MEMORY). A file past either gets the caller's
// "over budget" outcome, a fresh worker takes the next file, and the rest go on. Node only.
import * as path from "path";
import { Worker } from "worker_threads";

/** Wall-clock budget of one file (the reader's bounds answer within 10 s of CPU; the
 *  machine may be shared). */
export const FILE_SECONDS = 30;
/** Heap of one worker: the reader's bounds keep one file's parse well under this. */
export const WORKER_HEAP_MB = 384;

export interface PoolTask {
  index: number;
  file: string;
}

export interface PoolResult<T> {
  index: number;
  outcome: T;
}

export interface PoolOptions<T> {
  files: readonly string[];
  workers: number;
  /** The worker's module: it answers each PoolTask message with a PoolResult. */
  script: string;
  workerData: unknown;
  heapMb: number;
  seconds: number;
  overBudget: (file: string, what: "time" | "memory") => T;
  /** Where threads cannot start: the remaining files read in this thread. */
  inProcess: (left: PoolTask[], settle: (index: number, outcome: T) => void) => Promise<void>;
  onOutcome: (index: number, outcome: T) => void;
}

/** A file past its budget, in a secretary's words. */
export function overBudgetReason(file: string, what: "time" | "memory"): string {
  const name = path.basename(file);
  const advice = "tệp có thể bị hỏng hoặc bị làm phình; hãy mở bằng Excel, xóa phần thừa, lưu lại rồi chạy lại.";
  return what === "time"
    ? `Tệp ${name} đọc quá lâu (hơn ${FILE_SECONDS} giây) nên bị bỏ qua — ${advice}`
    : `Tệp ${name} cần quá nhiều bộ nhớ để đọc nên bị bỏ qua — ${advice}`;
}

export async function runFilePool<T>(o: PoolOptions<T>): Promise<void> {
  const { files } = o;
  let next = 0;
  let finished = 0;
  await new Promise<void>((resolveAll) => {
    const settle = (index: number, outcome: T) => {
      o.onOutcome(index, outcome);
      if (++finished === files.length) resolveAll();
    };
    const start = () => {
      if (next >= files.length) return;
      let worker: Worker;
      try {
        worker = new Worker(o.script, { workerData: o.workerData, resourceLimits: { maxOldGenerationSizeMb: o.heapMb } });
      } catch {
        const left = files.slice(next).map((file, i) => ({ file, index: next + i }));
        next = files.length;
        void o.inProcess(left, settle);
        return;
      }
      let current: PoolTask | null = null;
      let timer: NodeJS.Timeout | null = null;
      let gone = false;
      const give = () => {
        if (next >= files.length) {
          current = null;
          void worker.terminate();
          return;
        }
        current = { index: next, file: files[next] };
        next++;
        worker.postMessage(current);
        timer = setTimeout(() => fail("time"), o.seconds * 1000);
      };
      const fail = (what: "time" | "memory") => {
        if (gone) return;
        gone = true;
        if (timer) clearTimeout(timer);
        const task = current;
        current = null;
        void worker.terminate();
        if (task) settle(task.index, o.overBudget(task.file, what));
        start(); // a fresh worker for the next file
      };
      worker.on("message", (m: PoolResult<T>) => {
        if (!current || m.index !== current.index) return;
        if (timer) clearTimeout(timer);
        const index = current.index;
        current = null;
        settle(index, m.outcome);
        give();
      });
      worker.on("error", () => fail("memory"));
      worker.on("exit", () => {
        if (current) fail("memory");
      });
      give();
    };
    if (files.length === 0) resolveAll();
    for (let i = 0; i < o.workers; i++) start();
  });
}
