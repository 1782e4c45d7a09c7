// Kiểm tra section: Việc sắp tới, four quarter tiles, the findings; a finding with a cell
// is a button that selects it.
import { formatDate, romanQuarter } from "../../core/read/dates";
import { columnLetters } from "../../excel/address";
import { appendInBatches, clear, h, nextTask } from "../dom";
import { checkHere, GROUPS_SHOWN, type CellRef, type CheckRun, type FindingGroup } from "../logic/check";
import type { PaneSection, PaneServices, StatusReporter } from "../services";
import { busy } from "../status";

const SEVERITY = { error: "Lỗi", warning: "Cảnh báo" } as const;

function where(cell: CellRef | null, column: string | null): string {
  if (!cell) return "";
  return ` (${cell.sheet}, dòng ${cell.row}${column ? `, cột ${column}` : ""})`;
}

/** Where a file's cell is and what it holds, for a host with no cell to select. */
function cellValue(cell: CellRef, value: string | undefined): string {
  const address = `${columnLetters(cell.col)}${cell.row}`;
  if (value === undefined) return ` — ô ${address}`;
  return value === "" ? ` — ô ${address} đang trống` : ` — ô ${address} đang ghi “${value}”`;
}

/** Shows the check in `into`: the tiles and the first groups at once, the other shown groups
 *  a batch per task (resolves when all are shown). */
export async function renderCheckView(run: CheckRun, services: PaneServices, status: StatusReporter, into: HTMLElement): Promise<void> {
  const view = run.pane;
  const { result } = view;
  const selectable = services.workbook.cellsSelectable !== false;
  const outer = h("div", { className: "check-view" });
  // Two columns on a wide page (file mode in a browser window): findings beside the quarters.
  const root = h("div", { className: "check-side" });
  const main = h("div", { className: "check-main" });
  outer.append(root, main);
  for (const notice of view.notices) {
    root.append(h("p", { className: "notice", role: "note" }, h("strong", {}, "Cảnh báo: "), notice));
  }

  root.append(h("h3", {}, "Việc sắp tới"));
  if (view.upcoming.length === 0) root.append(h("p", { className: "hint" }, "Không có việc cần làm trong 14 ngày tới."));
  const upcoming = h("ul", { className: "upcoming" });
  if (view.upcoming.length > 0) root.append(upcoming);

  root.append(h("h3", {}, `Theo quý — năm ${result.year}`));
  root.append(
    h(
      "div",
      { className: "tiles" },
      ...view.tiles.map((t) =>
        h(
          "div",
          { className: `tile ${t.state}`, role: "group", "aria-label": `Quý ${romanQuarter(t.quarter.quarter)}: ${t.verdict.label}` },
          h("div", { className: "tile-q" }, `Quý ${romanQuarter(t.quarter.quarter)}`),
          h("div", { className: "tile-state" }, t.verdict.label),
          h("div", { className: "tile-count" }, `${t.quarter.held} đã sinh hoạt / ${t.quarter.planned} kế hoạch`),
        ),
      ),
    ),
  );

  // The year's verdict in the model's words, under the four quarters.
  root.append(h("p", { className: `year-verdict ${view.year.kind}` }, h("strong", {}, `Cả năm: ${view.year.label}. `), view.year.sentence));

  const { errors, warnings } = view;
  main.append(h("h3", {}, "Kết quả kiểm tra"));
  if (errors + warnings === 0) {
    main.append(h("p", { className: "ok" }, `Đạt — không có lỗi hay cảnh báo (tính đến ngày ${formatDate(result.asOf)}).`));
    into.append(outer);
    return;
  }
  main.append(
    h(
      "p",
      {},
      `${errors} lỗi, ${warnings} cảnh báo (tính đến ngày ${formatDate(result.asOf)}).${selectable ? " Bấm vào một dòng để chọn ô trong sổ." : ""}`,
    ),
  );
  const select = (cell: CellRef): void => {
    void services.workbook
      .session((s) => s.select(cell.sheet, cell.row, cell.col))
      .then((ok) => {
        if (!ok) status.done(`Không còn trang "${cell.sheet}" trong sổ — hãy bấm Kiểm tra lại.`);
      })
      .catch((err: unknown) => status.error(err));
  };
  // One group per topic (issue 12): its title once, then its errors, then its warnings.
  const renderGroup = (group: FindingGroup): HTMLElement => {
    const counts = [group.errors ? `${group.errors} lỗi` : "", group.warnings ? `${group.warnings} cảnh báo` : ""]
      .filter(Boolean)
      .join(", ");
    const titleText = [h("span", { className: "group-title-text" }, group.title), h("span", { className: "group-count" }, ` — ${counts}`)];
    // A heading, not a button: Tab goes from one finding to the next, as before.
    const title = h("h4", { className: "group-title" }, ...titleText);
    const list = h("ul", { className: "findings" });
    for (const { finding, cell, text, value } of group.items) {
      const label = [
        h("span", { className: `badge ${finding.severity}` }, SEVERITY[finding.severity]),
        " ",
        text,
        h("span", { className: "where" }, where(cell, finding.column), cell && !selectable ? cellValue(cell, value) : ""),
      ];
      // What the finding is, for tests and assistive tools (the code is never shown).
      const data = { dataset: { code: finding.code, sheet: finding.sheet, row: finding.row ?? "" } };
      if (!cell || !selectable) {
        list.append(h("li", data, ...label));
        continue;
      }
      const button = h("button", { type: "button", className: "finding" }, ...label);
      button.addEventListener("click", () => select(cell));
      list.append(h("li", data, button));
    }
    return h("section", { className: `finding-group ${group.kind}`, "aria-label": group.title }, title, list);
  };
  const groups = h("div", { className: "finding-groups" });
  main.append(groups);
  into.append(outer);
  await appendInBatches(upcoming, view.upcoming, (u) => h("li", {}, u.text));
  await nextTask();
  await appendInBatches(groups, view.groups, renderGroup);
  // Thousands of topics: the first groups, then a hundred more at each click (offered once
  // those shown are all there, so that the list stays in order).
  let shown = view.groups.length;
  if (shown < view.groupCount) {
    const more = h("button", { type: "button", className: "more-findings" }, "");
    const label = (): void => {
      const left = view.groupCount - shown;
      more.textContent = `Xem thêm ${Math.min(left, GROUPS_SHOWN)} mục (còn ${left} mục chưa hiện)`;
    };
    label();
    more.addEventListener("click", () => {
      void busy(more, status, "Đang hiện thêm kết quả…", async () => {
        const next = await run.more(shown, GROUPS_SHOWN);
        await appendInBatches(groups, next, renderGroup);
        shown += next.length;
        if (shown >= view.groupCount || next.length === 0) more.remove();
        else label();
        status.done(`Đang hiện ${shown}/${view.groupCount} mục kết quả.`);
      });
    });
    main.append(more);
  }
}

export const checkSection: PaneSection = {
  mount(container, services, status) {
    const button = h("button", { type: "button", className: "primary" }, "Kiểm tra");
    const output = h("div", { className: "check-output" });
    button.addEventListener("click", () => {
      // The old results go at once: a new check replaces them, never adds below them.
      clear(output);
      void busy(button, status, "Đang kiểm tra sổ…", async () => {
        const run = await (services.offload ? services.offload.check(services.today()) : checkHere(services.workbook, services.today()));
        clear(output);
        await renderCheckView(run, services, status, output);
        status.done(`Đã kiểm tra ${run.pane.result.register?.topics ?? 0} chuyên đề.`);
      });
    });
    container.append(
      h(
        "p",
        { className: "hint" },
        "Kiểm tra sổ theo Hướng dẫn 09-HD/ĐUK: mỗi quý ít nhất một chuyên đề, phân công, thông qua và gửi dự thảo trước ngày sinh hoạt…",
      ),
      h("div", { className: "actions" }, button),
      output,
    );
  },
};
