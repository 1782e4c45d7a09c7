// Audit: registers shaped like the ones secretaries keep, each checked end to end with
// `node bin/chuyende.js kiem-tra FILE --json` against a finding list worked out by hand
// from SPEC §3.6/§3.7/§4 (code, severity, sheet, row, column, in the §4 order), plus
// year, register {sheet, headerRow, topics}, quarters and the exit code.
// Together they fire every rule code and the boundaries §4 names (M = D, approval and
// sending on M, a quarter ending on D, a tie in year inference, cancelled rows silent
// but for NGAY_KHONG_HOP_LE).
// Columns where §4 names none (TY_LE_DU_THAP, THIEU_DIEM_DANH) are null: the product's choice.
jest.setTimeout(180_000);
import * as path from "path";
import ExcelJS from "exceljs";
import { ensureBuilt, runBin } from "./helpers/run";
import { makeTempDir, removeTempDir } from "../support/xlsx";

type Cell = string | number | Date | null;
type Expected = [code: string, severity: "error" | "warning", sheet: string, row: number | null, column: string | null];
interface SheetSpec {
  name: string;
  rows?: Record<number, Cell[]>;
  merges?: string[];
  table?: { name: string; ref: string; columns: string[]; rows: Cell[][] };
}
interface Reg {
  name: string;
  args: string[];
  sheets: SheetSpec[];
  expected: {
    year: number;
    register: { sheet: string; headerRow: number; topics: number };
    /** [quarter, held, planned, ok] */
    quarters: [number, number, number, boolean][];
    findings: Expected[];
  };
}

const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));
/** An Excel serial number (1900 system) typed as a plain number. */
const serial = (y: number, m: number, day: number) => (Date.UTC(y, m - 1, day) - Date.UTC(1899, 11, 30)) / 86400000;
const PT = "Người phụ trách",
  TQ = "Ngày thông qua",
  GD = "Ngày gửi dự thảo",
  SH = "Ngày sinh hoạt",
  HT = "Ngày gửi bản hoàn thiện",
  BC = "Ngày báo cáo cấp trên",
  TEN = "Tên chuyên đề",
  QUY = "Quý";

const registers: Reg[] = [];

// R1 — school cell: cover first, Thông tin without header (Năm, thresholds), banner + merged title,
// header on row 5 with synonyms, Roman Quý merged over its topics, dates as cells and text in many
// forms, members, attendance (80% boundary, Miễn), minutes (60-min and Lồng ghép 120-min boundaries).
registers.push({
  name: "r1-truong-tieu-hoc",
  args: ["--ngay", "2024-07-15"],
  sheets: [
    { name: "Bìa", rows: { 3: ["SỔ THEO DÕI SINH HOẠT CHUYÊN ĐỀ"], 5: ["Năm 2024"] } },
    {
      name: "Thông tin",
      rows: {
        1: ["THÔNG TIN CHI BỘ"],
        2: ["Chi bộ", "Chi bộ Trường Tiểu học Hòa Bình"],
        3: ["Năm", 2024],
        4: ["Tỷ lệ dự tối thiểu", "80%"],
        5: ["Thời lượng tối thiểu (phút)", 60],
        6: ["Số chuyên đề tối thiểu/năm", 8],
      },
    },
    {
      name: "KH 2024",
      merges: ["A1:D1", "A3:L3", "B6:B7", "B8:B9", "B10:B11"],
      rows: {
        1: ["ĐẢNG BỘ XÃ HÒA BÌNH"],
        2: ["CHI BỘ TRƯỜNG TIỂU HỌC"],
        3: ["KẾ HOẠCH SINH HOẠT CHUYÊN ĐỀ NĂM 2024"],
        5: [
          "TT",
          "Quý sinh hoạt",
          "Nội dung sinh hoạt chuyên đề",
          "Đồng chí phụ trách",
          "Ngày chi ủy duyệt",
          "Ngày gửi đảng viên",
          "Thời gian sinh hoạt",
          "Hình thức",
          "Tình trạng",
          "Ngày gửi hoàn thiện",
          "Ngày báo cáo cấp trên",
          "Ghi chú",
        ],
        6: [
          1,
          "I",
          "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về xây dựng Đảng",
          "Đ/c Nguyễn Văn An",
          d(2024, 1, 5),
          "10/01/2024",
          "20/01/2024",
          "Riêng",
          "Đã sinh hoạt",
          "25/01/2024",
          "30/01/2024",
        ],
        7: [
          2,
          null,
          "Nâng cao chất lượng giáo dục đạo đức học sinh",
          "Trần Thị Bình",
          "1/3/2024",
          "5-3-2024",
          "15.3.2024",
          "Lồng ghép",
          "Đã sinh hoạt",
          null,
          "20/03/2024",
        ],
        8: [
          3,
          "II",
          "Công tác phát triển đảng viên trẻ",
          "Lê Văn Cường và Phạm Thị Dung",
          "ngày 2 tháng 4 năm 2024",
          "2024-04-08",
          "08/04/2024",
          "Riêng",
          "Đã sinh hoạt",
          "10/04/2024",
          "12/04/2024",
        ],
        9: [4, null, "Chuyển đổi số trong công tác dạy học", "Nguyễn Văn An", null, null, "20/6/24", null, "Dự kiến"],
        10: [
          5,
          "III",
          "Phòng chống đuối nước cho học sinh trong hè",
          "Trần Thị Bình",
          "01/07/2024",
          "05/07/2024",
          "15/07/2024",
          "Riêng",
          "Dự kiến",
        ],
        11: [6, null, "Xây dựng trường học hạnh phúc", "Nguyễn Văn An", null, null, null, null, "Dự kiến"],
        12: [7, "IV", "Tổng kết công tác xây dựng Đảng năm 2024", "Trần Thị Bình", null, null, null, null, "Dự kiến"],
        14: [null, null, null, null, null, null, null, null, null, "BÍ THƯ"],
        15: [null, null, null, null, null, null, null, null, null, "Nguyễn Văn An"],
      },
    },
    {
      name: "Đảng viên",
      rows: {
        1: ["STT", "Họ và tên", "Chức vụ", "Loại", "Miễn sinh hoạt"],
        2: [1, "Nguyễn Văn An", "Bí thư", "Chính thức", "Không"],
        3: [2, "Trần Thị Bình", "Phó bí thư", "Chính thức", "Không"],
        4: [3, "Lê Văn Cường", "Đảng viên", "Chính thức", "Không"],
        5: [4, "Hoàng Văn Em", "Đảng viên", "Dự bị", "Không"],
        6: [5, "Đỗ Thị Giang", "Đảng viên", "Chính thức", "Có"],
      },
    },
    {
      name: "Điểm danh",
      rows: {
        1: ["STT chuyên đề", "Họ và tên", "Tình trạng", "Lý do"],
        2: [1, "Nguyễn Văn An", "Có mặt"],
        3: [1, "Trần Thị Bình", "Có mặt"],
        4: [1, "Lê Văn Cường", "Có mặt"],
        5: [1, "Hoàng Văn Em", "Vắng có lý do", "Ốm"],
        6: [1, "Đỗ Thị Giang", "Có mặt"],
        7: [2, "Nguyễn Văn An", "Có mặt"],
        8: [2, "Trần Thị Bình", "Có mặt"],
        9: [2, "Lê Văn Cường", "Vắng không lý do"],
        10: [2, "Hoàng Văn Em", "Có mặt"],
        11: [2, "Đỗ Thị Giang", "Miễn sinh hoạt"],
        12: [3, "Nguyễn Văn An", "Có mặt"],
        13: [3, "Trần Thị Bình", "Có mặt"],
        14: [3, "Lê Văn Cường", "Vắng không lý do"],
        15: [3, "Hoàng Văn Em", "Có mặt"],
        16: [3, "Đỗ Thị Giang", "Có mặt"],
      },
    },
    {
      name: "Biên bản",
      rows: {
        1: ["STT chuyên đề", "Bắt đầu", "Kết thúc", "Địa điểm"],
        2: [1, "7:30", "8h30", "Phòng họp"],
        3: [2, "14:00", "16:00", "Phòng họp"],
        4: [3, "8 giờ 30", "9h15", "Phòng họp"],
      },
    },
  ],
  expected: {
    year: 2024,
    register: { sheet: "KH 2024", headerRow: 5, topics: 7 },
    quarters: [
      [1, 2, 2, true],
      [2, 2, 2, true],
      [3, 1, 2, true],
      [4, 0, 1, true],
    ],
    findings: [
      ["THIEU_KE_HOACH_NAM", "error", "KH 2024", null, null],
      ["CHUA_GUI_HOAN_THIEN", "warning", "KH 2024", 7, HT],
      ["TY_LE_DU_THAP", "warning", "KH 2024", 7, null],
      ["GUI_DU_THAO_MUON", "error", "KH 2024", 8, GD],
      ["PHU_TRACH_LA", "warning", "KH 2024", 8, PT],
      ["CHUA_BAO_CAO_CAP_TREN", "warning", "KH 2024", 9, BC],
      ["CHUA_GUI_HOAN_THIEN", "warning", "KH 2024", 9, HT],
      ["THIEU_DIEM_DANH", "warning", "KH 2024", 9, null],
      ["THIEU_GUI_DU_THAO", "error", "KH 2024", 9, GD],
      ["THIEU_THONG_QUA", "error", "KH 2024", 9, TQ],
      ["CHUA_BAO_CAO_CAP_TREN", "warning", "KH 2024", 10, BC],
      ["CHUA_GUI_HOAN_THIEN", "warning", "KH 2024", 10, HT],
      ["THIEU_DIEM_DANH", "warning", "KH 2024", 10, null],
      ["VANG_KHONG_LY_DO", "warning", "Điểm danh", 9, "Tình trạng"],
      ["VANG_KHONG_LY_DO", "warning", "Điểm danh", 14, "Tình trạng"],
      ["VANG_NHIEU_LAN", "warning", "Điểm danh", 14, "Họ và tên"],
      ["THOI_LUONG_NGAN", "warning", "Biên bản", 4, "Kết thúc"],
    ],
  },
});

// R2 — header on row 2, no Thông tin, no Quý / hoàn thiện / báo cáo columns; year inferred from a
// 3–3 tie (cancelled row counts) → later year, D in the next year; invalid 31/02 with held status.
registers.push({
  name: "r2-khu-pho",
  args: ["--ngay", "2024-02-10"],
  sheets: [
    {
      name: "Sheet1",
      rows: {
        1: ["Chi bộ Khu phố 3 - Theo dõi sinh hoạt chuyên đề"],
        2: ["STT", "Tên chuyên đề", "Người chuẩn bị", "Ngày thông qua", "Ngày gửi dự thảo", "Ngày sinh hoạt", "Trạng thái", "Ghi chú"],
        3: [1, "Quán triệt Nghị quyết Trung ương 6 khóa XIII", "Võ Minh Tâm", "02/03/2022", "05/03/2022", "10/03/2022", "Đã sinh hoạt"],
        4: [2, "Phòng chống cháy nổ trong khu dân cư", "Đặng Thị Hoa", "01/11/2022", "10/11/2022", "15/11/2022", "Đã sinh hoạt"],
        5: [3, "Xây dựng khu phố văn minh", "Võ Minh Tâm", "01/02/2023", "05/02/2023", "20/02/2023", "Hoàn thành"],
        6: [4, "Công tác dân vận ở khu phố", "Đặng Thị Hoa", "10/05/2023", "09/05/2023", "31/02/2023", "Đã sinh hoạt"],
        7: [5, "Chăm lo gia đình chính sách", "Võ Minh Tâm", "01/08/2023", "03/08/2023", "25/8/2023", "Đã tổ chức"],
        8: [6, "Vận động nhân dân tham gia bảo hiểm y tế", null, null, null, "12/10/2023"],
        9: [7, "Học tập chuyên đề năm 2022 (bổ sung)", "Đặng Thị Hoa", "01/12/2022", "05/12/2022", "20/12/2022", "Hủy"],
      },
    },
  ],
  expected: {
    year: 2023,
    register: { sheet: "Sheet1", headerRow: 2, topics: 7 },
    quarters: [
      [1, 1, 1, true],
      [2, 0, 0, false],
      [3, 1, 1, true],
      [4, 1, 1, true],
    ],
    findings: [
      ["THIEU_CHUYEN_DE_QUY", "error", "Sheet1", null, null],
      ["THIEU_COT", "warning", "Sheet1", null, HT],
      ["THIEU_COT", "warning", "Sheet1", null, BC],
      ["NGOAI_NAM", "warning", "Sheet1", 3, SH],
      ["NGOAI_NAM", "warning", "Sheet1", 4, SH],
      ["DA_SINH_HOAT_THIEU_NGAY", "error", "Sheet1", 6, SH],
      ["GUI_TRUOC_THONG_QUA", "error", "Sheet1", 6, GD],
      ["NGAY_KHONG_HOP_LE", "error", "Sheet1", 6, SH],
      ["THIEU_QUY", "warning", "Sheet1", 6, QUY],
      ["THIEU_GUI_DU_THAO", "error", "Sheet1", 8, GD],
      ["THIEU_PHU_TRACH", "error", "Sheet1", 8, PT],
      ["THIEU_THONG_QUA", "error", "Sheet1", 8, TQ],
    ],
  },
});

// R3 — boundaries: approval on M, sending on M, finished on M (fine) and report before M, M = D held,
// quarter II ending on D; Hoãn/Hủy rows with invalid dates (only NGAY_KHONG_HOP_LE); held status
// without a date; Thông tin with a Mục | Giá trị header and Năm as text.
const canon = [
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
  "Ghi chú",
];
registers.push({
  name: "r3-bien",
  args: ["--ngay", "2025-06-30"],
  sheets: [
    { name: "Thông tin", rows: { 1: ["Mục", "Giá trị"], 2: ["Chi bộ", "Chi bộ Phòng Kế toán"], 3: ["Năm", "2025"] } },
    {
      name: "Sổ 2025",
      merges: ["A1:N1"],
      rows: {
        1: ["SỔ CHUYÊN ĐỀ NĂM 2025"],
        3: canon,
        4: [
          1,
          1,
          "Quán triệt Nghị quyết Đại hội",
          "Xây dựng Đảng",
          "Hồ Văn Tài",
          "10/01/2025",
          "Chi ủy",
          "15/01/2025",
          "20/01/2025",
          "Riêng",
          "Đã sinh hoạt",
          "25/01/2025",
          "25/01/2025",
        ],
        5: [
          2,
          1,
          "Thực hành tiết kiệm trong cơ quan",
          "Nhiệm vụ chuyên môn",
          "Hồ Văn Tài",
          "10/02/2025",
          "Bí thư",
          "10/02/2025",
          "10/02/2025",
          "Riêng",
          "Đã sinh hoạt",
          "10/02/2025",
          "09/02/2025",
        ],
        6: [
          3,
          "II",
          "Kiểm soát nội bộ về tài chính",
          "Nhiệm vụ chuyên môn",
          "Lâm Thị Uyên",
          "20/06/2025",
          "Chi ủy",
          "25/06/2025",
          "30/06/2025",
          "Riêng",
        ],
        7: [
          4,
          "Quý 3",
          "Vai trò của Công đoàn cơ quan",
          "Lãnh đạo đoàn thể",
          "Lâm Thị Uyên",
          null,
          null,
          null,
          "15/08/2025",
          "Riêng",
          "Kế hoạch",
        ],
        8: [5, "Q4", "Phòng chống lãng phí", null, null, "32/09/2025", null, null, "15/10/2025", null, "Hoãn"],
        9: [6, 4, "quán triệt nghị quyết đại hội", null, null, null, null, null, null, null, "Hủy", "15/13/2025"],
        10: [
          7,
          "Quý II/2025",
          "Học tập gương người tốt việc tốt",
          "Xây dựng Đảng",
          "Hồ Văn Tài",
          "01/04/2025",
          "Chi ủy",
          "05/04/2025",
          null,
          "Riêng",
          "Đã sinh hoạt",
          "20/04/2025",
          "20/04/2025",
        ],
      },
    },
  ],
  expected: {
    year: 2025,
    register: { sheet: "Sổ 2025", headerRow: 3, topics: 7 },
    quarters: [
      [1, 2, 2, true],
      [2, 2, 2, true],
      [3, 0, 1, true],
      [4, 0, 0, false],
    ],
    findings: [
      ["THIEU_CHUYEN_DE_QUY", "warning", "Sổ 2025", null, null],
      ["GUI_DU_THAO_MUON", "error", "Sổ 2025", 5, GD],
      ["HOAN_THIEN_TRUOC_SINH_HOAT", "error", "Sổ 2025", 5, BC],
      ["THONG_QUA_MUON", "error", "Sổ 2025", 5, TQ],
      ["CHUA_BAO_CAO_CAP_TREN", "warning", "Sổ 2025", 6, BC],
      ["CHUA_GUI_HOAN_THIEN", "warning", "Sổ 2025", 6, HT],
      ["NGAY_KHONG_HOP_LE", "error", "Sổ 2025", 8, TQ],
      ["NGAY_KHONG_HOP_LE", "error", "Sổ 2025", 9, HT],
      ["DA_SINH_HOAT_THIEU_NGAY", "error", "Sổ 2025", 10, SH],
    ],
  },
});

// R4 — duplicates by case and old/new tone placement (Hoà/Hòa), an earlier cancelled duplicate,
// a same title in another year, invalid 31/04 approval on a held row, quarter III ending on D with
// only a planned topic; --nam overrides Năm in Thông tin.
registers.push({
  name: "r4-trung-ten",
  args: ["--ngay", "2023-09-30", "--nam", "2023"],
  sheets: [
    { name: "Thông tin", rows: { 1: ["Năm", 2022], 2: ["Chi bộ", "Chi bộ Ấp Tân Hòa"] } },
    {
      name: "Chuyên đề",
      merges: ["A1:J1"],
      rows: {
        1: ["KẾ HOẠCH SINH HOẠT CHUYÊN ĐỀ NĂM 2023"],
        3: [
          "STT",
          "Quý",
          "Tên chuyên đề",
          "Người phụ trách",
          "Ngày thông qua",
          "Ngày gửi dự thảo",
          "Ngày sinh hoạt",
          "Trạng thái",
          "Ngày gửi bản hoàn thiện",
          "Ngày báo cáo cấp trên",
        ],
        4: [
          1,
          1,
          "Nâng cao vai trò của Hội phụ nữ",
          "Lý Thị Hoà",
          "05/01/2023",
          "10/01/2023",
          d(2023, 1, 20),
          "Đã sinh hoạt",
          "25/01/2023",
          "25/01/2023",
        ],
        5: [
          2,
          1,
          "nâng cao vai trò của hội phụ nữ",
          "Lý Thị Hòa",
          "01/03/2023",
          "05/03/2023",
          "15/03/2023",
          "Đã sinh hoạt",
          "20/03/2023",
          "20/03/2023",
        ],
        6: [3, 2, "Công tác hoà giải ở cơ sở", null, null, null, null, "Hủy"],
        7: [
          4,
          2,
          "Công tác hòa giải ở cơ sở",
          "Lý Thị Hòa",
          "01/05/2023",
          "05/05/2023",
          "10/05/2023",
          "Đã sinh hoạt",
          "15/05/2023",
          "15/05/2023",
        ],
        8: [
          5,
          2,
          "CÔNG TÁC HOÀ GIẢI Ở CƠ SỞ",
          "Lý Thị Hòa",
          "01/06/2023",
          "05/06/2023",
          "10/06/2023",
          "Đã sinh hoạt",
          "15/06/2023",
          "15/06/2023",
        ],
        9: [6, "III", "Học tập và làm theo Chỉ thị 05", "Lý Thị Hòa", null, null, null, "Dự kiến"],
        10: [7, 3, "Công tác hòa giải ở cơ sở", "Lý Thị Hòa", "01/08/2022", "05/08/2022", "15/08/2022", null, "20/08/2022", "20/08/2022"],
        11: [8, 4, "Phòng chống tham nhũng, tiêu cực", "Lý Thị Hòa", null, null, "15/10/2023", "Dự kiến"],
        12: [9, 2, "Chuyển đổi số ở nông thôn", "Lý Thị Hòa", "31/04/2023", null, "20/02/2023", "Đã sinh hoạt", "25/02/2023", "25/02/2023"],
      },
    },
  ],
  expected: {
    year: 2023,
    register: { sheet: "Chuyên đề", headerRow: 3, topics: 9 },
    quarters: [
      [1, 3, 3, true],
      [2, 2, 2, true],
      [3, 0, 1, false],
      [4, 0, 1, true],
    ],
    findings: [
      ["THIEU_CHUYEN_DE_QUY", "error", "Chuyên đề", null, null],
      ["TRUNG_TEN", "warning", "Chuyên đề", 5, TEN],
      ["TRUNG_TEN", "warning", "Chuyên đề", 8, TEN],
      ["NGOAI_NAM", "warning", "Chuyên đề", 10, SH],
      ["NGAY_KHONG_HOP_LE", "error", "Chuyên đề", 12, TQ],
      ["SAI_QUY", "warning", "Chuyên đề", 12, QUY],
      ["THIEU_GUI_DU_THAO", "error", "Chuyên đề", 12, GD],
      ["THIEU_THONG_QUA", "error", "Chuyên đề", 12, TQ],
    ],
  },
});

// R5 — tblChuyenDe table on the 3rd sheet while an earlier sheet also has a header row; members
// as a table; attendance sheet with a title row and "Họ tên"; rates below 85% with Miễn; a member
// absent without reason at 3 held topics; Lồng ghép 100 min; times as Excel fractions; 90-min boundary.
const tblCols = canon;
registers.push({
  name: "r5-diem-danh",
  args: ["--ngay", "2024-12-31"],
  sheets: [
    {
      name: "Nháp",
      rows: { 1: ["STT", "Tên chuyên đề", "Người phụ trách", "Ngày sinh hoạt"], 2: [1, "Bản nháp cũ", "Ai đó", "01/01/2024"] },
    },
    { name: "Thông tin", rows: { 1: ["Năm", 2024] } },
    {
      name: "Kế hoạch",
      rows: { 1: [null, "SỔ CHUYÊN ĐỀ CHI BỘ KHỐI VĂN PHÒNG"] },
      table: {
        name: "tblChuyenDe",
        ref: "B3",
        columns: tblCols,
        rows: [
          [
            1,
            1,
            "Học tập Nghị quyết Đại hội XIII",
            "Xây dựng Đảng",
            "Hà Văn Khoa",
            d(2024, 1, 5),
            "Chi ủy",
            d(2024, 1, 8),
            d(2024, 1, 15),
            "Riêng",
            "Đã sinh hoạt",
            d(2024, 1, 20),
            d(2024, 1, 20),
            null,
          ],
          [
            2,
            2,
            "Phát triển đảng viên mới",
            "Xây dựng Đảng",
            "Hà Văn Khoa; Mai Thị Lan",
            d(2024, 4, 2),
            "Chi ủy",
            d(2024, 4, 5),
            d(2024, 4, 10),
            "Lồng ghép",
            "Đã sinh hoạt",
            d(2024, 4, 15),
            d(2024, 4, 15),
            null,
          ],
          [
            3,
            3,
            "Cải cách hành chính trong cơ quan",
            "Nhiệm vụ chuyên môn",
            "Mai Thị Lan",
            d(2024, 7, 1),
            "Chi ủy",
            d(2024, 7, 5),
            d(2024, 7, 10),
            "Riêng",
            "Đã sinh hoạt",
            d(2024, 7, 15),
            d(2024, 7, 15),
            null,
          ],
          [
            4,
            4,
            "Lãnh đạo Đoàn thanh niên",
            "Lãnh đạo đoàn thể",
            "đồng chí Hà Văn Khoa",
            d(2024, 10, 1),
            "Chi ủy",
            d(2024, 10, 5),
            d(2024, 10, 10),
            "Riêng",
            "Đã sinh hoạt",
            d(2024, 10, 15),
            d(2024, 10, 15),
            null,
          ],
          [
            5,
            4,
            "An toàn thông tin",
            "Nhiệm vụ chuyên môn",
            "Ngô Văn Mạnh",
            d(2024, 11, 1),
            "Chi ủy",
            d(2024, 11, 5),
            d(2024, 11, 10),
            "Riêng",
            null,
            d(2024, 11, 15),
            d(2024, 11, 15),
            null,
          ],
        ],
      },
    },
    {
      name: "Đảng viên",
      table: {
        name: "tblDangVien",
        ref: "A1",
        columns: ["Họ và tên", "Chức vụ", "Loại", "Miễn sinh hoạt", "Ghi chú"],
        rows: [
          ["Hà Văn Khoa", "Bí thư", "Chính thức", "Không", null],
          ["Mai Thị Lan", "Phó bí thư", "Chính thức", "Không", null],
          ["Trịnh Văn Nam", "Đảng viên", "Chính thức", "Không", null],
          ["Bùi Thị Oanh", "Đảng viên", "Dự bị", "Không", null],
          ["Đinh Văn Phúc", "Đảng viên", "Chính thức", "Không", null],
          ["Cao Thị Quỳnh", "Đảng viên", "Chính thức", "Có", null],
        ],
      },
    },
    {
      name: "Điểm danh",
      rows: (() => {
        const r: Record<number, Cell[]> = { 1: ["ĐIỂM DANH SINH HOẠT CHUYÊN ĐỀ"], 2: ["STT chuyên đề", "Họ tên", "Tình trạng", "Lý do"] };
        const people = ["Hà Văn Khoa", "Mai Thị Lan", "Trịnh Văn Nam", "Bùi Thị Oanh", "Đinh Văn Phúc", "Cao Thị Quỳnh"];
        const st: Record<number, string[]> = {
          1: ["Có mặt", "Có mặt", "Vắng không lý do", "Có mặt", "Có mặt", "Có mặt"],
          2: ["Có mặt", "Có mặt", "Có mặt", "Có mặt", "Có mặt", "Miễn sinh hoạt"],
          3: ["Có mặt", "Có mặt", "Vắng không lý do", "Có mặt", "Có mặt", "Có mặt"],
          4: ["Có mặt", "Có mặt", "Vắng không lý do", "Có mặt", "Miễn sinh hoạt", "Có mặt"],
        };
        let row = 3;
        for (const stt of [1, 2, 3, 4]) people.forEach((p, i) => (r[row++] = [stt, p, st[stt][i]]));
        return r;
      })(),
    },
    {
      name: "Biên bản",
      rows: {
        1: ["STT chuyên đề", "Bắt đầu", "Kết thúc", "Địa điểm", "Chủ trì"],
        2: [1, "8:00", "9:30", "Hội trường", "Hà Văn Khoa"],
        3: [2, "14:00", "15:40", "Hội trường", "Hà Văn Khoa"],
        4: [3, 8 / 24, 9 / 24, "Hội trường", "Hà Văn Khoa"],
        5: [4, "7h30", null, "Hội trường", "Hà Văn Khoa"],
      },
    },
  ],
  expected: {
    year: 2024,
    register: { sheet: "Kế hoạch", headerRow: 3, topics: 5 },
    quarters: [
      [1, 1, 1, true],
      [2, 1, 1, true],
      [3, 1, 1, true],
      [4, 2, 2, true],
    ],
    findings: [
      ["TY_LE_DU_THAP", "warning", "Kế hoạch", 4, null],
      ["TY_LE_DU_THAP", "warning", "Kế hoạch", 6, null],
      ["TY_LE_DU_THAP", "warning", "Kế hoạch", 7, null],
      ["PHU_TRACH_LA", "warning", "Kế hoạch", 8, PT],
      ["THIEU_DIEM_DANH", "warning", "Kế hoạch", 8, null],
      ["VANG_KHONG_LY_DO", "warning", "Điểm danh", 5, "Tình trạng"],
      ["VANG_KHONG_LY_DO", "warning", "Điểm danh", 17, "Tình trạng"],
      ["VANG_NHIEU_LAN", "warning", "Điểm danh", 17, "Họ và tên"],
      ["VANG_KHONG_LY_DO", "warning", "Điểm danh", 23, "Tình trạng"],
      ["THOI_LUONG_NGAN", "warning", "Biên bản", 3, "Kết thúc"],
      ["THOI_LUONG_NGAN", "warning", "Biên bản", 4, "Kết thúc"],
    ],
  },
});

// R6 — messy hand-kept: notes sheet first, members on "DS đảng viên" (found by its header),
// header row 4 under two banners, STT-only row, a row with data but no title mid-register,
// held status without date, a 2021 topic and a 2023 topic, past-dated Dự kiến, signature footer,
// year inferred (most common), exactly 4 topics of Y.
registers.push({
  name: "r6-khu-pho-2",
  args: ["--ngay", "2022-10-05"],
  sheets: [
    { name: "Hướng dẫn", rows: { 1: ["Ghi chép theo Hướng dẫn 09-HD/ĐUK"], 2: ["Mỗi quý ít nhất một chuyên đề"] } },
    {
      name: "DS đảng viên",
      rows: {
        1: ["Họ và tên", "Chức vụ", "Ngày vào Đảng"],
        2: ["Phan Thị Hạnh", "Bí thư", "03/02/2001"],
        3: ["Trương Văn Lực", "Đảng viên", "19/05/2010"],
        4: ["Vũ Thị Mơ", "Đảng viên", "02/09/2015"],
      },
    },
    {
      name: "Theo dõi CĐ",
      merges: ["A1:J1", "A2:J2"],
      rows: {
        1: ["ĐẢNG BỘ PHƯỜNG 5"],
        2: ["CHI BỘ KHU PHỐ 2"],
        4: [
          "Số thứ tự",
          "Tên chủ đề",
          "Đ/c phụ trách",
          "Ngày phê duyệt",
          "Ngày gửi tài liệu",
          "Ngày tổ chức",
          "Trạng thái",
          "Ngày hoàn thiện",
          "Bao cao cap tren",
          "Quý",
        ],
        5: [
          1,
          "Tăng cường công tác kiểm tra, giám sát",
          "Phan Thị Hạnh",
          "10/01/2022",
          "12/01/2022",
          "18/01/2022",
          "Đã sinh hoạt",
          "20/01/2022",
          "20/01/2022",
          "I",
        ],
        6: [
          2,
          "Bảo vệ nền tảng tư tưởng của Đảng",
          "Phan Thị Hạnh, Trương Văn Lực",
          "01/04/2022",
          "05/04/2022",
          "ngày 12 tháng 4 năm 2022",
          null,
          "20/04/2022",
          "20/04/2022",
          "II",
        ],
        7: [3],
        8: [null, null, "Phan Thị Hạnh", null, null, "15/07/2022"],
        9: [4, "Học tập Bác về tinh thần tự học", "Trương Văn Lực", null, null, null, "Đã sinh hoạt", null, null, "III"],
        10: [
          5,
          "Tổng kết năm 2021 (bổ sung)",
          "Phan Thị Hạnh",
          "01/12/2021",
          "05/12/2021",
          "10/12/2021",
          "Đã sinh hoạt",
          "15/12/2021",
          null,
          "IV",
        ],
        11: [
          6,
          "Nâng cao năng lực lãnh đạo của chi bộ",
          "Lê Văn Sơn",
          "01/09/2022",
          "10/09/2022",
          "20/09/2022",
          "Dự kiến",
          null,
          null,
          "III",
        ],
        12: [7, "Chương trình hành động năm 2023", "Vũ Thị Mơ", null, null, "15/01/2023", "Dự kiến", null, null, "I"],
        14: [null, null, "Người lập biểu"],
        15: [null, null, "Phan Thị Hạnh"],
        16: [null, null, null, null, null, null, null, "Ngày 05/10/2022"],
      },
    },
  ],
  expected: {
    year: 2022,
    register: { sheet: "Theo dõi CĐ", headerRow: 4, topics: 6 },
    quarters: [
      [1, 1, 1, true],
      [2, 1, 1, true],
      [3, 2, 2, true],
      [4, 0, 0, false],
    ],
    findings: [
      ["THIEU_CHUYEN_DE_QUY", "warning", "Theo dõi CĐ", null, null],
      ["THIEU_TEN", "warning", "Theo dõi CĐ", 8, TEN],
      ["CHUA_BAO_CAO_CAP_TREN", "warning", "Theo dõi CĐ", 9, BC],
      ["CHUA_GUI_HOAN_THIEN", "warning", "Theo dõi CĐ", 9, HT],
      ["DA_SINH_HOAT_THIEU_NGAY", "error", "Theo dõi CĐ", 9, SH],
      ["THIEU_GUI_DU_THAO", "error", "Theo dõi CĐ", 9, GD],
      ["THIEU_THONG_QUA", "error", "Theo dõi CĐ", 9, TQ],
      ["CHUA_BAO_CAO_CAP_TREN", "warning", "Theo dõi CĐ", 10, BC],
      ["NGOAI_NAM", "warning", "Theo dõi CĐ", 10, SH],
      ["CHUA_BAO_CAO_CAP_TREN", "warning", "Theo dõi CĐ", 11, BC],
      ["CHUA_GUI_HOAN_THIEN", "warning", "Theo dõi CĐ", 11, HT],
      ["PHU_TRACH_LA", "warning", "Theo dõi CĐ", 11, PT],
      ["NGOAI_NAM", "warning", "Theo dõi CĐ", 12, SH],
    ],
  },
});

// R7 — minimal register (STT, Quý, Tên, Ngày sinh hoạt, Trạng thái): five THIEU_COT, dates as plain
// Excel serial numbers, Quý forms "Quý 1 năm 2021", "quý IV/2021", "Q2"; year from a 2–2 tie that only
// exists when the cancelled (Huỷ) row counts; three ended quarters without a held topic; < 4 topics.
registers.push({
  name: "r7-toi-gian",
  args: ["--ngay", "2021-12-31"],
  sheets: [
    {
      name: "CD",
      rows: {
        1: ["STT", "Quý", "Tên chuyên đề", "Ngày sinh hoạt", "Trạng thái", "Ghi chú"],
        2: [1, "Quý 1 năm 2021", "Chuyên đề về đạo đức công vụ", serial(2021, 3, 10), "Đã sinh hoạt"],
        3: [2, "quý IV/2021", "Chuyên đề về phòng chống dịch", serial(2021, 11, 20), "Huỷ"],
        4: [3, 2, "Chuyên đề về an ninh trật tự", serial(2020, 5, 5)],
        5: [4, 3, "Chuyên đề về xây dựng nông thôn mới", serial(2020, 8, 8)],
        6: [5, "Q2", "Chuyên đề về cải cách thủ tục", null, "Kế hoạch"],
        7: [6, null, "Chuyên đề về công tác cán bộ"],
      },
    },
  ],
  expected: {
    year: 2021,
    register: { sheet: "CD", headerRow: 1, topics: 6 },
    quarters: [
      [1, 1, 1, true],
      [2, 0, 1, false],
      [3, 0, 0, false],
      [4, 0, 0, false],
    ],
    findings: [
      ["THIEU_CHUYEN_DE_QUY", "error", "CD", null, null],
      ["THIEU_CHUYEN_DE_QUY", "error", "CD", null, null],
      ["THIEU_CHUYEN_DE_QUY", "error", "CD", null, null],
      ["THIEU_KE_HOACH_NAM", "error", "CD", null, null],
      ["THIEU_COT", "warning", "CD", null, PT],
      ["THIEU_COT", "warning", "CD", null, TQ],
      ["THIEU_COT", "warning", "CD", null, GD],
      ["THIEU_COT", "warning", "CD", null, HT],
      ["THIEU_COT", "warning", "CD", null, BC],
      ["NGOAI_NAM", "warning", "CD", 4, SH],
      ["NGOAI_NAM", "warning", "CD", 5, SH],
      ["THIEU_QUY", "warning", "CD", 7, QUY],
    ],
  },
});

async function writeRegister(reg: Reg, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of reg.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const [r, vals] of Object.entries(s.rows ?? {})) {
      vals.forEach((v, i) => {
        if (v !== null && v !== undefined) ws.getCell(Number(r), i + 1).value = v;
      });
    }
    for (const m of s.merges ?? []) ws.mergeCells(m);
    if (s.table) {
      ws.addTable({
        name: s.table.name,
        ref: s.table.ref,
        headerRow: true,
        columns: s.table.columns.map((name) => ({ name })),
        rows: s.table.rows,
      });
    }
  }
  await wb.xlsx.writeFile(file);
}

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = makeTempDir("chuyende-audit-");
}, 180_000);
afterAll(() => removeTempDir(dir));

describe("kiem-tra on hand-kept registers, against findings worked by hand from SPEC §4", () => {
  for (const reg of registers) {
    test(reg.name, async () => {
      const file = path.join(dir, `${reg.name}.xlsx`);
      await writeRegister(reg, file);
      const r = runBin(["kiem-tra", file, "--json", ...reg.args]);
      expect(r.stderr).toBe("");
      const json = JSON.parse(r.stdout);
      const e = reg.expected;
      expect(json.year).toBe(e.year);
      expect(json.register).toEqual(e.register);
      expect(json.quarters).toEqual(e.quarters.map(([quarter, held, planned, ok]) => ({ quarter, held, planned, ok })));
      expect(
        json.findings.map((f: { code: string; severity: string; sheet: string; row: number | null; column: string | null }) => [
          f.code,
          f.severity,
          f.sheet,
          f.row,
          f.column,
        ]),
      ).toEqual(e.findings);
      for (const f of json.findings) {
        expect(f.message.length).toBeGreaterThan(20);
        expect(f.message).toBe(f.message.normalize("NFC"));
      }
      expect(r.code).toBe(e.findings.some((f) => f[1] === "error") ? 1 : 0);
    });
  }

  test("the registers above exercise every rule code of SPEC §4", () => {
    const codes = new Set(registers.flatMap((r) => r.expected.findings.map((f) => f[0])));
    expect([...codes].sort()).toEqual(
      [
        "THIEU_CHUYEN_DE_QUY",
        "THIEU_KE_HOACH_NAM",
        "THIEU_PHU_TRACH",
        "PHU_TRACH_LA",
        "THIEU_THONG_QUA",
        "THONG_QUA_MUON",
        "THIEU_GUI_DU_THAO",
        "GUI_DU_THAO_MUON",
        "GUI_TRUOC_THONG_QUA",
        "CHUA_GUI_HOAN_THIEN",
        "CHUA_BAO_CAO_CAP_TREN",
        "HOAN_THIEN_TRUOC_SINH_HOAT",
        "DA_SINH_HOAT_THIEU_NGAY",
        "THIEU_QUY",
        "SAI_QUY",
        "NGOAI_NAM",
        "TRUNG_TEN",
        "THIEU_TEN",
        "NGAY_KHONG_HOP_LE",
        "THIEU_COT",
        "THIEU_DIEM_DANH",
        "VANG_KHONG_LY_DO",
        "VANG_NHIEU_LAN",
        "TY_LE_DU_THAP",
        "THOI_LUONG_NGAN",
      ].sort(),
    );
  });
});
