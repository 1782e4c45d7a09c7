// Chuyển đổi: a hand-made register → canonical tblChuyenDe rows, nothing lost.
import { convertRegister, proposeMapping, type ConversionPlan } from "../../../src/core/make/convert";
import { readWorkbook } from "../../../src/core/read/register";
import type { ModelValue } from "../../../src/core/make/sheetModel";
import {
  REGISTER_COLUMNS,
  UserError,
  type CellValue,
  type MergedArea,
  type RegisterColumn,
  type SheetGrid,
  type WorkbookGrid,
} from "../../../src/core/shared/types";

function range(r: string): MergedArea {
  const [a, b] = r.split(":").map((ref) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return { row: +m[2] - 1, col: col - 1 };
  });
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

function sheet(name: string, rows: CellValue[][], merges: string[] = []): SheetGrid {
  return { name, values: rows, merges: merges.map(range) };
}

/** A converted row as canonical column → value. */
function byName(row: ModelValue[]): Partial<Record<RegisterColumn, ModelValue>> {
  const out: Partial<Record<RegisterColumn, ModelValue>> = {};
  REGISTER_COLUMNS.forEach((name, i) => {
    if (row[i] !== null && row[i] !== undefined) out[name] = row[i];
  });
  return out;
}

const SAMPLE_LIKE: WorkbookGrid = {
  sheets: [
    sheet(
      "Chuyên đề 2023",
      [
        ["CHI BỘ TRƯỜNG THCS LÊ LỢI"],
        Array(10).fill("KẾ HOẠCH SINH HOẠT CHUYÊN ĐỀ NĂM 2023"),
        [],
        [
          "Số TT",
          "Chủ đề",
          "Người thực hiện",
          "Ngày duyệt",
          "Ngày gửi đảng viên",
          "Thời gian thực hiện",
          "Tình trạng",
          "Kết quả",
          "Ghi chú",
          "Lồng ghép",
        ],
        [
          1,
          "Học tập và làm theo Bác",
          "Lê Thị Mai\nPhan Văn Hùng",
          "01/02/2023",
          new Date(Date.UTC(2023, 1, 3)),
          44967,
          "Đã tổ chức",
          "Tốt",
          "",
          "x",
        ],
        [
          2,
          "Nâng cao chất lượng dạy và học",
          "đ/c Hùng",
          "5/5/2023",
          "đầu tháng 5",
          "khoảng giữa tháng 5",
          "chưa rõ",
          "",
          "Dời\nsang tuần sau",
          "Không",
        ],
        [3, "", "Lan", "", "", "", "", "", "", ""],
        [4, "Chuyển đổi số", "", "", "", "", "hủy", "", "", ""],
        [5, "", "", "", "", "", "", "", "", ""],
        [],
        [null, "Người lập biểu", null, null, null, "Bí thư"],
      ],
      ["A2:J2"],
    ),
  ],
};

describe("proposeMapping", () => {
  it("proposes each canonical column's source column and lists the unmapped ones", () => {
    const plan = proposeMapping(SAMPLE_LIKE)!;
    expect(plan.sheet).toBe("Chuyên đề 2023");
    expect(plan.headerRow).toBe(4);
    expect(plan.firstDataRow).toBe(5);
    expect(plan.fromTable).toBe(false);
    expect(plan.columns).toEqual({
      STT: 1,
      Quý: null,
      "Tên chuyên đề": 2,
      Nhóm: null,
      "Người phụ trách": 3,
      "Ngày thông qua": 4,
      "Người thông qua": null,
      "Ngày gửi dự thảo": 5,
      "Ngày sinh hoạt": 6,
      "Hình thức": 10,
      "Trạng thái": 7,
      "Ngày gửi bản hoàn thiện": null,
      "Ngày báo cáo cấp trên": null,
      "Ghi chú": 9,
    });
    expect(plan.headers["Ngày sinh hoạt"]).toBe("Thời gian thực hiện");
    expect(plan.headers["Quý"]).toBe("");
    expect(plan.unmapped).toEqual([{ col: 8, header: "Kết quả" }]);
    expect(plan.sourceColumns.map((s) => s.header)).toEqual([
      "Số TT",
      "Chủ đề",
      "Người thực hiện",
      "Ngày duyệt",
      "Ngày gửi đảng viên",
      "Thời gian thực hiện",
      "Tình trạng",
      "Kết quả",
      "Ghi chú",
      "Lồng ghép",
    ]);
  });

  it("returns null when no sheet looks like a register", () => {
    expect(
      proposeMapping({
        sheets: [
          sheet("A", [
            ["Họ tên", "Tuổi"],
            ["An", 30],
          ]),
        ],
      }),
    ).toBeNull();
  });

  it("uses a sheet the user names, even one with fewer matching headers", () => {
    const g: WorkbookGrid = {
      sheets: [
        sheet("Sổ", [
          ["STT", "Tên chuyên đề", "Ngày sinh hoạt"],
          [1, "A", "1/1/2024"],
        ]),
        sheet("Nháp", [
          ["Chủ đề", "Việc"],
          ["B", "soạn"],
        ]),
      ],
    };
    expect(proposeMapping(g)!.sheet).toBe("Sổ");
    const plan = proposeMapping(g, "Nháp")!;
    expect(plan.columns["Tên chuyên đề"]).toBe(1);
    expect(convertRegister(g, plan).map(byName)).toEqual([{ STT: 1, "Tên chuyên đề": "B", "Ghi chú": "Việc: soạn" }]);
    expect(proposeMapping(g, "Không có")).toBeNull();
  });
});

describe("convertRegister", () => {
  const rows = () => convertRegister(SAMPLE_LIKE, proposeMapping(SAMPLE_LIKE)!).map(byName);

  it("writes dates as dates and keeps text that is no date as written", () => {
    const [first, second] = rows();
    expect(first["Ngày thông qua"]).toEqual({ date: { year: 2023, month: 2, day: 1 } });
    expect(first["Ngày gửi dự thảo"]).toEqual({ date: { year: 2023, month: 2, day: 3 } });
    expect(first["Ngày sinh hoạt"]).toEqual({ date: { year: 2023, month: 2, day: 10 } });
    expect(second["Ngày thông qua"]).toEqual({ date: { year: 2023, month: 5, day: 5 } });
    expect(second["Ngày gửi dự thảo"]).toBe("đầu tháng 5");
    expect(second["Ngày sinh hoạt"]).toBe("khoảng giữa tháng 5");
  });

  it("spells statuses and formats canonically when recognised, else keeps the text", () => {
    const [first, second, , fourth] = rows();
    expect(first["Trạng thái"]).toBe("Đã sinh hoạt");
    expect(first["Hình thức"]).toBe("Lồng ghép");
    expect(second["Trạng thái"]).toBe("chưa rõ");
    expect(second["Hình thức"]).toBe("Riêng");
    expect(fourth["Trạng thái"]).toBe("Hủy");
  });

  it("keeps the names apart and drops đ/c", () => {
    const [first, second] = rows();
    expect(first["Người phụ trách"]).toBe("Lê Thị Mai, Phan Văn Hùng");
    expect(second["Người phụ trách"]).toBe("Hùng");
  });

  it("puts unmapped columns into Ghi chú as 'Header: value' after the note", () => {
    const [first, second] = rows();
    expect(first["Ghi chú"]).toBe("Kết quả: Tốt");
    expect(second["Ghi chú"]).toBe("Dời\nsang tuần sau");
  });

  it("keeps rows without a title, drops pre-numbered empty rows and the footer", () => {
    const out = rows();
    expect(out.map((r) => [r.STT, r["Tên chuyên đề"] ?? null])).toEqual([
      [1, "Học tập và làm theo Bác"],
      [2, "Nâng cao chất lượng dạy và học"],
      [3, null],
      [4, "Chuyển đổi số"],
    ]);
    expect(out[2]["Người phụ trách"]).toBe("Lan");
  });

  it("gives rows of REGISTER_COLUMNS length, and the result reads back the same", () => {
    const plan = proposeMapping(SAMPLE_LIKE)!;
    const converted = convertRegister(SAMPLE_LIKE, plan);
    expect(converted.every((r) => r.length === REGISTER_COLUMNS.length)).toBe(true);
    const values: CellValue[][] = [
      [...REGISTER_COLUMNS],
      ...converted.map((r) =>
        r.map((v) =>
          v && typeof v === "object" && "date" in v ? new Date(Date.UTC(v.date.year, v.date.month - 1, v.date.day)) : (v as CellValue),
        ),
      ),
    ];
    const before = readWorkbook(SAMPLE_LIKE).register!;
    const after = readWorkbook({ sheets: [{ name: "Sổ chuyên đề", values }] }).register!;
    expect(after.topics.map((t) => [t.title, t.meetingOn.value, t.status, t.format, t.assignees])).toEqual(
      before.topics.map((t) => [t.title, t.meetingOn.value, t.status, t.format, t.assignees]),
    );
    expect(after.untitledRows).toHaveLength(before.untitledRows.length);
  });

  it("writes quarters as I–IV, applies merged Quý cells, and spells groups canonically", () => {
    const g: WorkbookGrid = {
      sheets: [
        sheet(
          "S",
          [
            ["Quý", "TT", "Tên chuyên đề", "Lĩnh vực", "Người duyệt"],
            ["Quý 1", 1, "A", "xây dựng đảng", "chi uỷ"],
            ["", 2, "B", "Văn hóa", "Bí thư"],
            ["đầu năm", 3, "C", "", ""],
          ],
          ["A2:A3"],
        ),
      ],
    };
    const out = convertRegister(g, proposeMapping(g)!).map(byName);
    expect(out.map((r) => r["Quý"])).toEqual(["I", "I", "đầu năm"]);
    expect(out.map((r) => r["Nhóm"])).toEqual(["Xây dựng Đảng", "Văn hóa", undefined]);
    expect(out.map((r) => r["Người thông qua"])).toEqual(["Chi ủy", "Bí thư", undefined]);
  });

  it("follows an edited plan: a column set to none goes to Ghi chú, a reassigned column feeds its new place", () => {
    const g: WorkbookGrid = {
      sheets: [
        sheet("S", [
          ["STT", "Tên chuyên đề", "Ngày sinh hoạt", "Ngày họp thực tế"],
          [1, "A", "01/03/2024", "05/03/2024"],
        ]),
      ],
    };
    const plan: ConversionPlan = proposeMapping(g)!;
    expect(plan.columns["Ngày sinh hoạt"]).toBe(3);
    const edited: ConversionPlan = { ...plan, columns: { ...plan.columns, "Ngày sinh hoạt": 4 } };
    const [row] = convertRegister(g, edited).map(byName);
    expect(row["Ngày sinh hoạt"]).toEqual({ date: { year: 2024, month: 3, day: 5 } });
    expect(row["Ghi chú"]).toBe("Ngày sinh hoạt: 01/03/2024");
    const noStt: ConversionPlan = { ...plan, columns: { ...plan.columns, STT: null } };
    const [row2] = convertRegister(g, noStt).map(byName);
    expect(row2.STT).toBe(1);
    expect(row2["Ghi chú"]).toBe("STT: 1; Ngày họp thực tế: 05/03/2024");
  });

  it("numbers the topics when the source has no STT column", () => {
    const g: WorkbookGrid = {
      sheets: [
        sheet("S", [
          ["Tên chuyên đề", "Người phụ trách", "Ngày sinh hoạt"],
          ["A", "An", ""],
          ["", "Bình", ""],
          ["B", "", ""],
        ]),
      ],
    };
    const out = convertRegister(g, proposeMapping(g)!).map(byName);
    expect(out.map((r) => [r.STT, r["Tên chuyên đề"]])).toEqual([
      [1, "A"],
      [undefined, undefined],
      [2, "B"],
    ]);
  });

  it("names a header-less column by its letter in Ghi chú", () => {
    const g: WorkbookGrid = {
      sheets: [
        sheet("S", [
          ["STT", "Tên chuyên đề", null, "Ngày sinh hoạt"],
          [1, "A", "ghi bên lề", ""],
        ]),
      ],
    };
    expect(byName(convertRegister(g, proposeMapping(g)!)[0])["Ghi chú"]).toBe("Cột C: ghi bên lề");
  });

  it("says in Vietnamese when the plan's sheet is gone", () => {
    const plan = proposeMapping(SAMPLE_LIKE)!;
    expect(() => convertRegister({ sheets: [] }, plan)).toThrow(UserError);
    expect(() => convertRegister({ sheets: [] }, plan)).toThrow(/Không tìm thấy trang "Chuyên đề 2023"/);
  });
});
