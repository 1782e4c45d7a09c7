// Tổng hợp section (loaded on demand).
import { h } from "../dom";
import type { SimpleDate } from "../../core/shared/types";
import type { PickedFile } from "../logic/consolidate";
import type { Offload, PaneSection } from "../services";
import { filePicker } from "../filePicker";
import { busy } from "../status";

export const consolidateSection: PaneSection = {
  mount(container, services, status) {
    const picker = filePicker({
      id: "tong-hop-tep",
      multiple: true,
      accept: ".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buttonText: "Chọn các tệp sổ…",
      emptyText: "Chưa chọn tệp nào",
    });
    const input = picker.input;
    const button = h("button", { type: "button", className: "primary" }, "Tổng hợp");
    // The đảng ủy's year report from the same files, as a Word document.
    const reportButton = h("button", { type: "button" }, "Lập báo cáo năm (Word)");
    const khoi = h("input", { type: "checkbox", id: "tong-hop-khoi" });
    // In the page, each file is read in a worker of its own and the sheets are written in the
    // file worker; the page gets only the counts and the unreadable files.
    // In Excel, here (the reader and the document writer are a chunk of their own);
    // onFile(files.length, "") says the files are read and the writing begins.
    const here = () => import(/* webpackChunkName: "tong-hop-doc" */ "../logic/consolidate");
    const readHere = async (files: readonly PickedFile[], asOf: SimpleDate, onFile: (i: number, name: string) => void) => {
      const run = await (await here()).consolidateFiles(files, asOf, onFile);
      onFile(files.length, "");
      return run;
    };
    const work: Pick<Offload, "consolidate" | "yearReport"> = services.offload ?? {
      consolidate: async (files, asOf, onFile) =>
        (await here()).consolidateInto(services.workbook, await readHere(files, asOf, onFile), asOf),
      yearReport: async (files, asOf, opts, onFile) => (await here()).yearReportMade(await readHere(files, asOf, onFile), asOf, opts),
    };
    const picked = (files: File[]): PickedFile[] =>
      files.map((f) => ({ name: f.name, lastModified: f.lastModified, bytes: async () => new Uint8Array(await f.arrayBuffer()) }));
    const onFile =
      (count: number, then: string) =>
      (i: number, name: string): void =>
        status.progress(i < count ? `Đang đọc ${i + 1}/${count}: ${name}` : then, i / count);
    const list = h("ul", { className: "unreadable" });
    // The section's status line comes after this list, so the list has its own heading.
    const listHeading = h("h3", { hidden: true }, "Tệp không đọc được");
    button.addEventListener("click", () => {
      void busy(button, status, "Đang đọc các sổ…", async () => {
        const files = Array.from(input.files ?? []);
        list.replaceChildren();
        listHeading.hidden = true;
        if (files.length === 0) {
          status.done("Hãy chọn các tệp sổ của chi bộ (.xlsx) trước.");
          return;
        }
        const asOf = services.today();
        const run = await work.consolidate(picked(files), asOf, onFile(files.length, "Đang ghi trang tổng hợp…"));
        for (const u of run.unreadable) list.append(h("li", {}, h("strong", {}, u.file), `: ${u.reason}`));
        listHeading.hidden = run.unreadable.length === 0;
        status.done(
          `Đã tổng hợp ${run.cells} sổ vào trang ${run.sheets.map((s) => `"${s}"`).join(" và ")}` +
            (run.unreadable.length ? `; ${run.unreadable.length} tệp không đọc được (xem danh sách bên trên).` : "."),
        );
      });
    });
    reportButton.addEventListener("click", () => {
      void busy(reportButton, status, "Đang đọc các sổ…", async () => {
        const files = Array.from(input.files ?? []);
        if (files.length === 0) {
          status.done("Hãy chọn các tệp sổ của chi bộ (.xlsx) trước.");
          return;
        }
        const asOf = services.today();
        const made = await work.yearReport(picked(files), asOf, { khoi: khoi.checked }, onFile(files.length, "Đang lập báo cáo năm…"));
        await services.saveFile(made.file);
        status.done(
          `Đã lập ${made.file.name} (${made.cells} chi bộ).` + (made.problems.length ? ` Cần xem lại: ${made.problems.join(" ")}` : ""),
        );
      });
    });
    container.append(
      h("p", { className: "hint" }, "Chọn sổ của nhiều chi bộ (.xlsx). Tệp được đọc ngay trên máy, không tải lên đâu cả."),
      h("div", { className: "field-label" }, "Các tệp sổ chi bộ"),
      picker.root,
      h("div", { className: "actions" }, button, reportButton),
      h(
        "div",
        { className: "check" },
        khoi,
        h("label", { for: "tong-hop-khoi" }, "Báo cáo của Đảng ủy Khối (nhóm chi bộ theo đảng bộ cơ sở)"),
      ),
      listHeading,
      list,
    );
  },
};
