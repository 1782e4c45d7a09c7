// Entry of the task pane page (which in the shared runtime also hosts the functions).
import { todayLocal } from "../core/read/dates";
import { createWorkbookHost, detectHost, openInBrowser, setSupported } from "../excel";
import { runSelfTest } from "../excel/selfTest";
import { mountApp, renderOutsideExcel } from "./app";
import { mountFileMode } from "./fileMode";
import { clear, h } from "./dom";
import { makeSaveFile } from "./download";
import { GENERIC_ERROR } from "./logic/messages";

async function boot(root: HTMLElement): Promise<void> {
  const { state, platform } = await detectHost();
  clear(root);
  // A plain browser (or no network for Office.js): the same pane on an .xlsx file.
  if (state === "no-office") {
    mountFileMode(root, { assetUrl: (path) => new URL(path, window.location.href).href });
    return;
  }
  if (state !== "excel") {
    renderOutsideExcel(root, state);
    return;
  }
  mountApp(root, {
    workbook: createWorkbookHost(),
    today: () => todayLocal(),
    saveFile: makeSaveFile(platform, openInBrowser, window.location.href),
    assetUrl: (path) => new URL(path, window.location.href).href,
    supports: setSupported,
    selfTest: () => runSelfTest(<T>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(batch)),
  });
}

const root = document.getElementById("app");
if (root) {
  boot(root).catch(() => {
    clear(root);
    root.append(h("p", { className: "status", role: "alert" }, GENERIC_ERROR));
  });
}
