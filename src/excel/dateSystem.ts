// The open workbook's date system (1900 or 1904), which Office.js has no flag for:
// DATE(1904,1,1) is serial 0 only in the 1904 system. Read with every workbook read, and
// learned once for the custom functions — after Office.onReady, since "an add-in can't
// successfully call any Office JavaScript APIs until the library has been loaded"
// (learn.microsoft.com/office/dev/add-ins/develop/initialize-add-in) — and learned again
// after a failure, so one refused call never leaves the functions 4 years and a day off.
import type { ExcelRunner } from "./runner";

/** Queues the probe; after the sync, the collector says whether the workbook counts from 1904. */
export function queueDateSystemProbe(context: Excel.RequestContext): () => boolean {
  const probe = context.workbook.functions.date(1904, 1, 1);
  probe.load("value");
  return () => probe.value === 0;
}

/** Reads the date system (one sync). */
export async function readDateSystem(context: Excel.RequestContext): Promise<boolean> {
  const is1904 = queueDateSystemProbe(context);
  await context.sync();
  return is1904();
}

export interface DateSystem {
  /** The workbook's date system: known, or learned now (after Office is ready). Rejects with
   *  the last Excel error when every attempt failed; the next call tries again. */
  get(): Promise<boolean>;
  /** What is known so far (null: not learned yet). */
  known(): boolean | null;
  /** Records what a workbook read found. */
  set(date1904: boolean): void;
}

export interface DateSystemOptions {
  attempts?: number;
  /** Wait before the second attempt; doubled before each later one. */
  retryMs?: number;
}

export function dateSystem(run: ExcelRunner, ready: () => Promise<unknown>, opts: DateSystemOptions = {}): DateSystem {
  const attempts = opts.attempts ?? 3;
  const retryMs = opts.retryMs ?? 500;
  let known: boolean | null = null;
  let learning: Promise<boolean> | null = null;

  const learn = async (): Promise<boolean> => {
    await ready();
    let last: unknown = null;
    for (let i = 0; i < attempts; i++) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, retryMs * 2 ** (i - 1)));
      try {
        // One attempt after another: each waits for the one before to fail.
        const value = await run((context) => readDateSystem(context));
        known = value;
        return value;
      } catch (err) {
        last = err;
      }
    }
    throw last;
  };

  return {
    get() {
      if (known !== null) return Promise.resolve(known);
      learning ??= learn().finally(() => {
        learning = null;
      });
      return learning;
    },
    known: () => known,
    set(date1904) {
      known = date1904;
    },
  };
}

/** The open workbook's date system for this page (the custom functions and the pane share
 *  it in the shared runtime), through Office.js's globals, looked up when first used. */
export const workbookDateSystem: DateSystem = dateSystem(
  (batch) => Excel.run(batch),
  () => Office.onReady(),
);
