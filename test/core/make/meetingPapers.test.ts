// The sign-in sheet and the notice as data: what they state comes from the register, Thông
// tin, Đảng viên and Biên bản; every key is a documented placeholder; a notice whose dates
// break the guidance is refused with the dates named.
import { danhSachData, thongBaoData, weekdayName, ALL_TEMPLATE_FIELDS, DOCUMENT_KINDS } from "../../../src/core/make/meetingPapers";
import { BLANK, type DocumentData, type DocumentKind } from "../../../src/core/make/documentData";
import { UserError } from "../../../src/core/shared/types";
import { readWorkbook } from "../../../src/core/read/register";
import { fixtureBook, fixtureGrid, MEMBERS, TOPIC_1 } from "../../documents/fixture";

const fields = (kind: DocumentKind, itemOf?: string) =>
  ALL_TEMPLATE_FIELDS.filter((f) => f.kinds.includes(kind) && f.itemOf === itemOf)
    .map((f) => f.name)
    .sort();

describe("the placeholders document exactly the data", () => {
  test.each([
    ["danh-sach", danhSachData(fixtureBook(), 1).data],
    ["thong-bao", thongBaoData(fixtureBook(), 1).data],
  ] as [DocumentKind, DocumentData][])("%s", (kind, data) => {
    expect(Object.keys(data).sort()).toEqual(fields(kind));
    for (const loop of ALL_TEMPLATE_FIELDS.filter((f) => f.type === "loop" && f.kinds.includes(kind) && !f.itemOf)) {
      const items = data[loop.name] as Record<string, string>[];
      for (const item of items) expect(Object.keys(item).sort()).toEqual(fields(kind, loop.name));
    }
  });

  test("every kind is listed once, every field described in Vietnamese", () => {
    expect([...DOCUMENT_KINDS].sort()).toEqual(["bao-cao", "bien-ban", "danh-sach", "de-dan", "thong-bao"]);
    for (const f of ALL_TEMPLATE_FIELDS) expect(f.description.length).toBeGreaterThan(5);
  });
});

describe("danh sách ký tên", () => {
  test("every member, in list order, with Chính thức/Dự bị; the excused member marked; the counts", () => {
    const { data, problems } = danhSachData(fixtureBook(), 1);
    const rows = data.dangVien as Record<string, string>[];
    expect(rows.map((r) => r.hoTen)).toEqual(MEMBERS.map((m) => m[0]));
    expect(rows.map((r) => r.stt)).toEqual(MEMBERS.map((_, i) => String(i + 1)));
    expect(rows.find((r) => r.hoTen === "Lý Thị Ngọc")).toMatchObject({ loai: "Dự bị", chucVu: "Đảng viên", ghiChu: "" });
    expect(rows.find((r) => r.hoTen === "Đặng Văn Khoa")).toMatchObject({ loai: "Chính thức", ghiChu: "Miễn sinh hoạt" });
    expect(rows.filter((r) => r.ghiChu === "Miễn sinh hoạt")).toHaveLength(1);
    expect(data).toMatchObject({ tongSo: "12", soChinhThuc: "11", soDuBi: "1", soMienSinhHoat: "1", soPhaiDu: "11" });
    // The topic, date, time and place, the chair and secretary from Biên bản.
    expect(data).toMatchObject({
      tenChuyenDe: TOPIC_1,
      ngaySinhHoatVietBang: "ngày 05 tháng 02 năm 2021",
      gioBatDau: "08 giờ 00",
      thuNgay: "thứ Sáu",
      diaDiem: "Phòng họp tầng 2, Trường THPT Nguyễn Du",
      chuTri: "Nguyễn Văn An",
      thuKy: "Ngô Thị Lan",
      quyTextUpper: "QUÝ I/2021",
      diaDanhNgay: "Thành phố Hồ Chí Minh, ngày 05 tháng 02 năm 2021",
    });
    expect(problems).toEqual([]);
  });

  test("a topic not yet held: date and place left to fill in, and said", () => {
    const { data, problems } = danhSachData(fixtureBook(), 5);
    expect(data.ngaySinhHoatVietBang).toBe("ngày …… tháng …… năm ……");
    expect(data.diaDiem).toBe(BLANK);
    expect(problems).toEqual([expect.stringMatching(/chưa có Ngày sinh hoạt/), expect.stringMatching(/Chưa ghi Địa điểm/)]);
  });

  test("no member list: numbered rows to write in, and a warning", () => {
    const grid = fixtureGrid();
    grid.sheets = grid.sheets.filter((s) => s.name !== "Đảng viên");
    const { data, problems } = danhSachData(readWorkbook(grid), 1);
    expect((data.dangVien as Record<string, string>[]).map((r) => r.hoTen)).toEqual(new Array(15).fill(""));
    expect(data.tongSo).toBe(BLANK);
    expect(problems.join(" ")).toContain("Chưa có danh sách đảng viên");
  });
});

describe("thông báo gửi dự thảo", () => {
  test("the topic, the drafters, approval, time and place, dated the day the draft is sent", () => {
    const { data, problems } = thongBaoData(fixtureBook(), 1);
    expect(data).toMatchObject({
      so: "Số ……-TB/CB",
      ngayGui: "25/01/2021",
      diaDanhNgay: "Thành phố Hồ Chí Minh, ngày 25 tháng 01 năm 2021",
      thongQuaText: "Ngày 20/01/2021, Chi ủy đã thông qua dự thảo đề dẫn",
      phuTrachText: "các đồng chí Lê Văn Cường và Phạm Thị Dung",
      dongChiPhuTrach: "Các đồng chí Lê Văn Cường và Phạm Thị Dung",
      tenChuyenDe: TOPIC_1,
      gioBatDau: "08 giờ 00",
      thuNgay: "thứ Sáu",
      ngaySinhHoatVietBang: "ngày 05 tháng 02 năm 2021",
      hinhThucSinhHoat: "sinh hoạt chuyên đề riêng",
    });
    expect((data.taiLieu as { noiDung: string }[]).map((t) => t.noiDung)).toEqual([
      expect.stringMatching(/^Dự thảo đề dẫn chuyên đề/),
      expect.stringContaining(TOPIC_1),
      "Ý kiến đóng góp xin gửi các đồng chí Lê Văn Cường và Phạm Thị Dung trước buổi sinh hoạt",
    ]);
    expect(problems).toEqual([]);
  });

  test("a draft not yet sent or approved: blanks to fill in, each named", () => {
    const { data, problems } = thongBaoData(fixtureBook(), 2);
    expect(data.ngayGui).toBe(BLANK);
    expect(data.diaDanhNgay).toBe("Thành phố Hồ Chí Minh, ngày …… tháng …… năm ……");
    expect(data.thongQuaText).toBe("Chi ủy đã thông qua dự thảo đề dẫn");
    expect(data.hinhThucSinhHoat).toBe("sinh hoạt chuyên đề lồng ghép với sinh hoạt chi bộ thường kỳ");
    expect(problems.map((p) => /Ngày gửi dự thảo|Ngày thông qua|Địa điểm/.exec(p)?.[0])).toEqual([
      "Ngày gửi dự thảo",
      "Ngày thông qua",
      "Địa điểm",
    ]);
  });

  const withDates = (approved: Date, sent: Date) => {
    const grid = fixtureGrid();
    const reg = grid.sheets.find((s) => s.name === "Sổ chuyên đề")!;
    reg.values[1][5] = approved;
    reg.values[1][7] = sent;
    return readWorkbook(grid);
  };

  test.each([
    [
      "sent on the meeting day",
      new Date(Date.UTC(2021, 0, 20)),
      new Date(Date.UTC(2021, 1, 5)),
      /gửi dự thảo ngày 05\/02\/2021, trùng ngày sinh hoạt 05\/02\/2021/,
    ],
    [
      "sent after the meeting",
      new Date(Date.UTC(2021, 0, 20)),
      new Date(Date.UTC(2021, 1, 7)),
      /gửi dự thảo ngày 07\/02\/2021, sau ngày sinh hoạt 05\/02\/2021/,
    ],
    [
      "sent before approval",
      new Date(Date.UTC(2021, 0, 26)),
      new Date(Date.UTC(2021, 0, 25)),
      /gửi dự thảo ngày 25\/01\/2021, trước ngày thông qua 26\/01\/2021/,
    ],
  ])("refused when %s, naming the dates and the row", (_label, approved, sent, message) => {
    let error: unknown;
    try {
      thongBaoData(withDates(approved, sent), 1);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(message);
    expect((error as UserError).message).toContain("trang “Sổ chuyên đề” dòng 2");
  });

  test("sent the day before: made, with a note that members had one day", () => {
    const { problems } = thongBaoData(withDates(new Date(Date.UTC(2021, 0, 20)), new Date(Date.UTC(2021, 1, 4))), 1);
    expect(problems).toEqual([expect.stringContaining("chỉ có một ngày")]);
  });
});

test("weekdays in Vietnamese", () => {
  expect(weekdayName({ year: 2025, month: 9, day: 16 })).toBe("thứ Ba");
  expect(weekdayName({ year: 2025, month: 9, day: 21 })).toBe("Chủ nhật");
  expect(weekdayName({ year: 1970, month: 1, day: 1 })).toBe("thứ Năm");
  expect(weekdayName({ year: 1969, month: 12, day: 29 })).toBe("thứ Hai");
});
