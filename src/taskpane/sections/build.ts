// Tạo sổ section.
import { UserError } from "../../core/shared/types";
import { h } from "../dom";
import { createBook } from "../logic/createBook";
import type { PaneSection } from "../services";
import { busy } from "../status";

export const buildSection: PaneSection = {
  mount(container, services, status) {
    const today = services.today();
    const year = h("input", {
      type: "number",
      id: "tao-so-nam",
      min: "2000",
      max: "2100",
      value: String(today.year),
      inputmode: "numeric",
    });
    const chiBo = h("input", { type: "text", id: "tao-so-chi-bo", placeholder: "Ví dụ: Chi bộ Phòng Tổ chức" });
    const button = h("button", { type: "button", className: "primary" }, "Tạo sổ");
    button.addEventListener("click", () => {
      const y = Number(year.value);
      if (!Number.isInteger(y) || y < 2000 || y > 2100) {
        status.error(new UserError("NAM_KHONG_HOP_LE", "Năm phải là số có 4 chữ số, ví dụ 2026."));
        year.focus();
        return;
      }
      void busy(button, status, "Đang thêm các trang của sổ…", async () => {
        const r = await createBook(services.workbook, { year: y, chiBo: chiBo.value.trim() });
        if (r.created.length === 0) status.done(`Sổ đã có đủ các trang (${r.kept.join(", ")}); không thay đổi gì.`);
        else status.done(`Đã thêm: ${r.created.join(", ")}.` + (r.kept.length ? ` Giữ nguyên các trang đã có: ${r.kept.join(", ")}.` : ""));
      });
    });
    container.append(
      h(
        "p",
        { className: "hint" },
        "Thêm các trang chuẩn (Thông tin, Đảng viên, Sổ chuyên đề, Điểm danh, Biên bản, Ý kiến) có danh sách chọn và định dạng ngày. Trang đã có được giữ nguyên.",
      ),
      h("label", { for: "tao-so-nam" }, "Năm"),
      year,
      h("label", { for: "tao-so-chi-bo" }, "Tên chi bộ (không bắt buộc)"),
      chiBo,
      h("div", { className: "actions" }, button),
    );
  },
};
