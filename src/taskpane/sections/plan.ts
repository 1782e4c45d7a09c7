// Kế hoạch năm section (loaded on demand): the suggested topics by group beside the
// register's current topics, one click to add a suggestion to a quarter (never over a row
// the user wrote), the plan's warnings, and the annual plan document.
import { parseIsoDate, quarterOf, romanQuarter } from "../../core/read/dates";
import { groupName, suggestionTitle, type GroupNumber } from "../../core/plan/suggestions";
import type { Quarter } from "../../core/shared/types";
import { UserError } from "../../core/shared/types";
import { compareKey } from "../../core/read/values";
import { clear, h } from "../dom";
import { addPlannedTopic, anniversaryProposal, loadPlan, makePlanDocument, quarterLabel, type PlanView } from "../logic/plan";
import type { PaneSection } from "../services";
import { busy } from "../status";

const QUARTERS: Quarter[] = [1, 2, 3, 4];

export const planSection: PaneSection = {
  mount(container, services, status) {
    let view: PlanView | null = null;
    const loadButton = h("button", { type: "button", className: "primary" }, "Đọc sổ và gợi ý");
    const current = h("div", { id: "ke-hoach-so" });
    const warnings = h("ul", { id: "ke-hoach-canh-bao", className: "notice", hidden: true });
    const suggestions = h("div", { id: "ke-hoach-goi-y" });
    const quarter = h("select", { id: "ke-hoach-quy" });
    for (const q of QUARTERS) quarter.append(h("option", { value: String(q) }, `Quý ${romanQuarter(q)}`));
    const date = h("input", { type: "date", id: "ke-hoach-ngay" });
    const drafter = h("input", { type: "text", id: "ke-hoach-phu-trach", placeholder: "Ví dụ: Nguyễn Văn An" });
    const addButton = h("button", { type: "button", className: "primary" }, "Thêm vào sổ");
    const docDate = h("input", { type: "date", id: "ke-hoach-ngay-lap" });
    const docButton = h("button", { type: "button" }, "Tạo văn bản kế hoạch (.docx)");

    const chosen = (): { title: string; group: GroupNumber } => {
      const input = suggestions.querySelector<HTMLInputElement>("input[name='ke-hoach-chon']:checked");
      if (!input) throw new UserError("CHUA_CHON", "Hãy chọn một chuyên đề gợi ý.");
      return { title: input.value, group: Number(input.dataset.group) as GroupNumber };
    };

    // A date picked in another quarter moves the quarter with it.
    date.addEventListener("change", () => {
      const d = date.value ? parseIsoDate(date.value) : null;
      if (d) quarter.value = String(quarterOf(d));
    });

    const render = (v: PlanView): void => {
      clear(current);
      current.append(h("div", { className: "field-label" }, `Chuyên đề đang có trong sổ (năm ${v.year})`));
      for (const q of [...QUARTERS, null]) {
        const mine = v.topics.filter((t) => t.quarter === q);
        if (q === null && mine.length === 0) continue;
        const list = h("ul", {});
        for (const t of mine) list.append(h("li", {}, t.title, t.when ? ` — ${t.when}` : "", t.group ? ` (${t.group})` : ""));
        if (mine.length === 0) list.append(h("li", { className: "chua-dat" }, "chưa có chuyên đề"));
        current.append(h("div", { className: "where" }, quarterLabel(q, v.year)), list);
      }
      clear(warnings);
      for (const w of v.warnings) warnings.append(h("li", { className: "warning" }, w.message));
      warnings.hidden = v.warnings.length === 0;

      // Groups the user opened stay open when the list is shown again after an add.
      const opened = new Set(Array.from(suggestions.querySelectorAll<HTMLDetailsElement>("details[open]")).map((d) => d.dataset.key));
      const fresh = suggestions.childElementCount === 0;
      clear(suggestions);
      suggestions.append(h("div", { className: "hint" }, `Nguồn: ${v.list.source}.`));
      let n = 0;
      const option = (title: string, group: GroupNumber, label: string): HTMLElement => {
        const id = `ke-hoach-chon-${n++}`;
        const there = v.titleKeys.has(compareKey(title));
        return h(
          "div",
          { className: "pick" },
          h("input", { type: "radio", name: "ke-hoach-chon", id, value: title, dataset: { group: String(group) } }),
          h("label", { for: id }, label, there ? " " : "", there ? h("span", { className: "badge" }, "đã có trong sổ") : null),
        );
      };
      // Groups fold so the list stays short at 320 px; the anniversaries are open.
      const yearly = h(
        "details",
        { open: fresh || opened.has("ky-niem"), dataset: { key: "ky-niem" } },
        h("summary", {}, `Ngày kỷ niệm lớn năm ${v.year}`),
      );
      for (const q of QUARTERS) {
        const proposal = anniversaryProposal(v.anniversaries, q);
        if (proposal) yearly.append(option(proposal, 1, `Quý ${romanQuarter(q)}: ${proposal}`));
      }
      suggestions.append(yearly);
      for (const g of v.list.groups) {
        const box = h(
          "details",
          { open: opened.has(`nhom-${g.number}`), dataset: { key: `nhom-${g.number}` } },
          h("summary", {}, `${g.number}. ${g.heading} (${groupName(g.number)}) — ${g.items.length} gợi ý`),
        );
        g.items.forEach((item, i) => box.append(option(suggestionTitle(item), g.number, `${g.number}.${i + 1}. ${item}`)));
        if (g.items.length === 0) box.append(h("p", { className: "hint" }, "Không có gợi ý."));
        suggestions.append(box);
      }
      form.hidden = false;
    };

    const form = h(
      "div",
      { hidden: true },
      h(
        "div",
        { className: "row" },
        h("div", {}, h("label", { for: "ke-hoach-quy" }, "Quý"), quarter),
        h("div", {}, h("label", { for: "ke-hoach-ngay" }, "Ngày sinh hoạt dự kiến"), date),
      ),
      h("label", { for: "ke-hoach-phu-trach" }, "Người phụ trách (không bắt buộc)"),
      drafter,
      h("div", { className: "actions" }, addButton),
      h("label", { for: "ke-hoach-ngay-lap" }, "Ngày lập kế hoạch (để trống: hôm nay, nhưng không sau buổi sinh hoạt đầu tiên)"),
      docDate,
      h("div", { className: "actions" }, docButton),
    );

    const reload = async (): Promise<PlanView> => {
      view = await loadPlan(services.workbook, services.today());
      render(view);
      return view;
    };

    loadButton.addEventListener(
      "click",
      () =>
        void busy(loadButton, status, "Đang đọc sổ…", async () => {
          const v = await reload();
          status.done(
            `Năm ${v.year}: sổ có ${v.topics.length} chuyên đề; ${v.warnings.length ? `${v.warnings.length} điều cần xem.` : "mỗi quý đã có chuyên đề."}`,
          );
        }),
    );
    addButton.addEventListener(
      "click",
      () =>
        void busy(addButton, status, "Đang thêm vào sổ…", async () => {
          const pick = chosen();
          const d = date.value ? parseIsoDate(date.value) : null;
          if (date.value && !d) throw new UserError("NGAY_KHONG_HOP_LE", "Ngày sinh hoạt không hợp lệ.");
          const r = await addPlannedTopic(
            services.workbook,
            { title: pick.title, group: pick.group, quarter: Number(quarter.value) as Quarter, meeting: d, drafters: drafter.value },
            services.today(),
          );
          await reload();
          status.done([r.summary, ...r.warnings.map((w) => `Lưu ý: ${w.message}`)].join(" "));
        }),
    );
    docButton.addEventListener(
      "click",
      () =>
        void busy(docButton, status, "Đang tạo văn bản kế hoạch…", async () => {
          const res = await fetch(services.assetUrl("assets/templates/ke-hoach.docx"));
          if (!res.ok) throw new UserError("KHONG_CO_MAU", "Không tải được mẫu văn bản kế hoạch.");
          const d = docDate.value ? parseIsoDate(docDate.value) : null;
          if (docDate.value && !d) throw new UserError("NGAY_KHONG_HOP_LE", "Ngày lập kế hoạch không hợp lệ.");
          const made = await makePlanDocument(services.workbook, new Uint8Array(await res.arrayBuffer()), services.today(), view?.year, d);
          await services.saveFile(made.file);
          // A quarter without a topic prints as a row saying so: the secretary is told here too.
          status.done([`Đã tạo ${made.file.name}.`, ...made.warnings.map((w) => `Lưu ý: ${w}`)].join(" "));
        }),
    );

    container.append(
      h(
        "p",
        { className: "hint" },
        "Chọn chuyên đề cho từng quý theo gợi ý của Hướng dẫn 09-HD/ĐUK; chuyên đề được thêm vào dòng trống cuối sổ, không ghi đè dòng đã có.",
      ),
      h("div", { className: "actions" }, loadButton),
      current,
      warnings,
      suggestions,
      form,
    );
  },
};
