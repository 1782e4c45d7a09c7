// Entry of the task pane page (which in the shared runtime also hosts the functions).
import { todayLocal } from "../core/read/dates";
import { createWorkbookHost, detectHost, openInBrowser } from "../excel";
import { mountApp, renderOutsideExcel } from "./app";
import { clear, h } from "./dom";
import { makeSaveFile } from "./download";
import { GENERIC_ERROR } from "./logic/messages";

async function boot(root: HTMLElement): Promise<void> {
  const { state, platform } = await detectHost();
  clear(root);
  if (state !== "excel") {
    renderOutsideExcel(root, state);
    return;
  }
  mountApp(root, {
    workbook: createWorkbookHost(),
    today: () => todayLocal(),
    saveFile: makeSaveFile(platform, openInBrowser, window.location.href),
    assetUrl: (path) => new URL(path, window.location.href).href,
  });
}

const root = document.getElementById("app");
if (root) {
  boot(root).catch(() => {
    clear(root);
    root.append(h("p", { className: "status", role: "alert" }, GENERIC_ERROR));
  });
}
