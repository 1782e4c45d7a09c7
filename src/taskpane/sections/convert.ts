// Chuyển đổi section: the proposed mapping as a table of selects, then the conversion.
import type { ConversionPlan } from "../../core/make/convert";
import { REGISTER_COLUMNS, type RegisterColumn } from "../../core/shared/types";
import { columnLetters } from "../../excel/address";
import { clear, h } from "../dom";
import { proposeConversion, remap, runConversion } from "../logic/convert";
import type { PaneSection } from "../services";
import { busy } from "../status";

function sourceLabel(col: number, header: string): string {
  return `${columnLetters(col)}: ${header || "(không có tiêu đề)"}`;
}

export const convertSection: PaneSection = {
  mount(container, services, status) {
    let plan: ConversionPlan | null = null;
    const findButton = h("button", { type: "button", className: "primary" }, "Tìm sổ cần chuyển đổi");
    const sheetPicker = h("select", { id: "chuyen-doi-trang" });
    const pickerRow = h("div", { className: "field", hidden: true }, h("label", { for: "chuyen-doi-trang" }, "Trang nguồn"), sheetPicker);
    const mapping = h("div", { className: "mapping" });
    const convertButton = h("button", { type: "button", className: "primary", hidden: true }, "Chuyển đổi");

    const renderPlan = (): void => {
      clear(mapping);
      if (!plan) return;
      const p = plan;
      if (p.fromTable) {
        mapping.append(h("p", { className: "hint" }, `Trang "${p.sheet}" đã là sổ theo mẫu chuẩn — không cần chuyển đổi.`));
        convertButton.hidden = true;
        return;
      }
      const rows = REGISTER_COLUMNS.map((name: RegisterColumn) => {
        const id = `map-${REGISTER_COLUMNS.indexOf(name)}`;
        const select = h("select", { id, "aria-label": `Cột nguồn cho ${name}` }, h("option", { value: "" }, "(không có)"));
        for (const s of p.sourceColumns) {
          const opt = h("option", { value: String(s.col) }, sourceLabel(s.col, s.header));
          if (p.columns[name] === s.col) opt.selected = true;
          select.append(opt);
        }
        select.addEventListener("change", () => {
          plan = remap(plan!, name, select.value === "" ? null : Number(select.value));
          renderPlan();
          mapping.querySelector<HTMLSelectElement>(`#${id}`)?.focus();
        });
        return h("tr", {}, h("th", { scope: "row" }, h("label", { for: id }, name)), h("td", {}, select));
      });
      mapping.append(
        h(
          "p",
          { className: "hint" },
          `Trang "${p.sheet}", dòng tiêu đề ${p.headerRow}. Kiểm tra từng cột rồi bấm Chuyển đổi; trang gốc được giữ nguyên.`,
        ),
        h(
          "table",
          { className: "map-table" },
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Cột chuẩn"), h("th", { scope: "col" }, "← Cột trong sổ"))),
          h("tbody", {}, ...rows),
        ),
      );
      if (p.unmapped.length) {
        mapping.append(
          h(
            "p",
            { className: "hint" },
            `Cột không dùng (đưa vào Ghi chú): ${p.unmapped.map((s) => sourceLabel(s.col, s.header)).join("; ")}.`,
          ),
        );
      }
      convertButton.hidden = false;
    };

    const propose = (sheet?: string): Promise<unknown> =>
      busy(findButton, status, "Đang đọc sổ…", async () => {
        const proposal = await proposeConversion(services.workbook, sheet);
        plan = proposal.plan;
        clear(sheetPicker);
        for (const name of proposal.sheets) {
          const opt = h("option", { value: name }, name);
          if (plan && plan.sheet === name) opt.selected = true;
          sheetPicker.append(opt);
        }
        pickerRow.hidden = proposal.sheets.length === 0;
        renderPlan();
        if (plan) status.done(`Đã tìm thấy sổ ở trang "${plan.sheet}".`);
        else {
          convertButton.hidden = true;
          status.done(
            sheet
              ? `Trang "${sheet}" không có dòng tiêu đề nào có cột Tên chuyên đề trong 20 dòng đầu.`
              : "Không tìm thấy trang nào giống sổ chuyên đề (cần một dòng tiêu đề có cột Tên chuyên đề và ít nhất 3 cột nhận ra được). Hãy chọn trang nguồn.",
          );
        }
      });

    findButton.addEventListener("click", () => void propose());
    sheetPicker.addEventListener("change", () => void propose(sheetPicker.value));
    convertButton.addEventListener("click", () => {
      if (!plan) return;
      const current = plan;
      void busy(convertButton, status, "Đang chuyển đổi…", async () => {
        const r = await runConversion(services.workbook, current);
        status.done(`Đã ghi ${r.rows} dòng vào trang mới "${r.sheet}". Trang "${current.sheet}" được giữ nguyên.`);
      });
    });
    container.append(
      h("p", { className: "hint" }, "Chuyển sổ đang có (mẫu riêng của chi bộ) sang mẫu chuẩn trên một trang mới."),
      h("div", { className: "actions" }, findButton),
      pickerRow,
      mapping,
      h("div", { className: "actions" }, convertButton),
    );
  },
};
