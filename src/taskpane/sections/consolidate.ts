// Tổng hợp section (loaded on demand).
import { h } from "../dom";
import { consolidateFiles, writeConsolidation, yearReportFile, type ConsolidationRun } from "../logic/consolidate";
import type { PaneSection } from "../services";
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
    const read = async (files: File[], asOf: ReturnType<typeof services.today>): Promise<ConsolidationRun> =>
      consolidateFiles(
        files.map((f) => ({ name: f.name, lastModified: f.lastModified, bytes: async () => new Uint8Array(await f.arrayBuffer()) })),
        asOf,
        (i, name) => status.progress(`Đang đọc ${i + 1}/${files.length}: ${name}`, i / files.length),
        services.offload ? (file, asOf) => services.offload!.readCellFile(file, asOf) : undefined,
      );
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
        const run = await read(files, asOf);
        status.progress("Đang ghi trang tổng hợp…", 1);
        const sheets = await writeConsolidation(services.workbook, run, asOf);
        for (const u of run.unreadable) list.append(h("li", {}, h("strong", {}, u.file), `: ${u.reason}`));
        listHeading.hidden = run.unreadable.length === 0;
        status.done(
          `Đã tổng hợp ${run.entries.length} sổ vào trang ${sheets.map((s) => `"${s}"`).join(" và ")}` +
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
        const run = await read(files, asOf);
        status.progress("Đang lập báo cáo năm…", 1);
        const made = yearReportFile(run, asOf, { khoi: khoi.checked });
        await services.saveFile(made.file);
        status.done(
          `Đã lập ${made.file.name} (${run.entries.length} chi bộ).` +
            (made.problems.length ? ` Cần xem lại: ${made.problems.join(" ")}` : ""),
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
