// The canonical workbook (SPEC §3): sheet names, table names, headers and the
// enumerated values offered in drop-down lists. Every writer (khoi-tao, Tạo sổ,
// Chuyển đổi) and every reader takes its names from here.
import { REGISTER_COLUMNS, type CellInfo } from "../shared/types";

export const SHEETS = {
  info: "Thông tin",
  members: "Đảng viên",
  register: "Sổ chuyên đề",
  attendance: "Điểm danh",
  minutes: "Biên bản",
  opinions: "Ý kiến",
} as const;

export const TABLES = {
  info: "tblThongTin",
  members: "tblDangVien",
  register: "tblChuyenDe",
  attendance: "tblDiemDanh",
  minutes: "tblBienBan",
  opinions: "tblYKien",
} as const;

export const INFO_HEADERS = ["Mục", "Giá trị"] as const;

/** Thông tin keys in their canonical order. */
export const INFO_KEYS = {
  dangBoCapTren: "Đảng bộ cấp trên",
  dangBoCoSo: "Đảng bộ cơ sở",
  chiBo: "Chi bộ",
  year: "Năm",
  biThu: "Bí thư",
  phoBiThu: "Phó bí thư",
  diaDanh: "Địa danh",
  minTopicsPerYear: "Số chuyên đề tối thiểu/năm",
  minAttendanceRate: "Tỷ lệ dự tối thiểu",
  minDurationMinutes: "Thời lượng tối thiểu (phút)",
  minDurationCombinedMinutes: "Thời lượng tối thiểu khi lồng ghép (phút)",
  hasCommittee: "Chi bộ có chi ủy",
} as const;

export const INFO_DEFAULTS = {
  minTopicsPerYear: 4,
  minAttendanceRate: 0.85,
  minDurationMinutes: 90,
  minDurationCombinedMinutes: 120,
} as const;

/** Thông tin as it is before anything is read: empty texts and the §3.1 thresholds. */
export function defaultInfo(overrides: Partial<CellInfo> = {}): CellInfo {
  return {
    dangBoCapTren: "",
    dangBoCoSo: "",
    chiBo: "",
    year: null,
    biThu: "",
    phoBiThu: "",
    diaDanh: "",
    ...INFO_DEFAULTS,
    hasCommittee: null,
    found: false,
    ...overrides,
  };
}

export const MEMBER_COLUMNS = ["Họ và tên", "Chức vụ", "Loại", "Miễn sinh hoạt", "Ghi chú"] as const;
export const ATTENDANCE_COLUMNS = ["STT chuyên đề", "Họ và tên", "Tình trạng", "Lý do"] as const;
export const MINUTES_COLUMNS = [
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
] as const;
export const OPINION_COLUMNS = ["STT chuyên đề", "Người phát biểu", "Nội dung"] as const;

export { REGISTER_COLUMNS };

/** Values offered in drop-down lists (the canonical spelling written by the add-in). */
export const CHOICES = {
  group: ["Xây dựng Đảng", "Nhiệm vụ chuyên môn", "Lãnh đạo đoàn thể"],
  format: ["Riêng", "Lồng ghép"],
  status: ["Dự kiến", "Đã sinh hoạt", "Hoãn", "Hủy"],
  quarter: ["I", "II", "III", "IV"],
  approvedBy: ["Chi ủy", "Bí thư"],
  role: ["Bí thư", "Phó bí thư", "Chi ủy viên", "Đảng viên"],
  memberKind: ["Chính thức", "Dự bị"],
  yesNo: ["Có", "Không"],
  attendance: ["Có mặt", "Vắng có lý do", "Vắng không lý do", "Miễn sinh hoạt"],
} as const;

/** Number format for date cells written by the add-in. */
export const DATE_FORMAT = "dd/mm/yyyy";
export const TIME_FORMAT = "hh:mm";
