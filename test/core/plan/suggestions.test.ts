// The built-in suggestions are the items of Guidance 09-HD/ĐUK (2021) §1.1–1.3, word for
// word (the expected texts are written out here, as the seed text is not in the repository);
// a `Gợi ý chuyên đề` sheet replaces them.
import { GUIDANCE_09_SUGGESTIONS, groupOf, readSuggestionSheet, suggestionTitle, suggestionsFor } from "../../../src/core/plan/suggestions";
import { anniversariesOf, anniversaryTopic, GREAT_DAYS, roundName } from "../../../src/core/plan/anniversaries";
import { UserError } from "../../../src/core/shared/types";
import { planGrid } from "./planGrid";

const GROUP_1 = [
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
];
const GROUP_2 = [
  "Các giải pháp cụ thể để chi bộ lãnh đạo đảng viên thực hiện tốt chức trách, nhiệm vụ được giao và khắc phục những hạn chế, khuyết điểm được nêu ra qua kiểm điểm, đánh giá năm 2020.",
  "Chi bộ tham gia góp ý, hiến kế với lãnh đạo đơn vị về việc thực hiện nhiệm vụ chính trị, nhiệm vụ sản xuất kinh doanh của đơn vị.",
  "Giải pháp thực hiện tốt quy chế về mối quan hệ phối hợp giữa chi ủy với các ban, bộ phận của cơ quan, đơn vị trong thực hiện nhiệm vụ chuyên môn và công tác xây dựng Đảng.",
];
const GROUP_3 = [
  "Chi bộ lãnh đạo và hỗ trợ các đoàn thể thực hiện nhiệm vụ công tác năm 2021.",
  "Lãnh đạo, phát huy vai trò của tổ chức đoàn thể trong tham gia thực hiện nhiệm vụ chính trị, nhiệm vụ sản xuất kinh doanh tại cơ quan, đơn vị, doanh nghiệp.",
  "Lãnh đạo các đoàn thể thực hiện tốt công tác giới thiệu quân chúng ưu tú (đoàn viên ưu tú, công đoàn viên ưu tú) cho Đảng bồi dưỡng, xem xét kết nạp.",
];

describe("built-in suggestions (09-HD/ĐUK 2021 §1)", () => {
  test("three groups with the guidance's counts and texts, in order", () => {
    const g = GUIDANCE_09_SUGGESTIONS.groups;
    expect(g.map((x) => x.items.length)).toEqual([11, 3, 3]);
    expect(g[0].items).toEqual(GROUP_1);
    expect(g[1].items).toEqual(GROUP_2);
    expect(g[2].items).toEqual(GROUP_3);
    expect(g.map((x) => x.name)).toEqual(["Xây dựng Đảng", "Nhiệm vụ chuyên môn", "Lãnh đạo đoàn thể"]);
    expect(g.map((x) => x.heading)).toEqual([
      "Về công tác xây dựng Đảng",
      "Về thực hiện nhiệm vụ chuyên môn của đơn vị",
      "Công tác lãnh đạo xây dựng các đoàn thể",
    ]);
  });

  test("states its source and version; every text is NFC", () => {
    expect(GUIDANCE_09_SUGGESTIONS.source).toMatch(/09-HD\/ĐUK/);
    expect(GUIDANCE_09_SUGGESTIONS.version).toMatch(/2021/);
    for (const g of GUIDANCE_09_SUGGESTIONS.groups) for (const t of g.items) expect(t).toBe(t.normalize("NFC"));
  });

  test("a suggestion becomes a title without its closing stop", () => {
    expect(suggestionTitle(GROUP_1[10])).toBe("Giải pháp tăng cường công tác kiểm tra, giám sát của chi bộ");
  });

  test("group values as people write them", () => {
    expect(groupOf("1")).toBe(1);
    expect(groupOf("1.2")).toBe(2);
    expect(groupOf("III")).toBe(3);
    expect(groupOf("Xây dựng Đảng")).toBe(1);
    expect(groupOf("nhiệm vụ chuyên môn")).toBe(2);
    expect(groupOf("Công tác lãnh đạo xây dựng các đoàn thể")).toBe(3);
    expect(groupOf("Khác")).toBeNull();
    expect(groupOf("")).toBeNull();
  });
});

describe("a Gợi ý chuyên đề sheet replaces the built-in list", () => {
  const sheet = {
    name: "Gợi ý chuyên đề",
    values: [
      ["Danh sách chuyên đề gợi ý năm 2024 của Đảng ủy"],
      ["Nhóm", "Chuyên đề"],
      ["1", "Học tập và làm theo tư tưởng Hồ Chí Minh năm 2024"],
      [null, "Nâng cao chất lượng sinh hoạt chi bộ"],
      ["Lãnh đạo đoàn thể", "Công tác thanh niên"],
    ],
  };

  test("its items, by group, and the sheet named as source", () => {
    const list = suggestionsFor(planGrid({ rows: [], sheets: [sheet] }));
    expect(list.groups[0].items).toEqual(["Học tập và làm theo tư tưởng Hồ Chí Minh năm 2024", "Nâng cao chất lượng sinh hoạt chi bộ"]);
    expect(list.groups[1].items).toEqual([]);
    expect(list.groups[2].items).toEqual(["Công tác thanh niên"]);
    expect(list.source).toContain("Gợi ý chuyên đề");
    expect(list.groups.flatMap((g) => g.items)).not.toContain(GROUP_1[0]);
  });

  test("no such sheet → the built-in list", () => {
    expect(suggestionsFor(planGrid({ rows: [] }))).toBe(GUIDANCE_09_SUGGESTIONS);
  });

  test("an unknown group names its row", () => {
    const bad = {
      ...sheet,
      values: [
        ["Nhóm", "Chuyên đề"],
        ["Khác", "Một chuyên đề"],
      ],
    };
    expect(() => readSuggestionSheet(planGrid({ rows: [], sheets: [bad] }))).toThrow(UserError);
    expect(() => readSuggestionSheet(planGrid({ rows: [], sheets: [bad] }))).toThrow(/dòng 2: nhóm "Khác"/);
  });

  test("a sheet without the two columns says what it needs", () => {
    const bad = { ...sheet, values: [["Chuyên đề"], ["Một chuyên đề"]] };
    expect(() => readSuggestionSheet(planGrid({ rows: [], sheets: [bad] }))).toThrow(/Nhóm và Chuyên đề/);
  });
});

describe("great anniversaries (Nghị định 145/2013/NĐ-CP Điều 4)", () => {
  test("the decree's solar-calendar days, by month, with the years counted", () => {
    expect(GREAT_DAYS.map((d) => `${d.date.day}/${d.date.month}`)).toEqual(["3/2", "30/4", "7/5", "19/5", "19/8", "2/9"]);
    const a = anniversariesOf(2021);
    expect(a.map((x) => [x.date.month, x.quarter, x.years])).toEqual([
      [2, 1, 91],
      [4, 2, 46],
      [5, 2, 67],
      [5, 2, 131],
      [8, 3, 76],
      [9, 3, 76],
    ]);
    expect(a[0].label).toBe("Kỷ niệm 91 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 – 03/02/2021)");
    expect(
      anniversariesOf(2025)
        .filter((x) => x.round)
        .map((x) => x.years),
    ).toEqual([95, 50, 135, 80, 80]);
    expect(anniversaryTopic(a[3])).toBe("Ôn truyền thống, kỷ niệm 131 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/05/1890 – 19/05/2021)");
  });

  // Nghị định 145/2013/NĐ-CP, Điều 3: "năm tròn" is divisible by 10, "năm chẵn" by 5 (and not 10).
  test.each([
    [80, "năm tròn"],
    [100, "năm tròn"],
    [50, "năm tròn"],
    [95, "năm chẵn"],
    [135, "năm chẵn"],
    [75, "năm chẵn"],
    [91, null],
    [76, null],
  ])("%i năm → %s", (years, name) => {
    expect(roundName(years)).toBe(name);
  });

  test("the plan names them so: 2025 has 95 năm chẵn (the Party) and 80 năm tròn (August Revolution)", () => {
    const byYears = Object.fromEntries(anniversariesOf(2025).map((x) => [x.name, x.roundName]));
    expect(byYears["Ngày thành lập Đảng Cộng sản Việt Nam"]).toBe("năm chẵn");
    expect(byYears["Ngày Giải phóng miền Nam, thống nhất đất nước"]).toBe("năm tròn");
    expect(byYears["Ngày Cách mạng Tháng Tám"]).toBe("năm tròn");
    expect(byYears["Ngày sinh Chủ tịch Hồ Chí Minh"]).toBe("năm chẵn");
  });
});
