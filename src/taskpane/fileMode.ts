// The pane outside Office: the same sections on an .xlsx file opened in the browser
// (Excel 2016–2019, WPS, LibreOffice, no Office at all). "Mở sổ (.xlsx)" reads a file on
// this machine; whatever a section changes goes into a copy, offered with "Lưu bản mới";
// the chosen file itself is never written. Reading, checking and writing run in a Web
// Worker (./fileWorker), started the first time it is needed: the page starts as fast as
// the add-in's pane and answers clicks whatever the file; a bar at the bottom shows the
// work under way with Hủy.
import { todayLocal } from "../core/read/dates";
import type { FileState } from "../file/fileHost";
import { SECTIONS, mountApp } from "./app";
import { h } from "./dom";
import { blobDownload } from "./download";
import { filePicker } from "./filePicker";
import { createWorkerFileHost, type WorkerFileHost } from "./fileWorker";
import type { PaneServices } from "./services";
import { busy, createStatus } from "./status";
import { UserError } from "../core/shared/types";

/** Shown after this long, so a quick step does not flicker. */
const WORK_BAR_DELAY_MS = 300;

/** The bar at the bottom of the page while the worker works: how long so far, and Hủy. */
function workBar(f: WorkerFileHost): HTMLElement {
  const text = h("span", { className: "work-text" }, "");
  const cancel = h("button", { type: "button", id: "huy-viec" }, "Hủy");
  const bar = h(
    "div",
    { className: "work-bar", role: "status", "aria-live": "polite", hidden: true },
    h("span", { className: "spinner", "aria-hidden": "true" }),
    text,
    cancel,
  );
  let since = 0;
  let tick: ReturnType<typeof setInterval> | undefined;
  const render = (): void => {
    const seconds = Math.floor((Date.now() - since) / 1000);
    const name = f.state().source;
    text.textContent = `Đang xử lý${name ? ` ${name}` : ""}…${seconds >= 1 ? ` ${seconds} giây` : ""}`;
    bar.hidden = Date.now() - since < WORK_BAR_DELAY_MS;
  };
  f.onBusy((isBusy) => {
    if (isBusy && tick === undefined) {
      since = Date.now();
      tick = setInterval(render, 250);
    } else if (!isBusy && tick !== undefined) {
      clearInterval(tick);
      tick = undefined;
      bar.hidden = true;
    }
  });
  cancel.addEventListener("click", () => f.cancel());
  return bar;
}

function describe(state: FileState): string {
  if (state.source === null) {
    return state.changed ? "Sổ mới (chưa lưu)." : "Chưa mở sổ nào. Tạo sổ sẽ lập một sổ mới.";
  }
  return `Đang làm việc với bản sao của ${state.source} (${state.sheetCount} trang). Tệp gốc không bị thay đổi.`;
}

export interface FileModeOptions {
  /** URL of a file shipped with the page (the built-in templates). */
  assetUrl(path: string): string;
}

/** Builds the file-mode pane into `root`. */
export function mountFileMode(root: HTMLElement, opts: FileModeOptions): void {
  document.body.classList.add("file-mode");
  const f = createWorkerFileHost();
  const picker = filePicker({
    id: "mo-so",
    accept: ".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buttonText: "Mở sổ (.xlsx)",
    emptyText: "",
  });
  // The picker's "Bỏ chọn" would not close the opened workbook (a new file replaces it),
  // and the line below says which file is open.
  picker.root.querySelector(".file-clear")?.remove();
  picker.root.querySelector(".file-chosen")?.remove();
  const where = h("p", { className: "file-state", "aria-live": "polite" }, describe({ source: null, changed: false, sheetCount: 0 }));
  const save = h("button", { type: "button", id: "luu-ban-moi", disabled: true }, "Lưu bản mới");
  const statusEl = h("div", {});
  const status = createStatus(statusEl);
  let changed = false;

  f.onChange((state) => show(state));
  const show = (state: FileState): void => {
    changed = state.changed;
    where.textContent = describe(state);
    save.disabled = !state.changed;
    save.className = state.changed ? "primary" : "";
    if (state.changed) status.done("Sổ đã thay đổi: bấm Lưu bản mới để lưu thành tệp mới.");
  };

  picker.input.addEventListener("change", () => {
    const chosen = picker.input.files?.[0];
    if (!chosen) return;
    if (changed && !window.confirm("Các thay đổi chưa được lưu thành tệp mới. Vẫn mở sổ khác?")) {
      picker.input.value = "";
      return;
    }
    void (async () => {
      status.progress(`Đang mở ${chosen.name}…`);
      try {
        const notes = await f.open(new Uint8Array(await chosen.arrayBuffer()), chosen.name);
        status.done(`Đã mở ${chosen.name}.` + notes.map((n) => ` Lưu ý: ${n}`).join(""));
      } catch (err) {
        status.error(err);
      } finally {
        // The same file can be chosen again (after editing it in Excel).
        picker.input.value = "";
      }
    })();
  });
  const saves = new Map<string, number>();
  save.addEventListener("click", () => {
    void busy(save, status, "Đang ghi tệp mới…", async () => {
      const file = await f.newFile();
      // Each save of one session gets a name of its own: "… (bản mới 2).xlsx" and on, so
      // no browser has to overwrite or rename (WebKitGTK refuses a name already in Tải về).
      const n = (saves.get(file.name) ?? 0) + 1;
      saves.set(file.name, n);
      const made = n === 1 ? file : { ...file, name: file.name.replace(/\)\.xlsx$/, ` ${n}).xlsx`) };
      blobDownload(made);
      const source = f.state().source;
      status.done(`Đã tạo tệp ${made.name} (xem thư mục Tải về).` + (source ? ` Tệp ${source} vẫn giữ nguyên.` : ""));
      save.disabled = !f.state().changed;
    });
  });
  window.addEventListener("beforeunload", (e) => {
    if (changed) e.preventDefault();
  });

  f.onStopped((why) => {
    const kept = f.state().source;
    status.error(new UserError("DUNG_DOC", why + (kept ? ` Sổ ${kept} vẫn mở như trước.` : "")));
  });
  const work = workBar(f);
  root.append(
    h(
      "section",
      { className: "file-bar", "aria-label": "Sổ đang làm việc" },
      h(
        "p",
        { className: "hint" },
        "Làm việc trên tệp sổ (.xlsx) ngay trong trình duyệt, không cần Excel. Sổ được đọc trên máy này, không gửi đi đâu cả.",
      ),
      h("div", { className: "file-actions" }, picker.root, save),
      where,
      statusEl,
    ),
    work,
  );
  const services: PaneServices = {
    workbook: f,
    offload: f,
    today: () => todayLocal(),
    saveFile: (f) => {
      blobDownload(f);
      return Promise.resolve();
    },
    assetUrl: (p) => opts.assetUrl(p),
  };
  // Tự kiểm tra bổ trợ tests the add-in inside Excel: there is none here.
  mountApp(
    root,
    services,
    SECTIONS.filter((s) => !s.addInOnly),
  );
}
