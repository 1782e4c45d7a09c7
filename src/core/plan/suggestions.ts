// The suggested topics of Guidance 09-HD/ĐUK (2021), §1.1–1.3, as data: the list a
// chi ủy chooses from when it proposes the year's topics (§2.1). Texts are verbatim from
// the guidance (only the italics marks dropped and the item that ran over a page joined),
// so a secretary can recognise them; "quân chúng" in 1.3 is the guidance's own spelling.
// A đảng ủy that issues its own list supplies a sheet `Gợi ý chuyên đề` (Nhóm, Chuyên đề):
// readSuggestionSheet turns it into the same shape, and it replaces this list.
import { CHOICES } from "../read/layout";
import { cleanText, normalizeKey } from "../read/values";
import type { CellValue, WorkbookGrid } from "../shared/types";
import { UserError } from "../shared/types";

export type GroupNumber = 1 | 2 | 3;

export interface SuggestionGroup {
  /** 1 = §1.1, 2 = §1.2, 3 = §1.3. */
  number: GroupNumber;
  /** The register's `Nhóm` value for topics of this group (SPEC §3.3). */
  name: string;
  /** The guidance's heading of the group. */
  heading: string;
  items: string[];
}

export interface SuggestionList {
  /** Where the list comes from, as shown to the user. */
  source: string;
  /** Version of the built-in list, or the sheet it was read from. */
  version: string;
  groups: SuggestionGroup[];
}

/** Sheet a đảng ủy's own list is read from. */
export const SUGGESTION_SHEET = "Gợi ý chuyên đề";

const GROUP_NAMES: Record<GroupNumber, string> = {
  1: CHOICES.group[0],
  2: CHOICES.group[1],
  3: CHOICES.group[2],
};

/** Guidance 09-HD/ĐUK (2021) §1, version 2021.1. */
export const GUIDANCE_09_SUGGESTIONS: SuggestionList = {
  source: "Hướng dẫn số 09-HD/ĐUK về tổ chức sinh hoạt chi bộ chuyên đề năm 2021, mục 1",
  version: "09-HD/ĐUK-2021.1",
  groups: [
    {
      number: 1,
      name: GROUP_NAMES[1],
      heading: "Về công tác xây dựng Đảng",
      items: [
        "Chọn những nội dung sinh hoạt gắn với ôn truyền thống các sự kiện quan trọng, các ngày kỷ niệm lớn trong năm (dựa trên hướng dẫn của Ban Tuyên giáo Đảng ủy Khối).",
        "Thực hiện Kết luận số 01-KL/TW ngày 18 tháng 5 năm 2021 của Bộ Chính trị khóa XIII về tiếp tục thực hiện Chỉ thị 05-CT/TW ngày 15 tháng 5 năm 2021 của Bộ Chính trị khóa XII “ Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh” và nghiên cứu, học tập chuyên đề toàn khóa với chủ đề “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về ý chí tự lực, tự cường và khát vọng phát triển đất nước phồn vinh, hạnh phúc”",
        "Thực hiện Nghị quyết Trung ương 4 – Khóa XII về xây dựng, chỉnh đốn Đảng, giải pháp nâng cao việc ngăn chặn, đẩy lùi sự suy thoái về tư tưởng, chính trị, đạo đức lối sống trong cán bộ, đảng viên của chi bộ gắn với học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
        "Giải pháp trong triển khai thực hiện Nghị quyết số 35-NQ/TW của Bộ Chính trị về tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh, phản bác các quan điểm sai trái, thù địch trong tình hình mới và Đề án số 05-ĐA/BTGTU của Ban Tuyên giáo Thành ủy về tuyên truyền, lan tỏa thông tin tích cực, đấu tranh, phản bác các quan điểm sai trái, thù địch trên internet, mạng xã hội tại Thành phố Hồ Chí Minh.",
        "Giải pháp nêu cao tính tự giác của đảng viên trong chấp hành các quy định của Đảng và pháp luật nhà nước, thực hiện tốt chế độ sinh hoạt Đảng.",
        "Giải pháp khắc phục những hạn chế, khuyết điểm trong công tác xây dựng Đảng của chi bộ được nêu ra qua kiểm điểm, đánh giá năm 2020.",
        "Giải pháp tăng cường thực hiện quy chế dân chủ cơ sở tại cơ quan, đơn vị, doanh nghiệp.",
        "Giải pháp phát huy, tăng cường phát biểu của đảng viên trong sinh hoạt chi bộ, các cuộc họp, hội nghị của Đảng.",
        "Nâng cao công tác quản lý đảng viên của chi bộ và tăng chỉ tiêu phát triển đảng viên mới.",
        "Nâng cao chất lượng công tác bồi dưỡng, giúp đỡ, kết nạp quần chúng vào Đảng và giúp đỡ đảng viên dự bị trở thành đảng viên chính thức.",
        "Giải pháp tăng cường công tác kiểm tra, giám sát của chi bộ.",
      ],
    },
    {
      number: 2,
      name: GROUP_NAMES[2],
      heading: "Về thực hiện nhiệm vụ chuyên môn của đơn vị",
      items: [
        "Các giải pháp cụ thể để chi bộ lãnh đạo đảng viên thực hiện tốt chức trách, nhiệm vụ được giao và khắc phục những hạn chế, khuyết điểm được nêu ra qua kiểm điểm, đánh giá năm 2020.",
        "Chi bộ tham gia góp ý, hiến kế với lãnh đạo đơn vị về việc thực hiện nhiệm vụ chính trị, nhiệm vụ sản xuất kinh doanh của đơn vị.",
        "Giải pháp thực hiện tốt quy chế về mối quan hệ phối hợp giữa chi ủy với các ban, bộ phận của cơ quan, đơn vị trong thực hiện nhiệm vụ chuyên môn và công tác xây dựng Đảng.",
      ],
    },
    {
      number: 3,
      name: GROUP_NAMES[3],
      heading: "Công tác lãnh đạo xây dựng các đoàn thể",
      items: [
        "Chi bộ lãnh đạo và hỗ trợ các đoàn thể thực hiện nhiệm vụ công tác năm 2021.",
        "Lãnh đạo, phát huy vai trò của tổ chức đoàn thể trong tham gia thực hiện nhiệm vụ chính trị, nhiệm vụ sản xuất kinh doanh tại cơ quan, đơn vị, doanh nghiệp.",
        "Lãnh đạo các đoàn thể thực hiện tốt công tác giới thiệu quân chúng ưu tú (đoàn viên ưu tú, công đoàn viên ưu tú) cho Đảng bồi dưỡng, xem xét kết nạp.",
      ],
    },
  ],
};

/** A `Nhóm` value → its group: 1/2/3, 1.1/1.2/1.3, I/II/III, the register's names, or the
 *  guidance's headings (case and diacritics ignored). Null when it is none of them. */
export function groupOf(value: CellValue): GroupNumber | null {
  const key = normalizeKey(cleanText(value === null || value === undefined ? "" : String(value)));
  if (key === "") return null;
  const numbered = /^(?:nhom )?(?:1 )?([123])$|^(?:nhom )?(i{1,3})$/.exec(key);
  if (numbered) {
    const n = numbered[1] ? Number(numbered[1]) : numbered[2].length;
    return n as GroupNumber;
  }
  if (/doan the/.test(key)) return 3;
  if (/chuyen mon/.test(key)) return 2;
  if (/xay dung dang/.test(key)) return 1;
  return null;
}

/** The register's `Nhóm` text of a group. */
export function groupName(n: GroupNumber): string {
  return GROUP_NAMES[n];
}

/** A suggestion as a topic title: the guidance's sentence without its closing stop. */
export function suggestionTitle(item: string): string {
  return cleanText(item)
    .replace(/[.;:]+$/, "")
    .trim();
}

function text(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return "";
  return cleanText(String(v));
}

/** The `Gợi ý chuyên đề` sheet as a suggestion list, or null when the workbook has no such
 *  sheet. A header row with `Nhóm` and `Chuyên đề` (within the first 20 rows) is required;
 *  a row with a topic but an unknown group is a UserError naming its row, so a list the
 *  đảng ủy sent is never half used. */
export function readSuggestionSheet(grid: WorkbookGrid): SuggestionList | null {
  const wanted = normalizeKey(SUGGESTION_SHEET);
  const sheet = grid.sheets.find((s) => normalizeKey(s.name) === wanted);
  if (!sheet) return null;
  let headerRow = -1;
  let groupCol = -1;
  let topicCol = -1;
  for (let r = 0; r < Math.min(20, sheet.values.length) && headerRow < 0; r++) {
    const row = sheet.values[r] ?? [];
    const keys = row.map((v) => normalizeKey(text(v)));
    const g = keys.findIndex((k) => k === "nhom" || k === "nhom noi dung");
    const t = keys.findIndex((k) => k === "chuyen de" || k === "ten chuyen de" || k === "noi dung");
    if (g >= 0 && t >= 0) {
      headerRow = r;
      groupCol = g;
      topicCol = t;
    }
  }
  if (headerRow < 0) {
    throw new UserError(
      "GOI_Y_THIEU_COT",
      `Trang "${sheet.name}" chưa có dòng tiêu đề gồm hai cột Nhóm và Chuyên đề — thêm dòng đó (Nhóm ghi 1, 2, 3 hoặc ` +
        `Xây dựng Đảng / Nhiệm vụ chuyên môn / Lãnh đạo đoàn thể) rồi làm lại.`,
      { sheet: sheet.name },
    );
  }
  const groups: SuggestionGroup[] = ([1, 2, 3] as GroupNumber[]).map((n) => ({
    number: n,
    name: GROUP_NAMES[n],
    heading: GUIDANCE_09_SUGGESTIONS.groups[n - 1].heading,
    items: [],
  }));
  let lastGroup: GroupNumber | null = null;
  for (let r = headerRow + 1; r < sheet.values.length; r++) {
    const row = sheet.values[r] ?? [];
    const topic = text(row[topicCol]);
    const groupText = text(row[groupCol]);
    if (topic === "") continue;
    // A group written once over several rows (merged or left blank below) carries down.
    const n: GroupNumber | null = groupText === "" ? lastGroup : groupOf(groupText);
    if (n === null) {
      throw new UserError(
        "GOI_Y_SAI_NHOM",
        `Trang "${sheet.name}", dòng ${r + 1}: nhóm "${groupText}" không rõ — ghi 1, 2, 3 hoặc Xây dựng Đảng / ` +
          `Nhiệm vụ chuyên môn / Lãnh đạo đoàn thể.`,
        { sheet: sheet.name, row: r + 1, column: "Nhóm" },
      );
    }
    lastGroup = n;
    groups[n - 1].items.push(topic);
  }
  if (groups.every((g) => g.items.length === 0)) {
    throw new UserError("GOI_Y_RONG", `Trang "${sheet.name}" chưa có chuyên đề gợi ý nào dưới dòng tiêu đề.`, {
      sheet: sheet.name,
    });
  }
  return { source: `Trang “${sheet.name}” trong sổ`, version: sheet.name, groups };
}

/** The list in force for a workbook: its own `Gợi ý chuyên đề` sheet, else the built-in one. */
export function suggestionsFor(grid: WorkbookGrid | null): SuggestionList {
  return (grid && readSuggestionSheet(grid)) ?? GUIDANCE_09_SUGGESTIONS;
}

/** What to add, from what the user typed: "1.3" (group 1, item 3 of the list in force), a
 *  suggestion's text (its group comes from the list), or any title with `group` given. */
export function resolveSuggestion(
  list: SuggestionList,
  typed: string,
  group?: GroupNumber,
): { title: string; group: GroupNumber; fromList: boolean } {
  const text = cleanText(typed);
  const ref = /^([123])\s*[.,]\s*(\d{1,3})$/.exec(text);
  if (ref) {
    const g = list.groups[Number(ref[1]) - 1];
    const item = g.items[Number(ref[2]) - 1] as string | undefined;
    if (item === undefined) {
      throw new UserError(
        "KHONG_CO_GOI_Y",
        `Nhóm ${ref[1]} chỉ có ${g.items.length} chuyên đề gợi ý; không có số ${ref[2]} (xem danh sách gợi ý của nhóm ${ref[1]}).`,
      );
    }
    return { title: suggestionTitle(item), group: g.number, fromList: true };
  }
  const key = normalizeKey(suggestionTitle(text));
  for (const g of list.groups) {
    for (const item of g.items) {
      if (normalizeKey(suggestionTitle(item)) === key) return { title: suggestionTitle(item), group: group ?? g.number, fromList: true };
    }
  }
  if (!group) {
    throw new UserError(
      "THIEU_NHOM",
      `“${text}” không có trong danh sách gợi ý — hãy cho biết nhóm của chuyên đề (1 = Xây dựng Đảng, 2 = Nhiệm vụ chuyên môn, 3 = Lãnh đạo đoàn thể).`,
    );
  }
  return { title: suggestionTitle(text), group, fromList: false };
}
