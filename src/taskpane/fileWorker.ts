// The page's side of the file worker (src/file/worker.ts): a FileWorkbookHost whose every
// read, check and write runs in a Web Worker, so the page answers clicks whatever the file.
// The worker is made from the page's own code (a blob: URL in the single HTML file, so it
// works from file://; so-tep-worker.js next to the add-in's page). Each request has a time
// bound from the file's size; a worker over it, out of memory, failing, or cancelled (Hủy)
// is terminated, the user told why in Vietnamese naming the file, and the next request
// starts a new worker from the copy as it last was (nothing already done is lost).
import { UserError, type SimpleDate } from "../core/shared/types";
import type { WorkbookSession } from "../excel/host";
import type { FileState, FileWorkbookHost } from "../file/fileHost";
import { fromWorkerError, type WorkerReply, type WorkerRequest } from "../file/workerProtocol";
import type { CheckPane, FindingGroup } from "./logic/check";
import type { PickedFile } from "./logic/consolidate";
import type { Offload } from "./services";
import { declaredInflatedBytes } from "../file/zipSize";

/** The time bound of one request, from the XML the file holds once inflated (zipSize.ts):
 *  a real register is read in a few seconds (5,000 topics, 12.4 MiB of XML: 23 s in
 *  WebKitGTK on a busy 2-core machine, bound 37 s), a small hostile one is stopped within
 *  10 s. Writing reads the copy back, so it gets twice as long; no bound passes maxMs. */
export const WORKER_TIME = { baseMs: 6000, perMiBMs: 2500, writeFactor: 2, maxMs: 180_000 } as const;

export function timeLimitMs(inflatedBytes: number, write = false): number {
  const read = WORKER_TIME.baseMs + Math.ceil((inflatedBytes / 1048576) * WORKER_TIME.perMiBMs);
  return Math.min(WORKER_TIME.maxMs, write ? read * WORKER_TIME.writeFactor : read);
}

/** Why a worker was ended, as the user reads it. */
export function stoppedMessage(why: "time" | "memory" | "cancel" | "failed", file: string, limitMs: number): string {
  switch (why) {
    case "time":
      return (
        `Đọc tệp ${file} quá lâu (hơn ${Math.round(limitMs / 1000)} giây) nên chương trình đã dừng. Sổ chuyên đề thật chỉ cần vài giây; ` +
        "tệp có thể bị hỏng hoặc bị làm phình — hãy mở bằng Excel, xóa phần thừa, lưu lại rồi mở lại."
      );
    case "memory":
      return `Tệp ${file} cần quá nhiều bộ nhớ nên chương trình đã dừng. Tệp có thể bị hỏng hoặc bị làm phình — hãy mở bằng Excel, xóa phần thừa, lưu lại rồi mở lại.`;
    case "cancel":
      return `Đã dừng việc đang làm với tệp ${file} theo yêu cầu.`;
    default:
      return `Việc đang làm với tệp ${file} bị dừng giữa chừng do lỗi của trình duyệt. Hãy thử lại; nếu vẫn lỗi, hãy mở tệp bằng Excel và lưu lại.`;
  }
}

const NO_WORKER = "Trình duyệt này quá cũ, không chạy được phần đọc sổ. Hãy mở trang bằng một trình duyệt bản mới.";

let inlineUrl: string | null = null;
function workerUrl(): string {
  const inline = (globalThis as { __soWorker?: string }).__soWorker;
  if (inline !== undefined) {
    inlineUrl ??= URL.createObjectURL(new Blob([inline], { type: "text/javascript" }));
    return inlineUrl;
  }
  return new URL("so-tep-worker.js", document.baseURI).href;
}

/** A job under way, as the page's work bar shows it. */
export interface Job {
  text: string;
  startedAt: number;
}

interface Pending {
  resolve(v: never): void;
  reject(e: unknown): void;
  file: string;
  limitMs: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** One worker, started when first needed and again after it was ended. */
export class WorkerLink {
  private worker: Worker | null = null;
  private seq = 0;
  private pending = new Map<number, Pending>();
  /** Called with every message that is not a reply (the copy's state and bytes). */
  onEvent: (m: Extract<WorkerReply, { id: 0 }>) => void = () => undefined;
  /** Called with the requests under way after each change (for the Hủy bar). */
  onBusy: (jobs: number) => void = () => undefined;
  /** Called when a worker was ended, before the requests under way are refused. */
  onStopped: (why: string) => void = () => undefined;
  /** The first request of a new worker (the copy to go on from). */
  restore: (() => WorkerRequest | null) | null = null;

  private start(): Worker {
    if (this.worker) return this.worker;
    let w: Worker;
    try {
      w = new Worker(workerUrl());
    } catch {
      throw new UserError("KHONG_CHAY_DUOC", NO_WORKER);
    }
    w.onmessage = (e: MessageEvent<WorkerReply>) => this.receive(e.data);
    // A failed allocation or a crash inside the worker: end it and say so.
    w.onerror = (e) => {
      e.preventDefault();
      this.stop(/memory|allocation/i.test(e.message ?? "") ? "memory" : "failed");
    };
    w.onmessageerror = () => this.stop("failed");
    this.worker = w;
    const first = this.restore?.();
    if (first) {
      // Its reply goes nowhere: a copy that cannot be restored leaves an empty workbook.
      first.id = ++this.seq;
      w.postMessage(first);
    }
    return w;
  }

  private receive(m: WorkerReply): void {
    if (m.id === 0) {
      this.onEvent(m as Extract<WorkerReply, { id: 0 }>);
      return;
    }
    const p = this.pending.get(m.id);
    if (!p) return;
    if ("progress" in m) {
      this.arm(m.id, p);
      return;
    }
    this.settle(m.id);
    const answer = m as Extract<WorkerReply, { ok: boolean }>;
    if (answer.ok) p.resolve(answer.value as never);
    else if (answer.error.name === "RangeError" && /memory|allocation|too large|length/i.test(answer.error.message)) {
      // The worker caught its own failed allocation: its heap may be left in any state.
      const text = stoppedMessage("memory", p.file, p.limitMs);
      p.reject(new UserError("HET_BO_NHO", text));
      this.stop("memory", false);
    } else p.reject(fromWorkerError(answer.error));
  }

  private arm(id: number, p: Pending): void {
    if (p.timer !== undefined) clearTimeout(p.timer);
    if (p.limitMs > 0) p.timer = setTimeout(() => this.stop("time", true, id), p.limitMs);
  }

  private settle(id: number): void {
    const p = this.pending.get(id);
    if (p?.timer !== undefined) clearTimeout(p.timer);
    this.pending.delete(id);
    this.onBusy(this.pending.size);
  }

  /** Ends the worker; every request under way is refused with the reason (the one that ran
   *  over its time is named in it). */
  stop(why: "time" | "memory" | "cancel" | "failed", tell = true, culprit?: number): void {
    const w = this.worker;
    this.worker = null;
    w?.terminate();
    const pending = [...this.pending.entries()];
    this.pending.clear();
    const first = (culprit !== undefined ? pending.find(([id]) => id === culprit) : undefined) ?? pending[0];
    const text = first ? stoppedMessage(why, first[1].file, first[1].limitMs) : stoppedMessage(why, "đang mở", 0);
    if (tell) this.onStopped(text);
    const code = why === "cancel" ? "DA_HUY" : "DUNG_DOC";
    for (const [, p] of pending) {
      if (p.timer !== undefined) clearTimeout(p.timer);
      p.reject(new UserError(code, text));
    }
    this.onBusy(0);
  }

  /** Sends a request; `limitMs` 0 = no time bound (a step that does no work by itself). */
  call<T>(op: string, args: unknown[], file: string, limitMs: number, transfer: Transferable[] = []): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let w: Worker;
      try {
        w = this.start();
      } catch (err) {
        reject(err instanceof Error ? err : new UserError("KHONG_CHAY_DUOC", NO_WORKER));
        return;
      }
      const id = ++this.seq;
      const p: Pending = { resolve, reject, file, limitMs, timer: undefined };
      this.pending.set(id, p);
      this.arm(id, p);
      this.onBusy(this.pending.size);
      const req: WorkerRequest = { id, op, args };
      w.postMessage(req, transfer);
    });
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }
}

/** The file host and the sections' work, all in the worker; Tổng hợp reads each cell's file
 *  in a worker of its own (a bad file ends only that one). */
export interface WorkerFileHost extends FileWorkbookHost, Offload {
  /** Ends whatever runs (Hủy). */
  cancel(): void;
  onBusy(listener: (busy: boolean) => void): void;
  onStopped(listener: (why: string) => void): void;
}

export function createWorkerFileHost(): WorkerFileHost {
  const link = new WorkerLink();
  const cells = new WorkerLink();
  let state: FileState = { source: null, changed: false, sheetCount: 0 };
  /** The copy as the worker last had it (restored into a new worker). */
  let lastBytes: Uint8Array | null = null;
  let sessions = 0;
  const changeListeners: ((s: FileState) => void)[] = [];
  const busyListeners: ((b: boolean) => void)[] = [];
  const stopListeners: ((why: string) => void)[] = [];

  link.onEvent = (m) => {
    if (m.bytes) {
      lastBytes = m.bytes;
      inflated = declaredInflatedBytes(m.bytes);
    }
    if (m.state) {
      state = m.state;
      for (const l of changeListeners) l(state);
    }
  };
  link.restore = () =>
    lastBytes && state.source !== null ? { id: 0, op: "open", args: [lastBytes.slice(), state.source, state.changed] } : null;
  const busyNow = (): void => {
    for (const l of busyListeners) l(link.busy || cells.busy);
  };
  link.onBusy = busyNow;
  cells.onBusy = busyNow;
  link.onStopped = (why) => {
    // A copy made from nothing (Tạo sổ on no file) cannot be named for open: start empty.
    if (state.source === null) {
      lastBytes = null;
      state = { source: null, changed: false, sheetCount: 0 };
      for (const l of changeListeners) l(state);
    }
    for (const l of stopListeners) l(why);
  };

  const fileName = (): string => state.source ?? "sổ mới";
  const buffers = (parts: Uint8Array[]): ArrayBuffer[] => [...new Set(parts.map((p) => p.buffer as ArrayBuffer))];
  const named = (files: readonly PickedFile[]) => files.map((f) => ({ name: f.name, lastModified: f.lastModified }));
  /** Each cell's file read in the cells' worker, as JSON text in bytes the page never parses
   *  (handed over to the worker that writes, not copied). */
  const readCells = async (
    files: readonly PickedFile[],
    asOf: SimpleDate,
    onFile: (i: number, name: string) => void,
  ): Promise<Uint8Array[]> => {
    const texts: Uint8Array[] = [];
    for (const [i, file] of files.entries()) {
      onFile(i, file.name);
      const copy = await file.bytes();
      try {
        const limit = timeLimitMs(declaredInflatedBytes(copy));
        texts.push(await cells.call<Uint8Array>("readCellFileText", [file.name, copy, asOf], file.name, limit, [copy.buffer]));
      } catch (err) {
        if (err instanceof UserError && err.code === "DA_HUY") throw err;
        // Over time or out of memory: this file is listed as unreadable, the others go on.
        const unreadable = { file: file.name, reason: err instanceof Error ? err.message : String(err) };
        texts.push(new TextEncoder().encode(JSON.stringify({ unreadable })));
      }
    }
    onFile(files.length, "");
    return texts;
  };
  /** The open copy's size once inflated (its time bound), measured when its bytes arrive. */
  let inflated = 0;
  const readLimit = (): number => timeLimitMs(inflated);
  const writeLimit = (): number => timeLimitMs(inflated, true);

  return {
    cellsSelectable: false,
    async session<T>(fn: (session: WorkbookSession) => Promise<T>): Promise<T> {
      const sid = ++sessions;
      await link.call("begin", [sid], fileName(), 0);
      const session: WorkbookSession = {
        read: (opts) => link.call("read", [sid, opts], fileName(), readLimit()),
        write: (models, known, opts) => link.call("write", [sid, models, known, opts], fileName(), writeLimit()),
        select: () => Promise.resolve(false),
        appendRow: (planned, date1904) => link.call("appendRow", [sid, planned, date1904], fileName(), writeLimit()),
      };
      let value: T;
      try {
        value = await fn(session);
      } catch (err) {
        await link.call("end", [sid, true], fileName(), writeLimit()).catch(() => undefined);
        throw err;
      }
      // Writing the copy and reading it back happen here.
      await link.call("end", [sid, false], fileName(), writeLimit());
      return value;
    },
    open(bytes, name) {
      const copy = bytes.slice();
      return link.call<string[]>("open", [copy, name], name, timeLimitMs(declaredInflatedBytes(bytes)), [copy.buffer]);
    },
    newFile() {
      return link.call("newFile", [], fileName(), writeLimit());
    },
    state: () => state,
    onChange(listener) {
      changeListeners.push(listener);
    },
    async check(asOf) {
      const pane = await link.call<CheckPane>("check", [asOf], fileName(), readLimit());
      return { pane, more: (from, count) => link.call<FindingGroup[]>("checkGroups", [from, count], fileName(), readLimit()) };
    },
    documentTopics: () => link.call("documentTopics", [], fileName(), readLimit()),
    makeDocument: (kind, stt, template, opts) => link.call("makeDocument", [kind, stt, template, opts], fileName(), readLimit()),
    writeQuarterReport: (q, y, today) => link.call("writeQuarterReport", [q, y, today], fileName(), writeLimit()),
    quarterReportWord: (q, y, today) => link.call("quarterReportWord", [q, y, today], fileName(), readLimit()),
    async consolidate(files, asOf, onFile) {
      const texts = await readCells(files, asOf, onFile);
      const limit = timeLimitMs(inflated + texts.reduce((n, t) => n + t.length, 0), true);
      return link.call("consolidate", [texts, named(files), asOf], fileName(), limit, buffers(texts));
    },
    async yearReport(files, asOf, opts, onFile) {
      const texts = await readCells(files, asOf, onFile);
      const limit = timeLimitMs(texts.reduce((n, t) => n + t.length, 0));
      const label = files.length === 1 ? files[0].name : `${files[0]?.name} và ${files.length - 1} tệp khác`;
      return cells.call("yearReport", [texts, named(files), asOf, opts], label, limit, buffers(texts));
    },
    cancel() {
      if (link.busy) link.stop("cancel");
      if (cells.busy) cells.stop("cancel");
    },
    onBusy(listener) {
      busyListeners.push(listener);
    },
    onStopped(listener) {
      stopListeners.push(listener);
    },
  };
}
