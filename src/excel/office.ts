// Host detection and the few Office.context calls the pane needs, kept here so the pane
// itself never mentions Office.

export type HostState = "excel" | "other-host" | "no-office";
export type Platform = "mac" | "web" | "windows" | "other";

/** Waits for Office.js and says where the page runs. Never throws: a page opened in a plain
 *  browser (Office.js absent, or onReady reporting no host) is "no-office". */
export async function detectHost(timeoutMs = 10000): Promise<{ state: HostState; platform: Platform }> {
  const office = officeGlobal();
  if (!office || typeof office.onReady !== "function") return { state: "no-office", platform: "other" };
  try {
    const info = await Promise.race([office.onReady(), new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs))]);
    if (!info || !info.host) return { state: "no-office", platform: "other" };
    const platform = platformOf(String(info.platform ?? ""));
    return { state: String(info.host) === "Excel" ? "excel" : "other-host", platform };
  } catch {
    return { state: "no-office", platform: "other" };
  }
}

function platformOf(p: string): Platform {
  if (p === "Mac") return "mac";
  if (p === "OfficeOnline") return "web";
  if (p === "PC") return "windows";
  return "other";
}

/** Office.js as the page has it, or undefined outside Office (tests, the CLI, a plain browser). */
function officeGlobal(): typeof Office | undefined {
  return typeof Office === "undefined" ? undefined : Office;
}

/** True when the host has requirement set `name` at `version` or later
 *  (Office.context.requirements.isSetSupported). Outside Office (tests, the CLI) there is
 *  nothing to ask, and the caller's own call fails if the set is missing. */
export function setSupported(name: string, version: string): boolean {
  const requirements = officeGlobal()?.context?.requirements;
  if (!requirements || typeof requirements.isSetSupported !== "function") return true;
  return requirements.isSetSupported(name, version);
}

/** Opens a URL in the system browser (Excel on Mac cannot save Blob downloads itself).
 *  Returns false when the host has no OpenBrowserWindowApi 1.1 (learn.microsoft.com/
 *  javascript/api/requirement-sets/common/open-browser-window-api-requirement-sets). */
export function openInBrowser(url: string): boolean {
  const ui = officeGlobal()?.context?.ui;
  if (!ui || !setSupported("OpenBrowserWindowApi", "1.1")) return false;
  ui.openBrowserWindow(url);
  return true;
}
