// Tự kiểm tra bổ trợ (loaded on demand): runs the adapter's self-test once, for an
// administrator installing the add-in, and shows each item with its time, plus the text to
// copy and send to whoever supports the add-in.
import { UserError } from "../../core/shared/types";
import { itemDetail, selfTestText } from "../../excel/selfTest";
import { h } from "../dom";
import type { PaneSection } from "../services";
import { busy } from "../status";

export const selfTestSection: PaneSection = {
  mount(container, services, status) {
    const button = h("button", { type: "button", className: "primary" }, "Chạy tự kiểm tra");
    const list = h("ul", { className: "self-test", id: "tu-kiem-tra-ket-qua" });
    const text = h("textarea", { id: "tu-kiem-tra-van-ban", rows: "8", readonly: true, "aria-label": "Kết quả để sao chép" });
    text.hidden = true;
    const copy = h("button", { type: "button" }, "Sao chép kết quả");
    copy.hidden = true;
    copy.addEventListener("click", () => {
      text.select();
      // The older execCommand works in every Office webview; the Clipboard API may be blocked there.
      const done = document.execCommand("copy");
      status.done(done ? "Đã sao chép kết quả." : "Hãy chọn khung kết quả rồi nhấn Ctrl+C để sao chép.");
    });
    button.addEventListener("click", () => {
      void busy(button, status, "Đang tự kiểm tra trên một trang tạm…", async () => {
        if (!services.selfTest) throw new UserError("KHONG_CO_EXCEL", "Tự kiểm tra chỉ chạy khi bổ trợ mở trong Excel.");
        const report = await services.selfTest();
        list.replaceChildren(
          ...report.items.map((i) =>
            h("li", { dataset: { ok: String(i.ok) } }, `${i.ok ? "Đạt" : "Không đạt"} — ${i.label} (${i.ms} ms)${itemDetail(i)}`),
          ),
        );
        text.value = selfTestText(report);
        text.hidden = false;
        copy.hidden = false;
        const failed = report.items.filter((i) => !i.ok).length;
        status.done(
          failed ? `${failed} mục không đạt — hãy sao chép kết quả gửi người hỗ trợ.` : "Tất cả các mục đều đạt. Trang tạm đã được xóa.",
        );
      });
    });
    container.append(
      h(
        "p",
        { className: "hint" },
        "Dành cho người cài đặt: chạy một lần trên máy mới. Bổ trợ tạo một trang tạm, thử từng chức năng của Excel mà bổ trợ dùng, rồi xóa trang đó; sổ được giữ nguyên.",
      ),
      h("div", { className: "actions" }, button, copy),
      list,
      text,
    );
  },
};
