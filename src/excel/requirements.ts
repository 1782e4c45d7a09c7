// The requirement sets the add-in needs, why, and which Excel versions have them, from
// Microsoft's pages "Excel JavaScript API requirement sets", "Custom Functions requirement
// sets" and "Shared runtime requirement sets" (learn.microsoft.com/javascript/api/
// requirement-sets/…). manifest.xml declares exactly ADDIN_REQUIREMENTS
// (test/manifest.test.ts), so Office offers the add-in only where all of them are there;
// test/excel/apiSets.test.ts checks every Office.js member the code uses against them.
// The pane still asks the host (Office.context.requirements.isSetSupported) and explains,
// in Vietnamese, what to install, should it ever be opened in an older Excel.

export interface Requirement {
  set: string;
  version: string;
}

/** ExcelApi 1.13: Range.getMergedAreasOrNullObject, read by every command that reads the
 *  register (merged Quý cells); it also brings what writing needs (names 1.4, freeze panes
 *  1.7, data validation 1.8, page layout 1.9, custom properties of older markers 1.12). */
export const EXCEL_API: Requirement = { set: "ExcelApi", version: "1.13" };
/** CustomFunctionsRuntime 1.3: CustomFunctions.Error and its codes (1.2, codes 1.3),
 *  invocation.parameterAddresses (1.3) and error values passed to the functions. */
export const CUSTOM_FUNCTIONS: Requirement = { set: "CustomFunctionsRuntime", version: "1.3" };
/** SharedRuntime 1.1: the pane and the functions share one page (KIEMTRA() reads the
 *  workbook through the Excel API). */
export const SHARED_RUNTIME: Requirement = { set: "SharedRuntime", version: "1.1" };

/** What manifest.xml declares, in that order. */
export const ADDIN_REQUIREMENTS: readonly Requirement[] = [SHARED_RUNTIME, CUSTOM_FUNCTIONS, EXCEL_API];

/** The Excel versions that have a set, in the words a secretary knows (from the pages above). */
const VERSIONS: Record<string, string> = {
  "ExcelApi 1.13": "Microsoft 365 (bản 2102 trở lên), Excel 2021 hoặc Excel 2024, Excel cho Mac 16.50 trở lên, hoặc Excel trên web",
  "CustomFunctionsRuntime 1.3":
    "Microsoft 365 (bản 2008 trở lên), Excel 2021 hoặc Excel 2024, Excel cho Mac 16.40 trở lên, hoặc Excel trên web",
  "SharedRuntime 1.1": "Microsoft 365 (bản 2002 trở lên), Excel 2021 hoặc Excel 2024, Excel cho Mac 16.35 trở lên, hoặc Excel trên web",
};

/** The first requirement the host lacks, or null. */
export function missingRequirement(needs: readonly Requirement[], supports: (set: string, version: string) => boolean): Requirement | null {
  return needs.find((r) => !supports(r.set, r.version)) ?? null;
}

/** Why a command is unavailable, naming the Excel versions that have what it needs. */
export function unavailableMessage(r: Requirement): string {
  const versions = VERSIONS[`${r.set} ${r.version}`] ?? "Microsoft 365 bản mới nhất hoặc Excel trên web";
  return `Chức năng này cần Excel mới hơn bản đang dùng: ${versions}. Hãy cập nhật Office (Tệp → Tài khoản → Tùy chọn cập nhật → Cập nhật ngay) rồi mở lại bổ trợ.`;
}
