// Báo cáo quý section (loaded on demand).
import { romanQuarter } from "../../core/read/dates";
import { defaultReportQuarter } from "../../core/make/report";
import type { Quarter } from "../../core/shared/types";
import { UserError } from "../../core/shared/types";
import { h } from "../dom";
import { writeQuarterReport } from "../logic/report";
import type { Offload, PaneSection } from "../services";
import { busy } from "../status";

export const reportSection: PaneSection = {
  mount(container, services, status) {
    // In the page, the register is read, the report made and the sheet written in its file
    // worker; in Excel, here (the document writer loads only when a Word file is made).
    const work: Pick<Offload, "writeQuarterReport" | "quarterReportWord"> = services.offload ?? {
      writeQuarterReport: (q, y, today) => writeQuarterReport(services.workbook, q, y, today),
      quarterReportWord: async (q, y, today) => {
        const { quarterReportWord } = await import(/* webpackChunkName: "bao-cao-word" */ "../logic/reportWord");
        return quarterReportWord(services.workbook, q, y, today);
      },
    };
    const initial = defaultReportQuarter(services.today());
    const quarter = h("select", { id: "bao-cao-quy" });
    for (const q of [1, 2, 3, 4] as Quarter[]) {
      const opt = h("option", { value: String(q) }, `Quý ${romanQuarter(q)}`);
      if (q === initial.quarter) opt.selected = true;
      quarter.append(opt);
    }
    const year = h("input", {
      type: "number",
      id: "bao-cao-nam",
      min: "2000",
      max: "2100",
      value: String(initial.year),
      inputmode: "numeric",
    });
    const button = h("button", { type: "button", className: "primary" }, "Lập báo cáo");
    const word = h("button", { type: "button" }, "Tải báo cáo (Word)");
    word.addEventListener("click", () => {
      void busy(word, status, "Đang lập báo cáo dạng Word…", async () => {
        const y = Number(year.value);
        if (!Number.isInteger(y) || y < 2000 || y > 2100)
          throw new UserError("NAM_KHONG_HOP_LE", "Năm phải là số có 4 chữ số, ví dụ 2026.");
        const q = Number(quarter.value) as Quarter;
        const r = await work.quarterReportWord(q, y, services.today());
        notices.replaceChildren(...r.notices.map((n) => h("p", { className: "hint" }, `Lưu ý trước khi gửi: ${n}`)));
        await services.saveFile(r.file);
        status.done(`Đã lập báo cáo Quý ${romanQuarter(q)}/${y} dạng Word.`);
      });
    });
    // Named before sending: topics counted as held only by their date.
    const notices = h("div", { id: "bao-cao-luu-y", role: "status" });
    button.addEventListener("click", () => {
      void busy(button, status, "Đang lập báo cáo…", async () => {
        const y = Number(year.value);
        if (!Number.isInteger(y) || y < 2000 || y > 2100)
          throw new UserError("NAM_KHONG_HOP_LE", "Năm phải là số có 4 chữ số, ví dụ 2026.");
        const r = await work.writeQuarterReport(Number(quarter.value) as Quarter, y, services.today());
        notices.replaceChildren(...r.notices.map((n) => h("p", { className: "hint" }, `Lưu ý trước khi gửi: ${n}`)));
        status.done(r.replaced ? `Đã lập lại trang "${r.sheet}".` : `Đã lập trang "${r.sheet}".`);
      });
    });
    container.append(
      h("p", { className: "hint" }, "Ghi trang báo cáo quý (in được trên giấy A4). Lập lại chỉ thay trang báo cáo đó."),
      h(
        "div",
        { className: "row" },
        h("div", {}, h("label", { for: "bao-cao-quy" }, "Quý"), quarter),
        h("div", {}, h("label", { for: "bao-cao-nam" }, "Năm"), year),
      ),
      h("div", { className: "actions" }, button, word),
      notices,
    );
  },
};
