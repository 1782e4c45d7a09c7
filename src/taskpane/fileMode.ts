// The pane outside Office: the same sections on an .xlsx file opened in the browser
// (Excel 2016–2019, WPS, LibreOffice, no Office at all). "Mở sổ (.xlsx)" reads a file on
// this machine; whatever a section changes goes into a copy, offered with "Lưu bản mới";
// the chosen file itself is never written. The file host (with exceljs) is loaded the
// first time it is needed, so the page starts as fast as the add-in's pane.
import { todayLocal } from "../core/read/dates";
import type { WorkbookHost, WorkbookSession } from "../excel/host";
import type { FileState, FileWorkbookHost } from "../file/fileHost";
import { SECTIONS, mountApp } from "./app";
import { h } from "./dom";
import { blobDownload } from "./download";
import { filePicker } from "./filePicker";
import type { PaneServices } from "./services";
import { busy, createStatus } from "./status";

/** The file host behind a WorkbookHost that is usable at once. */
function lazyFileHost(onLoaded: (f: FileWorkbookHost) => void): { host: WorkbookHost; file: () => Promise<FileWorkbookHost> } {
  let loading: Promise<FileWorkbookHost> | null = null;
  const file = (): Promise<FileWorkbookHost> => {
    loading ??= import(/* webpackChunkName: "so-tep" */ "../file/fileHost").then((m) => {
      const f = m.createFileHost();
      onLoaded(f);
      return f;
    });
    // A chunk that failed to load (a page left open while offline…) is tried again next time.
    void loading.catch(() => {
      loading = null;
    });
    return loading;
  };
  const host: WorkbookHost = {
    cellsSelectable: false,
    session: async <T>(fn: (session: WorkbookSession) => Promise<T>): Promise<T> => (await file()).session(fn),
  };
  return { host, file };
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
  const { host, file } = lazyFileHost((f) => f.onChange(show));
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
        const f = await file();
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
  save.addEventListener("click", () => {
    void busy(save, status, "Đang ghi tệp mới…", async () => {
      const f = await file();
      const made = await f.newFile();
      blobDownload(made);
      const source = f.state().source;
      status.done(`Đã tạo tệp ${made.name} (xem thư mục Tải về).` + (source ? ` Tệp ${source} vẫn giữ nguyên.` : ""));
      save.disabled = !f.state().changed;
    });
  });
  window.addEventListener("beforeunload", (e) => {
    if (changed) e.preventDefault();
  });

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
  );
  const services: PaneServices = {
    workbook: host,
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
