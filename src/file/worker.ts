// The page's file worker: everything that reads an .xlsx, checks it or writes one runs here,
// off the page's main thread, so a huge or hostile file can never freeze the pane and the
// page can end the work (Hủy, or its time bound) by terminating the worker. The worker is
// the same file host and the same entry points as the pane and the CLI (nothing copied):
// the check, the papers of Tài liệu, Báo cáo quý and Tổng hợp run here whole, and the page
// gets only what it shows (a register's snapshot or thousands of findings cost the page
// seconds to receive); the page forwards the other sections' session calls
// (src/taskpane/fileWorker.ts).
import type { PlannedRow } from "../core/plan/addTopic";
import type { SheetModel } from "../core/make/sheetModel";
import type { SimpleDate } from "../core/shared/types";
import type { ReadOptions, WorkbookSnapshot } from "../excel/read";
import type { RenderOptions } from "../excel/render";
import type { WorkbookSession } from "../excel/host";
import type { DocumentKind } from "../core/make/documentData";
import type { Quarter } from "../core/shared/types";
import { checkPane, runCheck, type CheckView } from "../taskpane/logic/check";
import { consolidateInto, readCellFileText, runOfTexts, yearReportMade } from "../taskpane/logic/consolidate";
import { makeDocumentFrom, topicChoices } from "../taskpane/logic/documents";
import { writeQuarterReport } from "../taskpane/logic/report";
import { quarterReportWord } from "../taskpane/logic/reportWord";
import { readableBlobs } from "./blobShim";
import { createFileHost } from "./fileHost";
import { toWorkerError, type WorkerReply, type WorkerRequest } from "./workerProtocol";

interface WorkerScope {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;
const post = (m: WorkerReply, transfer: Transferable[] = []): void => {
  try {
    scope.postMessage(m, transfer);
  } catch (err) {
    // A value that cannot be cloned: the page gets the failure instead of waiting for ever.
    if ("id" in m && m.id !== 0) scope.postMessage({ id: m.id, ok: false, error: toWorkerError(err) });
  }
};

const host = createFileHost();
host.onChange((state) => {
  post({ id: 0, state });
  void host.newFile().then((f) => post({ id: 0, bytes: f.bytes }));
});

/** Sessions the page has begun: the session object, and how the page ends it. */
interface OpenSession {
  session: Promise<WorkbookSession>;
  end: (failed: boolean) => void;
  done: Promise<unknown>;
}
const sessions = new Map<number, OpenSession>();
/** Thrown into a session the page's own code failed in: the host puts the copy back. */
const PAGE_FAILED = new Error("page-failed");

function begin(sid: number): void {
  let give!: (s: WorkbookSession) => void;
  let end!: (failed: boolean) => void;
  const session = new Promise<WorkbookSession>((resolve) => (give = resolve));
  const ended = new Promise<void>((resolve, reject) => (end = (failed) => (failed ? reject(PAGE_FAILED) : resolve())));
  const done = host.session(async (s) => {
    give(s);
    await ended;
  });
  // The page learns the outcome from "end"; this only keeps an unawaited rejection quiet.
  done.catch(() => undefined);
  sessions.set(sid, { session, end, done });
}

async function inSession<T>(sid: number, fn: (s: WorkbookSession) => Promise<T>): Promise<T> {
  const open = sessions.get(sid);
  if (!open) throw new Error(`no session ${sid}`);
  return fn(await open.session);
}

async function end(sid: number, failed: boolean): Promise<void> {
  const open = sessions.get(sid);
  if (!open) return;
  sessions.delete(sid);
  open.end(failed);
  try {
    await open.done;
  } catch (err) {
    if (err !== PAGE_FAILED) throw err;
  }
}

/** The last check, whose further groups the page asks for ("Xem thêm"). */
let lastCheck: CheckView | null = null;
type Files = { name: string; lastModified?: number }[];
const texts = (parts: unknown): string[] => (parts as Uint8Array[]).map((b) => new TextDecoder().decode(b));

async function handle(req: WorkerRequest): Promise<unknown> {
  const a = req.args;
  switch (req.op) {
    case "open":
      return host.open(a[0] as Uint8Array, a[1] as string, a[2] as boolean | undefined);
    case "newFile":
      return host.newFile();
    case "begin":
      return begin(a[0] as number);
    case "read":
      return inSession(a[0] as number, (s) => s.read(a[1] as ReadOptions | undefined));
    case "write":
      return inSession(a[0] as number, (s) => s.write(a[1] as SheetModel[], a[2] as WorkbookSnapshot, a[3] as RenderOptions));
    case "appendRow":
      return inSession(a[0] as number, (s) => s.appendRow(a[1] as PlannedRow, a[2] as boolean));
    case "end":
      return end(a[0] as number, a[1] as boolean);
    case "check":
      lastCheck = await runCheck(host, a[0] as SimpleDate);
      return checkPane(lastCheck);
    case "checkGroups":
      return lastCheck?.groups.slice(a[0] as number, (a[0] as number) + (a[1] as number)) ?? [];
    case "documentTopics":
      return topicChoices(host);
    case "makeDocument":
      return makeDocumentFrom(host, a[0] as DocumentKind, a[1] as number, a[2] as Uint8Array, a[3] as { today: SimpleDate });
    case "writeQuarterReport":
      return writeQuarterReport(host, a[0] as Quarter, a[1] as number, a[2] as SimpleDate);
    case "quarterReportWord":
      return quarterReportWord(host, a[0] as Quarter, a[1] as number, a[2] as SimpleDate);
    case "readCellFileText":
      // As bytes, handed over (not copied) to the page and on to the worker that writes.
      return new TextEncoder().encode(readCellFileText({ name: a[0] as string, bytes: a[1] as Uint8Array }, a[2] as SimpleDate));
    case "consolidate":
      return consolidateInto(host, runOfTexts(texts(a[0]), a[1] as Files), a[2] as SimpleDate);
    case "yearReport":
      return yearReportMade(runOfTexts(texts(a[0]), a[1] as Files), a[2] as SimpleDate, a[3] as { khoi: boolean });
    default:
      throw new Error(`unknown op ${req.op}`);
  }
}

const ready = readableBlobs();

scope.onmessage = (e) => {
  const req = e.data;
  ready
    .then(() => handle(req))
    .then(
      (value) => post({ id: req.id, ok: true, value }, value instanceof Uint8Array ? [value.buffer] : []),
      (err: unknown) => post({ id: req.id, ok: false, error: toWorkerError(err) }),
    );
};
