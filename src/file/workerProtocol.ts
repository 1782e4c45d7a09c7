// The messages between the page and its file worker (src/file/worker.ts ↔
// src/taskpane/fileWorker.ts). Everything crosses by structured clone, so a value is plain
// data; an error crosses as its name, code and message, and a UserError is rebuilt on the
// page with its Vietnamese message as the worker wrote it.
import { UserError } from "../core/shared/types";

/** What the page asks the worker; `args` per op (see worker.ts). */
export interface WorkerRequest {
  id: number;
  op: string;
  args: unknown[];
}

export interface WorkerError {
  name: string;
  code?: string;
  message: string;
}

export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: WorkerError }
  /** Work under way: the page shows it and restarts its time bound. */
  | { id: number; progress: string; fraction?: number }
  /** The copy changed: its state at once, then the bytes it now is (so that a restarted
   *  worker can go on from them). */
  | { id: 0; state?: { source: string | null; changed: boolean; sheetCount: number }; bytes?: Uint8Array };

export function toWorkerError(err: unknown): WorkerError {
  if (err instanceof UserError || (err instanceof Error && err.name === "UserError")) {
    return { name: "UserError", code: (err as UserError).code, message: err.message };
  }
  if (err instanceof Error) return { name: err.name, message: err.message };
  return { name: "Error", message: String(err) };
}

export function fromWorkerError(e: WorkerError): Error {
  if (e.name === "UserError") return new UserError(e.code ?? "LOI", e.message);
  const err = new Error(e.message);
  err.name = e.name;
  return err;
}
