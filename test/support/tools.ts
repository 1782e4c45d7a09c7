// The system tools some tests need, and the Debian package that provides each. A test that
// needs a missing tool fails saying which package to install — never skipped in silence,
// never "invalid" for what is really "not installed". `.ci/run` installs them all.
import { execFileSync, spawnSync } from "child_process";
import { existsSync } from "fs";
import * as path from "path";

export const DEBIAN_PACKAGES = {
  soffice: "libreoffice-writer-nogui",
  "LibreOffice Calc": "libreoffice-calc-nogui",
  pdftotext: "poppler-utils",
  pdfimages: "poppler-utils",
  pdftoppm: "poppler-utils",
  xmllint: "libxml2-utils",
  chromium: "chromium",
  "Carlito font": "fonts-crosextra-carlito",
  setpriv: "util-linux",
} as const;

export type Tool = keyof typeof DEBIAN_PACKAGES;

/** The path of `command` on PATH, or null. */
export function commandPath(command: string): string | null {
  const r = spawnSync("sh", ["-c", 'command -v "$1"', "sh", command], { encoding: "utf8" });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}

function present(tool: Tool): boolean {
  switch (tool) {
    case "soffice":
      return commandPath("soffice") !== null || commandPath("libreoffice") !== null;
    case "LibreOffice Calc": {
      const bin = commandPath("soffice") ?? commandPath("libreoffice");
      if (!bin) return false;
      const program = path.dirname(execFileSync("readlink", ["-f", bin], { encoding: "utf8" }).trim());
      return existsSync(path.join(program, "libsclo.so"));
    }
    case "chromium":
      return existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium");
    case "Carlito font":
      return /Carlito|Calibri/i.test(spawnSync("fc-match", ["Calibri"], { encoding: "utf8" }).stdout ?? "");
    default:
      return commandPath(tool) !== null;
  }
}

/** What to install for the missing ones of `tools`, or null when all are here. */
export function missingTools(...tools: Tool[]): string | null {
  const missing = tools.filter((t) => !present(t));
  if (missing.length === 0) return null;
  const packages = [...new Set(missing.map((t) => DEBIAN_PACKAGES[t]))];
  return `${missing.join(", ")} not installed: install the Debian package${packages.length > 1 ? "s" : ""} ${packages.join(" ")} (sudo apt-get install ${packages.join(" ")}), or run .ci/run, which installs everything the tests need`;
}

/** `describe` when `why` is null; otherwise one failing test that says what to install. */
export function describeNeeding(why: string | null): (name: string, fn: () => void) => void {
  if (why === null) return describe;
  return (name: string) =>
    describe(name, () => {
      test("has the system tools it needs", () => {
        throw new Error(why);
      });
    });
}

/** `test` when `why` is null; otherwise a failing test that says what to install. */
export function testNeeding(why: string | null): (name: string, fn: jest.ProvidesCallback, timeout?: number) => void {
  if (why === null) return test;
  return (name: string) =>
    test(name, () => {
      throw new Error(why);
    });
}
