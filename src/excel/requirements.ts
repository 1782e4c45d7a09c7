// Which requirement sets each pane command needs, and which Excel versions have them, from
// Microsoft's pages "Excel JavaScript API requirement sets"
// (learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets) and
// "Shared runtime requirement sets". The pane asks the host before it offers a command
// (Office.context.requirements.isSetSupported) and explains, in Vietnamese, what to install.

export interface Requirement {
  set: string;
  version: string;
}

/** ExcelApi 1.9: page layout (print setup), data validation 1.8, freeze panes 1.7, names 1.4. */
export const WRITE_SHEETS: Requirement = { set: "ExcelApi", version: "1.9" };
/** ExcelApi 1.13: Range.getMergedAreasOrNullObject, for registers with merged Quý cells. */
export const READ_REGISTER: Requirement = { set: "ExcelApi", version: "1.13" };

/** The Excel versions that have a set, in the words a secretary knows (from the pages above). */
const VERSIONS: Record<string, string> = {
  "ExcelApi 1.9": "Microsoft 365 (bản 1903 trở lên), Excel 2021 hoặc Excel 2024, Excel cho Mac 16.24 trở lên, hoặc Excel trên web",
  "ExcelApi 1.13": "Microsoft 365 (bản 2102 trở lên), Excel 2021 hoặc Excel 2024, Excel cho Mac 16.50 trở lên, hoặc Excel trên web",
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
