import { bienBanData, BLANK, deDanData, TEMPLATE_FIELDS, type DocumentData, type DocumentKind } from "../../../src/core/make/documentData";
import { UserError } from "../../../src/core/shared/types";
import { fixtureBook, fixtureGrid, TOPIC_1 } from "../../documents/fixture";
import { readWorkbook } from "../../../src/core/read/register";

const TODAY = { year: 2021, month: 1, day: 8 };

function keysOf(data: DocumentData): string[] {
  return Object.keys(data).sort();
}

function fieldNames(kind: DocumentKind): string[] {
  return TEMPLATE_FIELDS.filter((f) => f.kinds.includes(kind) && !f.itemOf)
    .map((f) => f.name)
    .sort();
}

describe("TEMPLATE_FIELDS documents exactly the data", () => {
  test("đề dẫn: every key documented, every documented field present", () => {
    expect(keysOf(deDanData(fixtureBook(), 1, { today: TODAY }))).toEqual(fieldNames("de-dan"));
  });

  test("biên bản: every key documented, every documented field present", () => {
    expect(keysOf(bienBanData(fixtureBook(), 1).data)).toEqual(fieldNames("bien-ban"));
  });

  test("loop items have exactly the documented fields", () => {
    const { data } = bienBanData(fixtureBook(), 1);
    for (const loop of TEMPLATE_FIELDS.filter((f) => f.type === "loop" && f.kinds.includes("bien-ban"))) {
      const items = data[loop.name] as Record<string, string>[];
      expect(items.length).toBeGreaterThan(0);
      const documented = TEMPLATE_FIELDS.filter((f) => f.itemOf === loop.name)
        .map((f) => f.name)
        .sort();
      for (const item of items) expect(Object.keys(item).sort()).toEqual(documented);
    }
  });

  test("every field has a Vietnamese description", () => {
    for (const f of TEMPLATE_FIELDS) expect(f.description.length).toBeGreaterThan(5);
  });
});

describe("header lines", () => {
  test("prefixes Đảng bộ / Chi bộ once, upper-cased", () => {
    const d = deDanData(fixtureBook(), 1, { today: TODAY });
    expect(d.dangBoCoSoUpper).toBe("ĐẢNG BỘ TRƯỜNG THPT NGUYỄN DU");
    expect(d.dangBoCoSo).toBe("Đảng bộ Trường THPT Nguyễn Du");
    expect(d.chiBoUpper).toBe("CHI BỘ TỔ TOÁN – TIN");
    expect(d.chiBo).toBe("Chi bộ Tổ Toán – Tin");
  });

  test("a chi bộ name without the prefix gets it; one written in lower case is not doubled", () => {
    expect(deDanData(fixtureBook({ chiBo: "Phòng Kế hoạch" }), 1, { today: TODAY }).chiBoUpper).toBe("CHI BỘ PHÒNG KẾ HOẠCH");
    const d = deDanData(fixtureBook({ chiBo: "chi bộ 3", dangBoCoSo: "đảng bộ Phường Bến Nghé" }), 1, { today: TODAY });
    expect(d.chiBoUpper).toBe("CHI BỘ 3");
    expect(d.dangBoCoSoUpper).toBe("ĐẢNG BỘ PHƯỜNG BẾN NGHÉ");
    expect(d.dangBoCoSo).toBe("Đảng bộ Phường Bến Nghé");
  });

  test("no đảng bộ cơ sở: the cell is under the higher committee, which is printed", () => {
    const d = deDanData(fixtureBook({ dangBoCoSo: "" }), 1, { today: TODAY });
    expect(d.dangBoCoSoUpper).toBe("ĐẢNG BỘ KHỐI CƠ SỞ BỘ CÔNG THƯƠNG");
  });

  test("place and date: meeting day for the biên bản, the given day for the đề dẫn", () => {
    expect(bienBanData(fixtureBook(), 1).data.diaDanhNgay).toBe("Thành phố Hồ Chí Minh, ngày 05 tháng 02 năm 2021");
    const d = deDanData(fixtureBook(), 1, { today: TODAY });
    expect(d.diaDanhNgay).toBe("Thành phố Hồ Chí Minh, ngày 08 tháng 01 năm 2021");
    expect(d.ngayVietBang).toBe("ngày 08 tháng 01 năm 2021");
  });
});

describe("đề dẫn data", () => {
  test("topic, quarter, drafters, approval and sending dates", () => {
    const d = deDanData(fixtureBook(), 1, { today: TODAY });
    expect(d.tenChuyenDe).toBe(TOPIC_1);
    expect(d.quyText).toBe("Quý I/2021");
    expect(d.quyTextUpper).toBe("QUÝ I/2021");
    expect(d.nhom).toBe("Xây dựng Đảng");
    expect(d.nguoiPhuTrach).toBe("Lê Văn Cường và Phạm Thị Dung");
    expect(d.nguoiChuanBi).toEqual([{ hoTen: "Lê Văn Cường" }, { hoTen: "Phạm Thị Dung" }]);
    expect(d.dongChiPhuTrach).toBe("Các đồng chí Lê Văn Cường và Phạm Thị Dung");
    expect(d.nguoiThongQua).toBe("Chi ủy");
    expect(d.ngayThongQua).toBe("20/01/2021");
    expect(d.ngayGuiDuThao).toBe("25/01/2021");
  });

  test("a planned topic without dates or drafter: dotted blanks, quarter from the Quý column", () => {
    const d = deDanData(fixtureBook(), 5, { today: TODAY });
    expect(d.quyText).toBe("Quý III/2021");
    expect(d.nguoiPhuTrach).toBe(BLANK);
    expect(d.nguoiChuanBi).toEqual([]);
    expect(d.ngayThongQua).toBe(BLANK);
    expect(d.ngaySinhHoat).toBe(BLANK);
  });

  test("lồng ghép topic says so", () => {
    const d = deDanData(fixtureBook(), 2, { today: TODAY });
    expect(d.longGhep).toBe(true);
    expect(d.hinhThucText).toContain("lồng ghép");
    expect(d.quyText).toBe("Quý II/2021");
    expect(d.dongChiPhuTrach).toBe("Đồng chí Trần Thị Bình");
  });

  test("unknown STT names it and lists the available ones", () => {
    let error: unknown;
    try {
      deDanData(fixtureBook(), 9, { today: TODAY });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toContain("STT 9");
    expect((error as UserError).message).toContain("1, 2, 5");
  });

  test("a workbook without a register is a UserError", () => {
    const grid = fixtureGrid();
    grid.sheets = grid.sheets.filter((s) => s.name !== "Sổ chuyên đề");
    expect(() => deDanData(readWorkbook(grid), 1, { today: TODAY })).toThrow(/Không tìm thấy sổ chuyên đề/);
  });
});

describe("biên bản data", () => {
  test("times, place, chair with role, minute-taker", () => {
    const { data, problems } = bienBanData(fixtureBook(), 1);
    expect(problems).toEqual([]);
    expect(data.gioBatDau).toBe("08 giờ 00");
    expect(data.gioKetThuc).toBe("10 giờ 30");
    expect(data.ngaySinhHoatVietBang).toBe("ngày 05 tháng 02 năm 2021");
    expect(data.diaDiem).toBe("Phòng họp tầng 2, Trường THPT Nguyễn Du");
    expect(data.chuTri).toBe("Nguyễn Văn An");
    expect(data.chuTriChucVuText).toBe(" – Bí thư chi bộ");
    expect(data.thuKy).toBe("Ngô Thị Lan");
  });

  test("member counts add up and absentees are named with reasons", () => {
    const { data } = bienBanData(fixtureBook(), 1);
    expect(data.tongSo).toBe("12");
    expect(data.soChinhThuc).toBe("11");
    expect(data.soDuBi).toBe("1");
    expect(data.soMienSinhHoat).toBe("1");
    expect(data.soPhaiDu).toBe("11");
    expect(data.soCoMat).toBe("9");
    expect(data.soVang).toBe("2");
    expect(data.tyLeCoMat).toBe("81,8 %");
    expect(Number(data.soCoMat) + Number(data.soVang) + Number(data.soMienSinhHoat)).toBe(Number(data.tongSo));
    expect(data.vangCoLyDo).toEqual([{ hoTen: "Đỗ Văn Em", lyDo: "Đi công tác tại Đà Nẵng" }]);
    expect(data.vangKhongLyDo).toEqual([{ hoTen: "Hồ Thị Giang" }]);
  });

  test("only this topic's opinions, numbered in order", () => {
    const { data } = bienBanData(fixtureBook(), 1);
    expect(data.yKien).toEqual([
      { stt: "1", nguoiPhatBieu: "Dương Văn Minh", noiDung: "Đề nghị bổ sung số liệu về tỷ lệ đảng viên phát biểu trong sinh hoạt" },
      { stt: "2", nguoiPhatBieu: "Lý Thị Ngọc", noiDung: "Nêu kinh nghiệm chuẩn bị ý kiến trước buổi sinh hoạt" },
    ]);
    expect(data.coYKien).toBe(true);
    expect(data.bieuQuyet).toBe("8/8 tán thành");
    expect(data.coBieuQuyet).toBe(true);
    expect(data.daiBieu).toBe("Đồng chí Vũ Thị Quế, Đảng ủy viên");
  });

  test("counts that do not add up: a Vietnamese problem naming who is missing", () => {
    const { data, problems } = bienBanData(fixtureBook({ dropAttendee: true }), 1);
    expect(data.tongSo).toBe("12");
    expect(data.soCoMat).toBe("8");
    // With Bình left out, 7 chính thức are marked present: the typed 8/8 is one vote too many.
    expect(problems).toHaveLength(2);
    expect(problems[1]).toContain("8 phiếu) nhiều hơn 7 đảng viên chính thức có mặt");
    expect(problems[0]).toContain("không khớp");
    expect(problems[0]).toContain("= 11");
    expect(problems[0]).toContain("là 12");
    expect(problems[0]).toContain("Trần Thị Bình");
  });

  test("no attendance, no minutes: blanks to fill by hand, and problems say why", () => {
    const { data, problems } = bienBanData(fixtureBook(), 2);
    expect(data.soCoMat).toBe(BLANK);
    expect(data.soVang).toBe(BLANK);
    expect(data.tongSo).toBe("12");
    expect(data.gioBatDau).toBe("…… giờ ……");
    expect(data.diaDiem).toBe(BLANK);
    expect(data.vangCoLyDo).toEqual([]);
    expect(data.yKien).toEqual([{ stt: "1", nguoiPhatBieu: "Bùi Thị Hoà", noiDung: "Ý kiến của chuyên đề khác" }]);
    expect(data.coBieuQuyet).toBe(false);
    expect(bienBanData(fixtureBook(), 5).data.coYKien).toBe(false);
    expect(data.ngaySinhHoatVietBang).toBe("ngày 15 tháng 4 năm 2021");
    expect(problems.join("\n")).toMatch(/Điểm danh.*STT 2/);
    expect(problems.join("\n")).toMatch(/Biên bản.*STT 2/);
  });

  test("no meeting date: the date is left blank and a problem says so", () => {
    const { data, problems } = bienBanData(fixtureBook(), 5);
    expect(data.ngayVietBang).toBe("ngày …… tháng …… năm ……");
    expect(data.diaDanhNgay).toBe("Thành phố Hồ Chí Minh, ngày …… tháng …… năm ……");
    expect(problems.some((p) => p.includes("chưa có Ngày sinh hoạt"))).toBe(true);
  });

  test("an attendance row without a status is reported with its row", () => {
    const grid = fixtureGrid();
    const sheet = grid.sheets.find((s) => s.name === "Điểm danh")!;
    sheet.values[3][2] = "";
    const { problems } = bienBanData(readWorkbook(grid), 1);
    expect(problems.some((p) => p.includes("dòng 4") && p.includes("Tình trạng"))).toBe(true);
  });

  test("no value is ever undefined or the text 'undefined'", () => {
    for (const stt of [1, 2, 5]) {
      const all = [bienBanData(fixtureBook(), stt).data, deDanData(fixtureBook(), stt, { today: TODAY })];
      for (const d of all) {
        const json = JSON.stringify(d);
        expect(json).not.toContain("undefined");
        expect(json).not.toContain("null");
        for (const v of Object.values(d)) expect(v).toBeDefined();
      }
    }
  });
});
