// Column specs for reading workbooks that are not in canonical form (SPEC §3.6):
// each canonical column with the header wordings accepted for it. Synonyms are
// written in normalised form (no diacritics, lower case); they are normalised again
// with normalizeKey when compiled, so writing them with diacritics would work too.
// The register's synonyms are SPEC §3.3 verbatim; the others are our judgement.
import { ATTENDANCE_COLUMNS, INFO_KEYS, MEMBER_COLUMNS, MINUTES_COLUMNS, OPINION_COLUMNS } from "./layout";
import type { CellInfo, RegisterColumn } from "../shared/types";

export interface ColumnSpec<K extends string = string> {
  /** Canonical name, exactly as written in the canonical sheet. */
  name: K;
  /** Other header wordings accepted (the canonical name itself always matches). */
  synonyms: readonly string[];
}

/** SPEC §3.3, in REGISTER_COLUMNS order. */
export const REGISTER_SPECS: readonly ColumnSpec<RegisterColumn>[] = [
  { name: "STT", synonyms: ["tt", "so tt", "so thu tu"] },
  { name: "Quý", synonyms: ["quy", "quy sinh hoat"] },
  {
    name: "Tên chuyên đề",
    synonyms: [
      "chuyen de",
      "noi dung chuyen de",
      "noi dung sinh hoat chuyen de",
      "ten chuyen de sinh hoat",
      "ten de tai",
      "tieu de chuyen de",
      "chu de",
      "ten chu de",
    ],
  },
  { name: "Nhóm", synonyms: ["nhom noi dung", "linh vuc", "loai chuyen de"] },
  {
    name: "Người phụ trách",
    synonyms: [
      "phu trach",
      "dang vien phu trach",
      "nguoi chuan bi",
      "nguoi duoc phan cong",
      "dang vien duoc phan cong",
      "d/c phu trach",
      "dong chi phu trach",
      "dong chi chuan bi",
      "nguoi trinh bay",
      "nguoi thuc hien",
      "nguoi bao cao",
    ],
  },
  {
    name: "Ngày thông qua",
    synonyms: ["ngay thong qua du thao", "ngay duyet", "ngay chi uy duyet", "ngay phe duyet"],
  },
  { name: "Người thông qua", synonyms: ["nguoi duyet", "cap thong qua"] },
  { name: "Ngày gửi dự thảo", synonyms: ["ngay gui", "ngay gui dang vien", "ngay gui tai lieu"] },
  {
    name: "Ngày sinh hoạt",
    synonyms: ["thoi gian sinh hoat", "thoi gian thuc hien", "ngay thuc hien", "ngay to chuc", "ngay hop", "ngay sh"],
  },
  { name: "Hình thức", synonyms: ["long ghep"] },
  { name: "Trạng thái", synonyms: ["tinh trang"] },
  { name: "Ngày gửi bản hoàn thiện", synonyms: ["ngay hoan thien", "ngay gui hoan thien"] },
  { name: "Ngày báo cáo cấp trên", synonyms: ["ngay bao cao", "bao cao cap tren"] },
  { name: "Ghi chú", synonyms: [] },
];

const STT_CHUYEN_DE_SYNONYMS = ["stt chuyen de", "chuyen de so", "so chuyen de", "so tt chuyen de", "ma chuyen de", "stt", "tt", "so tt"];

const NAME_SYNONYMS = ["ho ten", "ho va ten", "ho ten dang vien", "ho va ten dang vien", "ten dang vien", "dang vien"];

const NOTE = { name: "Ghi chú", synonyms: ["ghi chu"] } as const;

/** SPEC §3.2, in MEMBER_COLUMNS order. */
export const MEMBER_SPECS: readonly ColumnSpec<(typeof MEMBER_COLUMNS)[number]>[] = [
  { name: "Họ và tên", synonyms: NAME_SYNONYMS },
  { name: "Chức vụ", synonyms: ["chuc vu", "chuc danh", "chuc vu dang", "chuc vu trong chi bo"] },
  {
    name: "Loại",
    synonyms: ["loai dang vien", "chinh thuc du bi", "dang vien chinh thuc du bi", "chinh thuc"],
  },
  { name: "Miễn sinh hoạt", synonyms: ["mien sh", "mien sinh hoat dang", "duoc mien sinh hoat"] },
  NOTE,
];

/** SPEC §3.4, in ATTENDANCE_COLUMNS order. */
export const ATTENDANCE_SPECS: readonly ColumnSpec<(typeof ATTENDANCE_COLUMNS)[number]>[] = [
  { name: "STT chuyên đề", synonyms: STT_CHUYEN_DE_SYNONYMS },
  { name: "Họ và tên", synonyms: NAME_SYNONYMS },
  {
    name: "Tình trạng",
    synonyms: ["tinh trang", "trang thai", "co mat", "diem danh", "du hop", "tham du", "co mat vang"],
  },
  { name: "Lý do", synonyms: ["ly do vang", "ly do vang mat"] },
];

/** SPEC §3.5 tblBienBan, in MINUTES_COLUMNS order. */
export const MINUTES_SPECS: readonly ColumnSpec<(typeof MINUTES_COLUMNS)[number]>[] = [
  { name: "STT chuyên đề", synonyms: STT_CHUYEN_DE_SYNONYMS },
  {
    name: "Bắt đầu",
    synonyms: ["gio bat dau", "thoi gian bat dau", "bat dau luc", "thoi diem bat dau"],
  },
  {
    name: "Kết thúc",
    synonyms: ["gio ket thuc", "thoi gian ket thuc", "ket thuc luc", "thoi diem ket thuc"],
  },
  { name: "Địa điểm", synonyms: ["noi to chuc", "dia diem to chuc", "dia diem sinh hoat"] },
  { name: "Chủ trì", synonyms: ["nguoi chu tri", "chu toa", "dong chi chu tri"] },
  { name: "Thư ký", synonyms: ["thu ky", "nguoi ghi bien ban", "thu ky ghi bien ban"] },
  { name: "Đại biểu", synonyms: ["khach moi", "dai bieu du", "dai bieu tham du"] },
  { name: "Mục đích, yêu cầu", synonyms: ["muc dich", "muc dich yeu cau"] },
  { name: "Kết luận", synonyms: ["ket luan cua chu tri", "y kien ket luan"] },
  { name: "Nhiệm vụ giao", synonyms: ["nhiem vu", "nhiem vu duoc giao", "phan cong nhiem vu"] },
  { name: "Biểu quyết", synonyms: ["ket qua bieu quyet", "bieu quyet thong qua"] },
];

/** SPEC §3.5 tblYKien, in OPINION_COLUMNS order. */
export const OPINION_SPECS: readonly ColumnSpec<(typeof OPINION_COLUMNS)[number]>[] = [
  { name: "STT chuyên đề", synonyms: STT_CHUYEN_DE_SYNONYMS },
  {
    name: "Người phát biểu",
    synonyms: [
      "y kien cua",
      "dong chi",
      "dong chi phat bieu",
      "ten nguoi phat bieu",
      "ho ten nguoi phat bieu",
      "nguoi tham luan",
      "ho ten",
      "ho va ten",
    ],
  },
  {
    name: "Nội dung",
    synonyms: ["noi dung y kien", "y kien", "noi dung phat bieu", "tom tat y kien", "y kien phat bieu"],
  },
];

/** The key column of each secondary table (SPEC §3.6). */
export const TABLE_KEYS = {
  members: "Họ và tên",
  attendance: "Tình trạng",
  minutes: "Bắt đầu",
  opinions: "Người phát biểu",
} as const;

export type InfoField = Exclude<keyof CellInfo, "found">;

/** Thông tin keys (SPEC §3.1) with the wordings accepted for them. */
export const INFO_SPECS: readonly (ColumnSpec & { field: InfoField })[] = [
  {
    field: "dangBoCapTren",
    name: INFO_KEYS.dangBoCapTren,
    synonyms: ["dang uy cap tren", "cap uy cap tren", "dang bo cap tren truc tiep"],
  },
  {
    field: "dangBoCoSo",
    name: INFO_KEYS.dangBoCoSo,
    synonyms: ["dang uy co so", "dang bo", "ten dang bo", "dang bo bo phan"],
  },
  { field: "chiBo", name: INFO_KEYS.chiBo, synonyms: ["ten chi bo", "don vi"] },
  { field: "year", name: INFO_KEYS.year, synonyms: ["nam ke hoach", "nam sinh hoat"] },
  {
    field: "biThu",
    name: INFO_KEYS.biThu,
    synonyms: ["bi thu chi bo", "ho ten bi thu", "dong chi bi thu"],
  },
  { field: "phoBiThu", name: INFO_KEYS.phoBiThu, synonyms: ["pho bi thu chi bo", "ho ten pho bi thu"] },
  { field: "diaDanh", name: INFO_KEYS.diaDanh, synonyms: ["dia danh ghi tren van ban", "noi ban hanh"] },
  {
    field: "minTopicsPerYear",
    name: INFO_KEYS.minTopicsPerYear,
    synonyms: ["so chuyen de toi thieu", "so chuyen de toi thieu trong nam", "so chuyen de nam"],
  },
  {
    field: "minAttendanceRate",
    name: INFO_KEYS.minAttendanceRate,
    synonyms: ["ty le du", "ti le du", "ti le du toi thieu", "ty le dang vien du", "ty le tham du"],
  },
  {
    field: "minDurationMinutes",
    name: INFO_KEYS.minDurationMinutes,
    synonyms: ["thoi luong toi thieu", "thoi luong", "thoi gian toi thieu"],
  },
  {
    field: "minDurationCombinedMinutes",
    name: INFO_KEYS.minDurationCombinedMinutes,
    synonyms: [
      "thoi luong toi thieu khi long ghep",
      "thoi luong long ghep",
      "thoi luong toi thieu long ghep",
      "thoi gian toi thieu khi long ghep",
    ],
  },
  { field: "hasCommittee", name: INFO_KEYS.hasCommittee, synonyms: ["co chi uy", "chi bo co cap uy"] },
];
