// The pane's shell: one collapsible section per job (SPEC §6). The first three are in the
// initial script; Tài liệu, Báo cáo quý and Tổng hợp are loaded with import() the first
// time they are opened, so document and spreadsheet libraries never slow the pane's start.
import { h } from "./dom";
import { buildSection } from "./sections/build";
import { checkSection } from "./sections/check";
import { convertSection } from "./sections/convert";
import { ADDIN_REQUIREMENTS, missingRequirement, unavailableMessage, type Requirement } from "../excel/requirements";
import type { PaneSection, PaneServices } from "./services";
import { createStatus } from "./status";
import { VERSION_LINE } from "../version";

export interface SectionSpec {
  id: string;
  title: string;
  load: () => Promise<PaneSection>;
  open?: boolean;
  /** Requirement sets the command cannot work without (checked before it is offered):
   *  the add-in's own (manifest.xml) unless said otherwise. */
  requires?: readonly Requirement[];
  /** Only where the add-in runs in Excel (not on a file opened in the browser). */
  addInOnly?: boolean;
}

export const SECTIONS: SectionSpec[] = [
  { id: "tao-so", title: "Tạo sổ", load: () => Promise.resolve(buildSection) },
  { id: "chuyen-doi", title: "Chuyển đổi", load: () => Promise.resolve(convertSection) },
  { id: "kiem-tra", title: "Kiểm tra", load: () => Promise.resolve(checkSection), open: true },
  {
    id: "tai-lieu",
    title: "Tài liệu",
    load: () => import(/* webpackChunkName: "tai-lieu" */ "./sections/documents").then((m) => m.documentsSection),
  },
  {
    id: "bao-cao",
    title: "Báo cáo quý",
    load: () => import(/* webpackChunkName: "bao-cao" */ "./sections/report").then((m) => m.reportSection),
  },
  {
    id: "ke-hoach",
    title: "Kế hoạch năm",
    load: () => import(/* webpackChunkName: "ke-hoach" */ "./sections/plan").then((m) => m.planSection),
  },
  {
    id: "tong-hop",
    title: "Tổng hợp",
    load: () => import(/* webpackChunkName: "tong-hop" */ "./sections/consolidate").then((m) => m.consolidateSection),
  },
  {
    id: "tu-kiem-tra",
    title: "Tự kiểm tra bổ trợ",
    load: () => import(/* webpackChunkName: "tu-kiem-tra" */ "./sections/selfTest").then((m) => m.selfTestSection),
    // It tells an older Excel what it lacks, so it needs nothing itself; on a file opened
    // in the browser there is no add-in to test.
    requires: [],
    addInOnly: true,
  },
];

/** Builds the pane into `root`. Each section mounts the first time it is opened. */
export function mountApp(root: HTMLElement, services: PaneServices, sections: SectionSpec[] = SECTIONS): void {
  const main = h("main", { className: "sections" });
  for (const spec of sections) {
    const body = h("div", { className: "section-body", id: `${spec.id}-body` });
    const statusEl = h("div", {});
    const status = createStatus(statusEl);
    // The status sits right under the title, where the user looks after clicking (issue 12).
    const details = h("details", { className: "section", id: spec.id }, h("summary", {}, h("h2", {}, spec.title)), statusEl, body);
    let mounted = false;
    const needs = spec.requires ?? ADDIN_REQUIREMENTS;
    const missing = services.supports ? missingRequirement(needs, (set, v) => services.supports!(set, v)) : null;
    if (missing) {
      // Shown as unavailable, with what to update, instead of failing on first use.
      details.classList.add("unavailable");
      body.append(h("p", { className: "hint", role: "note" }, unavailableMessage(missing)));
    }
    const mount = async (): Promise<void> => {
      if (mounted || missing) return;
      mounted = true;
      status.progress("Đang tải…");
      try {
        const section = await spec.load();
        status.clear();
        await section.mount(body, services, status);
      } catch (err) {
        mounted = false;
        status.error(err);
      }
    };
    details.addEventListener("toggle", () => {
      if (details.open) void mount();
    });
    if (spec.open) {
      details.open = true;
      void mount();
    }
    main.append(details);
  }
  // The About line: which version this is, for a user asking for help (also the page's footer).
  root.append(main, h("footer", { className: "about" }, VERSION_LINE));
}

/** What a page opened outside Excel shows instead of the pane. */
export function renderOutsideExcel(root: HTMLElement, state: "other-host" | "no-office"): void {
  root.append(
    h(
      "div",
      { className: "outside", role: "alert" },
      h("h2", {}, "Hãy mở bổ trợ này trong Excel"),
      h(
        "p",
        {},
        state === "other-host"
          ? "Sổ chuyên đề chỉ chạy trong Excel. Hãy mở một sổ Excel rồi bấm nút Sổ chuyên đề trên thẻ Trang đầu."
          : "Trang này là ngăn tác vụ của bổ trợ Excel Sổ chuyên đề. Hãy cài bổ trợ vào Excel (xem Hướng dẫn) rồi mở từ nút Sổ chuyên đề trên thẻ Trang đầu.",
      ),
      h("p", {}, h("a", { href: "huong-dan.html" }, "Hướng dẫn cài đặt")),
    ),
  );
}
