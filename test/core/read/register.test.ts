// Reading registers kept in secretaries' own layouts (SPEC §3.6): grids built in
// code, one behaviour per test. Real .xlsx files are covered by the CLI's tests.
import { MEMBER_SPECS, REGISTER_SPECS } from "../../../src/core/read/columns";
import { findHeaderRow, findRegister, matchHeader, readInfo, readWorkbook } from "../../../src/core/read/register";
import type { CellValue, MergedArea, SheetGrid, TableGrid, WorkbookGrid } from "../../../src/core/shared/types";

/** A sheet from rows; `merges` as Excel ranges ("A2:I2"). Merged cells other than the
 *  top-left are left as given (tests write them as exceljs does, repeated, or as
 *  Office.js does, ""). */
function sheet(name: string, rows: CellValue[][], merges: string[] = []): SheetGrid {
  return { name, values: rows, merges: merges.map(range) };
}

function cellRef(ref: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: +m[2] - 1, col: col - 1 };
}

function range(r: string): MergedArea {
  const [a, b] = r.split(":").map(cellRef);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

function table(name: string, sheetName: string, r: string): TableGrid {
  return { name, sheet: sheetName, ...range(r) };
}

function book(sheets: SheetGrid[], tables: TableGrid[] = [], date1904 = false): WorkbookGrid {
  return { sheets, tables, date1904 };
}

const CANON = ["STT", "Quý", "Tên chuyên đề", "Người phụ trách", "Ngày sinh hoạt", "Trạng thái", "Ghi chú"];

function titles(g: WorkbookGrid): string[] {
  return findRegister(g)?.topics.map((t) => t.title) ?? [];
}

describe("matchHeader", () => {
  it("matches the canonical name, a synonym, and a prefix followed by a space", () => {
    expect(matchHeader("Tên chuyên đề", REGISTER_SPECS)?.name).toBe("Tên chuyên đề");
    expect(matchHeader("  CHỦ ĐỀ ", REGISTER_SPECS)?.name).toBe("Tên chuyên đề");
    expect(matchHeader("Ngày sinh hoạt (dự kiến)", REGISTER_SPECS)?.name).toBe("Ngày sinh hoạt");
    expect(matchHeader("Số thứ tự", REGISTER_SPECS)?.name).toBe("STT");
    expect(matchHeader("Đ/c phụ trách", REGISTER_SPECS)?.name).toBe("Người phụ trách");
  });

  it("does not match a word that merely begins with a synonym", () => {
    // "quyết" starts with "quy" but not as a word of its own.
    expect(matchHeader("Quyết định", REGISTER_SPECS)).toBeNull();
    expect(matchHeader("Ngày", REGISTER_SPECS)).toBeNull();
  });

  it("takes the longest matching wording", () => {
    expect(matchHeader("Ngày gửi", REGISTER_SPECS)?.name).toBe("Ngày gửi dự thảo");
    expect(matchHeader("Ngày gửi bản hoàn thiện", REGISTER_SPECS)?.name).toBe("Ngày gửi bản hoàn thiện");
    expect(matchHeader("Ngày gửi hoàn thiện", REGISTER_SPECS)?.name).toBe("Ngày gửi bản hoàn thiện");
    expect(matchHeader("Ngày gửi đảng viên", REGISTER_SPECS)?.name).toBe("Ngày gửi dự thảo");
    expect(matchHeader("Ngày báo cáo cấp trên (nếu có)", REGISTER_SPECS)?.name).toBe("Ngày báo cáo cấp trên");
  });

  it("normalises decomposed (NFD) and unaccented headers alike", () => {
    expect(matchHeader("Người phụ trách".normalize("NFD"), REGISTER_SPECS)?.name).toBe("Người phụ trách");
    expect(matchHeader("NGAY THONG QUA", REGISTER_SPECS)?.name).toBe("Ngày thông qua");
  });
});

describe("finding the register", () => {
  it("finds the header below a merged title banner", () => {
    const banner = "KẾ HOẠCH SINH HOẠT CHUYÊN ĐỀ NĂM 2023";
    const g = book([
      sheet(
        "Kế hoạch",
        [
          ["CHI BỘ TRƯỜNG THCS LÊ LỢI"],
          [banner, banner, banner, banner, banner, banner, banner],
          CANON,
          [1, "I", "Học tập và làm theo Bác", "Lê Thị Mai", "10/02/2023", "Đã sinh hoạt", ""],
        ],
        ["A2:G2"],
      ),
    ]);
    const reg = findRegister(g)!;
    expect(reg.sheet).toBe("Kế hoạch");
    expect(reg.headerRow).toBe(3);
    expect(reg.topics.map((t) => [t.row, t.title])).toEqual([[4, "Học tập và làm theo Bác"]]);
    expect(reg.fromTable).toBe(false);
  });

  it("finds a header on row 20 but not on row 21", () => {
    const filler = (n: number): CellValue[][] => Array.from({ length: n }, (_, i) => [`Ghi chú dòng ${i + 1}`]);
    const at20 = book([sheet("S", [...filler(19), CANON, [1, "I", "Chuyên đề A"]])]);
    expect(findRegister(at20)?.headerRow).toBe(20);
    expect(titles(at20)).toEqual(["Chuyên đề A"]);
    const at21 = book([sheet("S", [...filler(20), CANON, [1, "I", "Chuyên đề A"]])]);
    expect(findRegister(at21)).toBeNull();
  });

  it("needs three matching columns including Tên chuyên đề", () => {
    const two = book([
      sheet("S", [
        ["STT", "Tên chuyên đề", "Cột lạ"],
        [1, "A", "x"],
      ]),
    ]);
    expect(findRegister(two)).toBeNull();
    const noTitle = book([
      sheet("S", [
        ["STT", "Quý", "Người phụ trách", "Ngày sinh hoạt"],
        [1, "I", "An", "1/1/2023"],
      ]),
    ]);
    expect(findRegister(noTitle)).toBeNull();
  });

  it("skips a cover sheet and takes the first sheet with a header row", () => {
    const g = book([
      sheet("Bìa", [["SỔ THEO DÕI"], ["Tên chuyên đề", "xem trang sau"], ["STT"]]),
      sheet("Năm 2023", [CANON, [1, "I", "Chuyên đề 2023"]]),
      sheet("Năm 2024", [CANON, [1, "I", "Chuyên đề 2024"]]),
    ]);
    expect(findRegister(g)?.sheet).toBe("Năm 2023");
    expect(titles(g)).toEqual(["Chuyên đề 2023"]);
  });

  it("prefers the table tblChuyenDe over an earlier matching sheet, and stops at its last row", () => {
    const g = book(
      [
        sheet("Cũ", [CANON, [1, "I", "Chuyên đề cũ"]]),
        sheet("Sổ chuyên đề", [
          ["Sổ chuyên đề năm 2024"],
          ["STT", "Tên chuyên đề", "Ghi chú"],
          [1, "Chuyên đề trong bảng", ""],
          [2, "Chuyên đề thứ hai", ""],
          [99, "Ngoài bảng", ""],
        ]),
      ],
      [table("tblChuyenDe", "Sổ chuyên đề", "A2:C4")],
    );
    const reg = findRegister(g)!;
    expect(reg.fromTable).toBe(true);
    expect(reg.sheet).toBe("Sổ chuyên đề");
    expect(reg.headerRow).toBe(2);
    expect(reg.topics.map((t) => [t.row, t.title])).toEqual([
      [3, "Chuyên đề trong bảng"],
      [4, "Chuyên đề thứ hai"],
    ]);
  });

  it("reads a real-looking layout with the SPEC's synonyms", () => {
    const g = book([
      sheet("CĐ", [
        [
          "Số TT",
          "Chủ đề",
          "Người thực hiện",
          "Ngày duyệt",
          "Ngày gửi đảng viên",
          "Thời gian thực hiện",
          "Ngày gửi hoàn thiện",
          "Ngày báo cáo",
          "Ghi chú",
        ],
        [1, "Chuyên đề một", "Lê Thị Mai", "01/02/2023", "03/02/2023", "10/02/2023", "15/02/2023", "20/02/2023", "ok"],
      ]),
    ]);
    const reg = findRegister(g)!;
    expect(reg.columns).toEqual({
      STT: 1,
      "Tên chuyên đề": 2,
      "Người phụ trách": 3,
      "Ngày thông qua": 4,
      "Ngày gửi dự thảo": 5,
      "Ngày sinh hoạt": 6,
      "Ngày gửi bản hoàn thiện": 7,
      "Ngày báo cáo cấp trên": 8,
      "Ghi chú": 9,
    });
    expect(reg.headers["Ngày sinh hoạt"]).toBe("Thời gian thực hiện");
    const t = reg.topics[0];
    expect(t.assignees).toEqual(["Lê Thị Mai"]);
    expect(t.approvedOn.value).toEqual({ year: 2023, month: 2, day: 1 });
    expect(t.meetingOn.value).toEqual({ year: 2023, month: 2, day: 10 });
    expect(t.reportedOn.value).toEqual({ year: 2023, month: 2, day: 20 });
    expect(t.note).toBe("ok");
  });

  it("reads other wordings: TT, Nội dung sinh hoạt chuyên đề, Đồng chí phụ trách, Ngày họp, Tình trạng …", () => {
    const g = book([
      sheet("Theo dõi", [
        [
          "TT",
          "Quý sinh hoạt",
          "Nội dung sinh hoạt chuyên đề",
          "Lĩnh vực",
          "Đồng chí phụ trách",
          "Ngày chi ủy duyệt",
          "Người duyệt",
          "Ngày gửi tài liệu",
          "Ngày họp",
          "Lồng ghép",
          "Tình trạng",
          "Ngày hoàn thiện",
          "Báo cáo cấp trên",
        ],
        [
          1,
          "Quý I",
          "Chuyên đề X",
          "Xây dựng Đảng",
          "đ/c An; đ/c Bình",
          "2/1/2023",
          "Chi ủy",
          "5/1/2023",
          "12/1/2023",
          "x",
          "Đã tổ chức",
          "20/1/2023",
          "25/1/2023",
        ],
      ]),
    ]);
    const reg = findRegister(g)!;
    expect(Object.keys(reg.columns).sort()).toEqual(
      [
        "STT",
        "Quý",
        "Tên chuyên đề",
        "Nhóm",
        "Người phụ trách",
        "Ngày thông qua",
        "Người thông qua",
        "Ngày gửi dự thảo",
        "Ngày sinh hoạt",
        "Hình thức",
        "Trạng thái",
        "Ngày gửi bản hoàn thiện",
        "Ngày báo cáo cấp trên",
      ].sort(),
    );
    const t = reg.topics[0];
    expect(t.quarterValue).toBe(1);
    expect(t.group).toBe("Xây dựng Đảng");
    expect(t.assignees).toEqual(["An", "Bình"]);
    expect(t.approvedBy).toBe("Chi ủy");
    expect(t.format).toBe("longGhep");
    expect(t.status).toBe("held");
    expect(t.finalSentOn.value).toEqual({ year: 2023, month: 1, day: 20 });
  });

  it("matches a header by its prefix: Ngày sinh hoạt (dự kiến)", () => {
    const g = book([
      sheet("S", [
        ["STT", "Tên chuyên đề", "Ngày sinh hoạt (dự kiến)"],
        [1, "A", "05/03/2024"],
      ]),
    ]);
    const reg = findRegister(g)!;
    expect(reg.columns["Ngày sinh hoạt"]).toBe(3);
    expect(reg.topics[0].meetingOn.value).toEqual({ year: 2024, month: 3, day: 5 });
  });

  it("gives Ngày gửi and Ngày gửi bản hoàn thiện each their own column", () => {
    const g = book([
      sheet("S", [
        ["STT", "Tên chuyên đề", "Ngày gửi bản hoàn thiện", "Ngày gửi"],
        [1, "A", "20/03/2024", "01/03/2024"],
      ]),
    ]);
    const reg = findRegister(g)!;
    expect(reg.columns["Ngày gửi bản hoàn thiện"]).toBe(3);
    expect(reg.columns["Ngày gửi dự thảo"]).toBe(4);
    expect(reg.topics[0].draftSentOn.value).toEqual({ year: 2024, month: 3, day: 1 });
    expect(reg.topics[0].finalSentOn.value).toEqual({ year: 2024, month: 3, day: 20 });
  });

  it("when two headers match one column, takes the longer match, then the leftmost", () => {
    const g = book([
      sheet("S", [
        ["Chủ đề", "STT", "Tên chuyên đề", "Ngày sinh hoạt", "Ngày sinh hoạt", "Ghi chú"],
        ["nhóm chủ đề", 1, "Tên thật", "01/02/2024", "09/02/2024", ""],
      ]),
    ]);
    const reg = findRegister(g)!;
    expect(reg.columns["Tên chuyên đề"]).toBe(3);
    expect(reg.columns["Ngày sinh hoạt"]).toBe(4);
    expect(reg.topics[0].title).toBe("Tên thật");
    expect(reg.topics[0].meetingOn.value).toEqual({ year: 2024, month: 2, day: 1 });
  });

  it("reads NFD text in headers and values as NFC", () => {
    const nfd = (s: string) => s.normalize("NFD");
    const g = book([
      sheet("S", [CANON.map(nfd), [1, nfd("Quý II"), nfd("Xây dựng Đảng trong sạch"), nfd("Nguyễn Thị Thủy"), "", nfd("Dự kiến"), ""]]),
    ]);
    const t = findRegister(g)!.topics[0];
    expect(t.title).toBe("Xây dựng Đảng trong sạch".normalize("NFC"));
    expect(t.title).not.toBe(nfd("Xây dựng Đảng trong sạch"));
    expect(t.assignees).toEqual(["Nguyễn Thị Thủy"]);
    expect(t.quarterValue).toBe(2);
    expect(t.status).toBe("planned");
  });
});

describe("register values", () => {
  const head = ["STT", "Tên chuyên đề", "Ngày thông qua", "Ngày sinh hoạt", "Ghi chú"];

  it("reads dates typed as text, as Date cells and as Excel serials", () => {
    const g = book([
      sheet("S", [
        head,
        [1, "Text", "1/2/2023", "ngày 10 tháng 02 năm 2023", ""],
        [2, "Date", new Date(Date.UTC(2023, 1, 1)), new Date(Date.UTC(2023, 1, 10)), ""],
        [3, "Serial", 44958, 44967, ""],
        [4, "Sai", "31/02/2023", "sắp tới", ""],
      ]),
    ]);
    const [a, b, c, d] = findRegister(g)!.topics;
    for (const t of [a, b, c]) {
      expect(t.approvedOn.value).toEqual({ year: 2023, month: 2, day: 1 });
      expect(t.meetingOn.value).toEqual({ year: 2023, month: 2, day: 10 });
    }
    expect(d.approvedOn).toEqual({ text: "31/02/2023", value: null, invalid: true });
    expect(d.meetingOn).toMatchObject({ text: "sắp tới", value: null, invalid: true });
  });

  it("reads serials in the 1904 date system when the workbook uses it", () => {
    // 43496 in the 1904 system is 1 Feb 2023 (1462 days less than in the 1900 system).
    const g = book([sheet("S", [head, [1, "A", 44958 - 1462, null, ""]])], [], true);
    expect(findRegister(g)!.topics[0].approvedOn.value).toEqual({ year: 2023, month: 2, day: 1 });
  });

  it("applies a merged Quý to every topic of the merge (exceljs repeats, Office.js leaves blank)", () => {
    const rows = (copy: CellValue): CellValue[][] => [
      ["Quý", "STT", "Tên chuyên đề", "Ngày sinh hoạt"],
      ["I", 1, "Một", ""],
      [copy, 2, "Hai", ""],
      ["II", 3, "Ba", ""],
      [copy, 4, "Bốn", ""],
      [copy, 5, "Năm", ""],
    ];
    for (const copy of ["", null]) {
      const g = book([sheet("S", rows(copy), ["A2:A3", "A4:A6"])]);
      expect(findRegister(g)!.topics.map((t) => t.quarterValue)).toEqual([1, 1, 2, 2, 2]);
    }
    const exceljsStyle = rows("I").map((r, i) => (i >= 4 ? ["II", ...r.slice(1)] : r));
    const g = book([sheet("S", exceljsStyle, ["A2:A3", "A4:A6"])]);
    expect(findRegister(g)!.topics.map((t) => t.quarterValue)).toEqual([1, 1, 2, 2, 2]);
  });

  it("treats pre-numbered rows, merge-only rows and space-only cells as empty", () => {
    const g = book([
      sheet(
        "S",
        [
          ["Quý", "STT", "Tên chuyên đề", "Người phụ trách", "Ghi chú"],
          ["I", 1, "Một", "An", ""],
          ["I", 2, "", "", ""], // only the merged Quý and the STT
          ["II", 3, "Hai", "   ", "  "],
          ["II", 4, "   ", "", ""],
          ["II", 5, "", "", ""],
          [null, 6, "", "", ""],
          [null, 7, "", "", ""],
        ],
        ["A2:A3", "A4:A8"],
      ),
    ]);
    const reg = findRegister(g)!;
    expect(reg.topics.map((t) => t.row)).toEqual([2, 4]);
    expect(reg.topics[1].assignees).toEqual([]);
    expect(reg.topics[1].note).toBe("");
    expect(reg.untitledRows).toEqual([]);
  });

  it("reports a data row without a title in the middle, and ignores a signature footer", () => {
    const g = book([
      sheet("S", [
        ["STT", "Tên chuyên đề", "Người phụ trách", "Ngày sinh hoạt", "Ghi chú"],
        [1, "Một", "An", "10/02/2023", ""],
        [2, "", "Bình", "12/05/2023", ""],
        [3, "Ba", "Chi", "", ""],
        [],
        [null, "", "Người lập biểu", "", "Bí thư"],
        [null, "", "(ký, ghi rõ họ tên)", "", "Nguyễn Văn A"],
      ]),
    ]);
    const reg = findRegister(g)!;
    expect(reg.topics.map((t) => t.title)).toEqual(["Một", "Ba"]);
    expect(reg.untitledRows).toEqual([3]);
  });

  it("treats a signature block written in the title column as footer, but not a numbered topic", () => {
    const g = book([
      sheet("S", [
        ["STT", "Tên chuyên đề", "Ngày sinh hoạt"],
        [1, "Một", "10/02/2023"],
        [2, "Bí thư chi bộ nêu gương", "10/05/2023"],
        [],
        [null, "Hà Nội, ngày 30 tháng 12 năm 2023", null],
        [null, "T/M CHI BỘ", null],
        [null, "BÍ THƯ", null],
        [null, "Nguyễn Văn A", null],
      ]),
    ]);
    const reg = findRegister(g)!;
    expect(reg.topics.map((t) => t.title)).toEqual(["Một", "Bí thư chi bộ nêu gương"]);
    expect(reg.untitledRows).toEqual([]);
  });

  it("keeps an unnumbered, undated last topic that does not read as a signature", () => {
    const g = book([
      sheet("S", [
        ["STT", "Tên chuyên đề", "Ngày sinh hoạt"],
        [1, "Một", "10/02/2023"],
        [null, "Xây dựng chi bộ trong sạch", null],
        [null, "Người lập biểu", null],
        [null, "Trần Thị B", null],
      ]),
    ]);
    expect(titles(g)).toEqual(["Một", "Xây dựng chi bộ trong sạch"]);
  });

  it("ignores values to the right of the register's header", () => {
    const g = book([
      sheet("S", [
        ["STT", "Tên chuyên đề", "Ngày sinh hoạt"],
        [1, "Một", "10/02/2023", null, "ghi nháp"],
        [null, null, null, null, "ghi nháp"],
      ]),
    ]);
    expect(findRegister(g)!.untitledRows).toEqual([]);
  });

  it("keeps STT as written and parses it when it is a number", () => {
    const g = book([
      sheet("S", [
        ["STT", "Tên chuyên đề", "Quý"],
        ["1.", "A", "I"],
        ["x", "B", "I"],
        [3, "C", "I"],
      ]),
    ]);
    expect(findRegister(g)!.topics.map((t) => [t.stt, t.sttText])).toEqual([
      [1, "1."],
      [null, "x"],
      [3, "3"],
    ]);
  });
});

describe("findHeaderRow", () => {
  it("counts a header cell merged across columns once", () => {
    const s = sheet(
      "S",
      [
        ["STT", "Tên chuyên đề", "Tên chuyên đề", "Người phụ trách"],
        [1, "A", "A", "An"],
      ],
      ["B1:C1", "B2:C2"],
    );
    const h = findHeaderRow(s, REGISTER_SPECS, { minMatches: 3, key: "Tên chuyên đề" })!;
    expect(h.columns).toEqual({ STT: 1, "Tên chuyên đề": 2, "Người phụ trách": 4 });
    const reg = findRegister(book([s]))!;
    expect(reg.topics.map((t) => t.title)).toEqual(["A"]);
  });

  it("reads a two-row header: a group header merged over sub-headers", () => {
    const s = sheet(
      "S",
      [
        ["STT", "Tên chuyên đề", "Ngày", "", "", "Ghi chú"],
        ["", "", "Thông qua", "Gửi dự thảo", "Sinh hoạt", ""],
        [1, "A", "1/2/2024", "3/2/2024", "10/2/2024", ""],
      ],
      ["A1:A2", "B1:B2", "C1:E1", "F1:F2"],
    );
    const reg = findRegister(book([s]))!;
    expect(reg.headerRow).toBe(1);
    expect(reg.columns).toMatchObject({
      STT: 1,
      "Tên chuyên đề": 2,
      "Ngày thông qua": 3,
      "Ngày gửi dự thảo": 4,
      "Ngày sinh hoạt": 5,
      "Ghi chú": 6,
    });
    expect(reg.topics.map((t) => [t.row, t.title, t.meetingOn.text])).toEqual([[3, "A", "10/2/2024"]]);
    expect(reg.untitledRows).toEqual([]);
  });

  it("reads headers merged down over two rows", () => {
    const s = sheet(
      "S",
      [
        ["STT", "Tên chuyên đề", "Người phụ trách"],
        ["", "", ""],
        [1, "A", "An"],
      ],
      ["A1:A2", "B1:B2", "C1:C2"],
    );
    const reg = findRegister(book([s]))!;
    expect(reg.topics.map((t) => t.row)).toEqual([3]);
  });
});

describe("the other tables", () => {
  const regSheet = () =>
    sheet("Sổ", [
      ["STT", "Tên chuyên đề", "Đảng viên phụ trách", "Tình trạng", "Ngày sinh hoạt", "Ghi chú"],
      [1, "Một", "Lê Thị Mai", "Đã sinh hoạt", "10/02/2023", ""],
    ]);

  it("finds them by table name", () => {
    const s = sheet("Dữ liệu", [
      ["Họ và tên", "Chức vụ", "Loại", "Miễn sinh hoạt", "Ghi chú"],
      ["Lê Thị Mai", "Bí thư", "Chính thức", "Không", ""],
      [],
      ["STT chuyên đề", "Họ và tên", "Tình trạng", "Lý do"],
      [1, "Lê Thị Mai", "Có mặt", ""],
      [1, "Phan Văn Hùng", "Vắng có lý do", "Ốm"],
    ]);
    const g = book([regSheet(), s], [table("tblDangVien", "Dữ liệu", "A1:E2"), table("tblDiemDanh", "Dữ liệu", "A4:D6")]);
    const p = readWorkbook(g);
    expect(p.members?.rows.map((m) => [m.row, m.name, m.role, m.kind, m.exempt])).toEqual([
      [2, "Lê Thị Mai", "Bí thư", "chinhThuc", false],
    ]);
    expect(p.attendance?.headerRow).toBe(4);
    expect(p.attendance?.rows.map((a) => [a.row, a.topicStt, a.name, a.status, a.reason])).toEqual([
      [5, 1, "Lê Thị Mai", "present", ""],
      [6, 1, "Phan Văn Hùng", "absentWithReason", "Ốm"],
    ]);
  });

  it("finds them on sheets of their names with only the key column needed", () => {
    const g = book([
      regSheet(),
      sheet("Đảng viên", [["Danh sách đảng viên"], ["Họ và tên"], ["Lê Thị Mai"], ["Phan Văn Hùng"]]),
      sheet("Biên bản", [
        ["Bắt đầu", "Kết thúc"],
        ["8:00", "10h00"],
      ]),
      sheet("Ý kiến", [["Người phát biểu"], ["Lê Thị Mai"]]),
    ]);
    const p = readWorkbook(g);
    expect(p.members?.headerRow).toBe(2);
    expect(p.members?.rows.map((m) => m.name)).toEqual(["Lê Thị Mai", "Phan Văn Hùng"]);
    expect(p.minutes?.rows.map((m) => [m.start, m.end])).toEqual([[480, 600]]);
    expect(p.opinions?.rows.map((o) => o.speaker)).toEqual(["Lê Thị Mai"]);
    expect(p.attendance).toBeNull();
  });

  it("finds them on any sheet with two matching columns including the key, never on the register's", () => {
    const g = book([
      regSheet(),
      sheet("DS", [
        ["Họ tên", "Chức vụ"],
        ["Lê Thị Mai", "Bí thư"],
      ]),
      sheet("DD", [
        ["Chuyên đề số", "Họ tên", "Có mặt/vắng", "Lý do vắng"],
        [1, "Lê Thị Mai", "Vắng không lý do", ""],
      ]),
      sheet("BB", [
        ["Chuyên đề số", "Giờ bắt đầu", "Giờ kết thúc", "Chủ trì", "Thư ký"],
        [1, "8h", "9h30", "Lê Thị Mai", "Phan Văn Hùng"],
      ]),
      sheet("YK", [
        ["STT", "Ý kiến của", "Nội dung ý kiến"],
        [1, "Phan Văn Hùng", "Nhất trí"],
      ]),
    ]);
    const p = readWorkbook(g);
    expect(p.members?.sheet).toBe("DS");
    expect(p.attendance?.sheet).toBe("DD");
    expect(p.attendance?.rows[0]).toMatchObject({ topicStt: 1, name: "Lê Thị Mai", status: "absentWithoutReason" });
    expect(p.minutes?.sheet).toBe("BB");
    expect(p.minutes?.rows[0]).toMatchObject({ topicStt: 1, start: 480, end: 570, chair: "Lê Thị Mai", secretary: "Phan Văn Hùng" });
    expect(p.opinions?.sheet).toBe("YK");
    expect(p.opinions?.rows[0]).toMatchObject({ topicStt: 1, speaker: "Phan Văn Hùng", content: "Nhất trí" });
  });

  it("does not take the register sheet for the member list or the attendance", () => {
    // The register has "Đảng viên phụ trách" (→ Họ và tên), "Tình trạng" and "Ghi chú".
    const p = readWorkbook(book([regSheet()]));
    expect(p.register?.topics).toHaveLength(1);
    expect(p.members).toBeNull();
    expect(p.attendance).toBeNull();
  });

  it("drops signature rows below a hand-made list and skips blank rows", () => {
    const g = book([
      regSheet(),
      sheet("Đảng viên", [
        ["STT", "Họ và tên", "Chức vụ"],
        [1, "Lê Thị Mai", "Bí thư"],
        [],
        [2, "Phan Văn Hùng", ""],
        [3, "", ""],
        [null, null, "Người lập danh sách"],
      ]),
    ]);
    expect(readWorkbook(g).members?.rows.map((m) => [m.row, m.name])).toEqual([
      [2, "Lê Thị Mai"],
      [4, "Phan Văn Hùng"],
    ]);
  });

  it("finds the member list by its own synonyms", () => {
    const s = sheet("X", [
      ["Họ và tên đảng viên", "Đảng viên chính thức/dự bị", "Được miễn sinh hoạt"],
      ["An", "Dự bị", "x"],
    ]);
    const h = findHeaderRow(s, MEMBER_SPECS, { minMatches: 2, key: "Họ và tên" })!;
    expect(h.columns).toEqual({ "Họ và tên": 1, Loại: 2, "Miễn sinh hoạt": 3 });
    const p = readWorkbook(book([regSheet(), s]));
    expect(p.members?.rows[0]).toMatchObject({ name: "An", kind: "duBi", exempt: true });
  });
});

describe("Thông tin", () => {
  it("reads key/value rows under a Mục | Giá trị header", () => {
    const g = book([
      sheet("Thông tin", [
        ["Mục", "Giá trị"],
        ["Đảng bộ cấp trên", "Đảng bộ Khối"],
        ["Đảng bộ cơ sở", "Đảng bộ Sở Giáo dục"],
        ["Chi bộ", "Chi bộ Trường THCS Lê Lợi"],
        ["Năm", 2023],
        ["Bí thư", "Lê Thị Mai"],
        ["Phó bí thư", "Phan Văn Hùng"],
        ["Địa danh", "Thành phố Hồ Chí Minh"],
        ["Số chuyên đề tối thiểu/năm", 6],
        ["Tỷ lệ dự tối thiểu", "90%"],
        ["Thời lượng tối thiểu (phút)", 60],
        ["Thời lượng tối thiểu khi lồng ghép (phút)", 100],
        // Starts like "Chi bộ" but is its own, longer key.
        ["Chi bộ có chi ủy", "Có"],
      ]),
    ]);
    expect(readInfo(g)).toEqual({
      dangBoCapTren: "Đảng bộ Khối",
      dangBoCoSo: "Đảng bộ Sở Giáo dục",
      chiBo: "Chi bộ Trường THCS Lê Lợi",
      year: 2023,
      biThu: "Lê Thị Mai",
      phoBiThu: "Phan Văn Hùng",
      diaDanh: "Thành phố Hồ Chí Minh",
      minTopicsPerYear: 6,
      minAttendanceRate: 0.9,
      minDurationMinutes: 60,
      minDurationCombinedMinutes: 100,
      hasCommittee: true,
      found: true,
    });
  });

  it("reads key/value rows without a header, wherever the first cell is", () => {
    const g = book([
      sheet("Thong tin", [
        [null, "THÔNG TIN CHI BỘ"],
        [],
        [null, "Tên chi bộ:", null, "Chi bộ 3"],
        [null, "Năm", "2024"],
        [null, "Tỉ lệ dự", 85],
        [null, "Bí thư chi bộ", "Trần Văn Bình"],
      ]),
    ]);
    const info = readInfo(g);
    expect(info).toMatchObject({ chiBo: "Chi bộ 3", year: 2024, minAttendanceRate: 0.85, biThu: "Trần Văn Bình", found: true });
  });

  it("accepts the rate as 85%, 0.85 or 85", () => {
    for (const v of ["85%", 0.85, 85, "85"]) {
      const g = book([sheet("Thông tin", [["Tỷ lệ dự tối thiểu", v]])]);
      expect(readInfo(g).minAttendanceRate).toBeCloseTo(0.85);
    }
  });

  it("applies the defaults, and a year outside 1900–2200 is no year", () => {
    const g = book([
      sheet("Thông tin", [
        ["Năm", 23],
        ["Số chuyên đề tối thiểu/năm", "bốn"],
        ["Tỷ lệ dự tối thiểu", ""],
      ]),
    ]);
    const info = readInfo(g);
    expect(info).toMatchObject({
      year: null,
      minTopicsPerYear: 4,
      minAttendanceRate: 0.85,
      minDurationMinutes: 90,
      minDurationCombinedMinutes: 120,
      found: true,
    });
    const none = readInfo(book([sheet("Khác", [["Năm", 2023]])]));
    expect(none).toMatchObject({ year: null, chiBo: "", minTopicsPerYear: 4, found: false });
  });

  it("reads the table tblThongTin wherever it is", () => {
    const g = book(
      [sheet("Cấu hình", [["ghi chú"], ["Mục", "Giá trị"], ["Chi bộ", "Chi bộ 5"], ["Năm", 2025]])],
      [table("tblThongTin", "Cấu hình", "A2:B4")],
    );
    expect(readInfo(g)).toMatchObject({ chiBo: "Chi bộ 5", year: 2025, found: true });
  });
});

describe("readWorkbook", () => {
  it("lists sheets in order and carries the date system", () => {
    const p = readWorkbook(book([sheet("A", [["x"]]), sheet("B", [CANON, [1, "I", "T"]])], [], true));
    expect(p.sheetOrder).toEqual(["A", "B"]);
    expect(p.date1904).toBe(true);
    expect(p.register?.sheet).toBe("B");
    expect(p.info.found).toBe(false);
  });

  it("sees a change to the grid when read again", () => {
    const s = sheet("S", [CANON, [1, "I", "Một"]]);
    const g = book([s]);
    expect(titles(g)).toEqual(["Một"]);
    s.values.push([2, "II", "Hai"]);
    s.values[1][2] = "Một (sửa)";
    expect(titles(g)).toEqual(["Một (sửa)", "Hai"]);
  });

  it("returns no register for a workbook without one", () => {
    const p = readWorkbook(
      book([
        sheet("A", [
          ["Họ tên", "Địa chỉ"],
          ["An", "Hà Nội"],
        ]),
      ]),
    );
    expect(p.register).toBeNull();
  });
});

describe("column-numbering row", () => {
  it("skips the (1) (2) (3) row that official forms put under the header", () => {
    for (const numbers of [
      ["(1)", "(2)", "(3)", "(4)"],
      [1, 2, 3, 4],
    ]) {
      const g = book([
        sheet("S", [["STT", "Tên chuyên đề", "Người phụ trách", "Ngày sinh hoạt"], numbers, [1, "Một", "An", "10/02/2023"]]),
      ]);
      const reg = findRegister(g)!;
      expect(reg.topics.map((t) => [t.row, t.title])).toEqual([[3, "Một"]]);
      expect(reg.untitledRows).toEqual([]);
    }
  });
});

describe("every column of the secondary tables lands in its field", () => {
  it("reads a canonical Biên bản and Đảng viên row field by field", () => {
    const minutesHead = [
      "STT chuyên đề",
      "Bắt đầu",
      "Kết thúc",
      "Địa điểm",
      "Chủ trì",
      "Thư ký",
      "Đại biểu",
      "Mục đích, yêu cầu",
      "Kết luận",
      "Nhiệm vụ giao",
      "Biểu quyết",
    ];
    const g = book([
      sheet("Sổ", [CANON, [1, "I", "Một"]]),
      sheet("Biên bản", [
        minutesHead,
        [1, "08:00", "10:15", "Hội trường", "An", "Bình", "Đ/c Cường", "Quán triệt", "Thống nhất", "Viết bài", "12/12 tán thành"],
      ]),
      sheet("Đảng viên", [
        ["Ghi chú", "Miễn sinh hoạt", "Loại", "Chức vụ", "Họ và tên"],
        ["ốm dài ngày", "Có", "Chính thức", "Đảng viên", "Cường"],
      ]),
    ]);
    const p = readWorkbook(g);
    expect(p.minutes?.rows[0]).toEqual({
      row: 2,
      topicStt: 1,
      start: 480,
      end: 615,
      place: "Hội trường",
      chair: "An",
      secretary: "Bình",
      delegates: "Đ/c Cường",
      purpose: "Quán triệt",
      conclusion: "Thống nhất",
      tasks: "Viết bài",
      vote: "12/12 tán thành",
    });
    expect(p.members?.rows[0]).toEqual({ row: 2, name: "Cường", role: "Đảng viên", kind: "chinhThuc", exempt: true, note: "ốm dài ngày" });
    expect(p.members?.columns).toEqual({ "Ghi chú": 1, "Miễn sinh hoạt": 2, Loại: 3, "Chức vụ": 4, "Họ và tên": 5 });
  });
});

describe("a sheet that could be two lists", () => {
  it("goes to the list it matches best", () => {
    const g = book([
      sheet("Sổ", [CANON, [1, "I", "Một"]]),
      sheet("DD", [
        ["STT chuyên đề", "Họ tên", "Tình trạng", "Lý do", "Ghi chú"],
        [1, "An", "Có mặt", "", ""],
      ]),
      sheet("DS", [
        ["Họ tên", "Chức vụ"],
        ["An", "Bí thư"],
      ]),
    ]);
    const p = readWorkbook(g);
    expect(p.attendance?.sheet).toBe("DD");
    expect(p.members?.sheet).toBe("DS");
  });
});

describe("horizontal merges", () => {
  it("a note merged across the whole table after the last topic is a footer, not a topic", () => {
    const g = book([
      sheet(
        "Sổ",
        [
          CANON,
          [1, "I", "Học tập Nghị quyết", "An", "10/02/2024", "", ""],
          [2, "II", "Xây dựng chi bộ vững mạnh", "Bình", "10/05/2024", "", ""],
          ["Ghi chú: chi bộ đã sinh hoạt đủ", "Ghi chú: chi bộ đã sinh hoạt đủ", "Ghi chú: chi bộ đã sinh hoạt đủ", "", "", "", ""],
        ],
        ["A4:G4"],
      ),
    ]);
    const reg = findRegister(g)!;
    expect(reg.topics.map((t) => t.title)).toEqual(["Học tập Nghị quyết", "Xây dựng chi bộ vững mạnh"]);
    expect(reg.untitledRows).toEqual([]);
  });

  it("a title merged across two columns does not leak into the next column", () => {
    const g = book([
      sheet(
        "Sổ",
        [
          ["STT", "Tên chuyên đề", "", "Người phụ trách", "Ngày sinh hoạt"],
          [1, "Học tập Nghị quyết", "Học tập Nghị quyết", "An", "10/02/2024"],
        ],
        ["B1:C1", "B2:C2"],
      ),
    ]);
    const t = findRegister(g)!.topics[0];
    expect(t.title).toBe("Học tập Nghị quyết");
    expect(t.assignees).toEqual(["An"]);
  });
});
