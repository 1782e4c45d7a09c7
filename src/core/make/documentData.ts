// Everything the đề dẫn and the biên bản show (SPEC §7), computed from the register,
// Thông tin, Đảng viên, Điểm danh, Biên bản and Ý kiến. Pure: the .docx filling is in
// src/documents. The placeholders of the templates are exactly the keys produced here,
// documented once in TEMPLATE_FIELDS (README table, `chuyende mau`). The fields both
// documents share are in documentText.ts, the biên bản's own in bienBanData.ts.
//
// A value the workbook does not have prints as a dotted blank (BLANK) so the
// secretary can write it in by hand on the printed page; it never prints "undefined".
import { inferYear } from "../check/facts";
import type { DocumentKind } from "./documentText";
import { commonData, findTopic, topicVerdictOn, type DocumentData } from "./documentText";
import type { ParsedWorkbook, SimpleDate } from "../shared/types";

export { BLANK, type DocumentData, type DocumentKind, type DocumentRow, type DocumentValue } from "./documentText";
export { bienBanData } from "./bienBanData";

export interface TemplateField {
  /** The tag name as written in the template ({name}, {#name}…{/name}). */
  name: string;
  /** Documents that have it. */
  kinds: DocumentKind[];
  /** text = {name}; loop = {#name}…{/name} over a list; condition = {#name}…{/name} shown when true
   *  ({^name}…{/name} when false). */
  type: "text" | "loop" | "condition";
  /** For a field of each loop item: the loop's name. */
  itemOf?: string;
  /** Vietnamese description (README, `chuyende mau`). */
  description: string;
  /** Example value, as printed. */
  example: string;
}

/** Fields every paper of one topic has (header, the topic). */
const BOTH: DocumentKind[] = ["de-dan", "bien-ban", "danh-sach", "thong-bao", "bao-cao"];
/** The biên bản's own, which the topic report (made from the biên bản) states too. */
const BB: DocumentKind[] = ["bien-ban", "bao-cao"];
/** Biên bản and the sign-in sheet (the chi bộ's numbers, who chairs, who minutes). */
const BB_DS: DocumentKind[] = ["bien-ban", "danh-sach", "bao-cao"];
/** Every paper that says when and where the meeting is. */
const MEETING: DocumentKind[] = ["bien-ban", "danh-sach", "thong-bao", "bao-cao"];

/** Every placeholder the templates may use. */
export const TEMPLATE_FIELDS: readonly TemplateField[] = [
  // Header (both documents)
  {
    name: "dangBoCapTren",
    kinds: BOTH,
    type: "text",
    description: "Đảng bộ cấp trên (Thông tin)",
    example: "Đảng bộ Khối Cơ sở Bộ Công Thương",
  },
  {
    name: "dangBoCoSo",
    kinds: BOTH,
    type: "text",
    description: "Đảng bộ cơ sở (Thông tin), có chữ “Đảng bộ” ở đầu",
    example: "Đảng bộ Trường THPT Nguyễn Du",
  },
  {
    name: "dangBoCoSoUpper",
    kinds: BOTH,
    type: "text",
    description: "Dòng đầu tiêu đề trái, chữ in hoa",
    example: "ĐẢNG BỘ TRƯỜNG THPT NGUYỄN DU",
  },
  {
    name: "chiBo",
    kinds: BOTH,
    type: "text",
    description: "Tên chi bộ (Thông tin), có chữ “Chi bộ” ở đầu",
    example: "Chi bộ Tổ Toán – Tin",
  },
  {
    name: "chiBoUpper",
    kinds: BOTH,
    type: "text",
    description: "Dòng thứ hai tiêu đề trái, chữ in hoa (in đậm)",
    example: "CHI BỘ TỔ TOÁN – TIN",
  },
  { name: "diaDanh", kinds: BOTH, type: "text", description: "Địa danh (Thông tin)", example: "Thành phố Hồ Chí Minh" },
  {
    name: "ngayVietBang",
    kinds: BOTH,
    type: "text",
    description: "Ngày của văn bản viết bằng chữ (biên bản: ngày sinh hoạt; đề dẫn: ngày lập hoặc --ngay)",
    example: "ngày 05 tháng 02 năm 2021",
  },
  { name: "ngay", kinds: BOTH, type: "text", description: "Ngày của văn bản, dd/mm/yyyy", example: "05/02/2021" },
  {
    name: "diaDanhNgay",
    kinds: BOTH,
    type: "text",
    description: "Địa danh và ngày tháng (tiêu đề phải, in nghiêng)",
    example: "Thành phố Hồ Chí Minh, ngày 05 tháng 02 năm 2021",
  },
  { name: "biThu", kinds: BOTH, type: "text", description: "Bí thư chi bộ (Thông tin)", example: "Nguyễn Văn An" },
  { name: "phoBiThu", kinds: BOTH, type: "text", description: "Phó bí thư chi bộ (Thông tin)", example: "Trần Thị Bình" },
  // The topic
  { name: "stt", kinds: BOTH, type: "text", description: "STT của chuyên đề trong sổ", example: "1" },
  { name: "nam", kinds: BOTH, type: "text", description: "Năm của chuyên đề", example: "2021" },
  { name: "quy", kinds: BOTH, type: "text", description: "Quý (số La Mã)", example: "I" },
  { name: "quyText", kinds: BOTH, type: "text", description: "Quý và năm", example: "Quý I/2021" },
  {
    name: "quyTextUpper",
    kinds: BOTH,
    type: "text",
    description: "Quý và năm, chữ in hoa (dùng trong tên văn bản)",
    example: "QUÝ I/2021",
  },
  { name: "tenChuyenDe", kinds: BOTH, type: "text", description: "Tên chuyên đề", example: "Nâng cao chất lượng sinh hoạt chi bộ" },
  {
    name: "tenChuyenDeUpper",
    kinds: BOTH,
    type: "text",
    description: "Tên chuyên đề, chữ in hoa",
    example: "NÂNG CAO CHẤT LƯỢNG SINH HOẠT CHI BỘ",
  },
  { name: "nhom", kinds: BOTH, type: "text", description: "Nhóm nội dung", example: "Xây dựng Đảng" },
  {
    name: "nguoiPhuTrach",
    kinds: BOTH,
    type: "text",
    description: "Người phụ trách chuẩn bị đề dẫn",
    example: "Lê Văn Cường và Phạm Thị Dung",
  },
  {
    name: "dongChiPhuTrach",
    kinds: BOTH,
    type: "text",
    description: "“Đồng chí …” / “Các đồng chí …” người phụ trách",
    example: "Các đồng chí Lê Văn Cường và Phạm Thị Dung",
  },
  {
    name: "nguoiChuanBi",
    kinds: BOTH,
    type: "loop",
    description: "Danh sách người phụ trách (vòng lặp, mỗi người một dòng ký tên)",
    example: "",
  },
  {
    name: "hoTen",
    kinds: BOTH,
    type: "text",
    itemOf: "nguoiChuanBi",
    description: "Họ và tên một người phụ trách",
    example: "Lê Văn Cường",
  },
  { name: "nguoiThongQua", kinds: BOTH, type: "text", description: "Người/cấp thông qua dự thảo", example: "Chi ủy" },
  { name: "ngayThongQua", kinds: BOTH, type: "text", description: "Ngày thông qua dự thảo", example: "20/01/2021" },
  { name: "ngayGuiDuThao", kinds: BOTH, type: "text", description: "Ngày gửi dự thảo cho đảng viên", example: "25/01/2021" },
  { name: "ngaySinhHoat", kinds: BOTH, type: "text", description: "Ngày sinh hoạt, dd/mm/yyyy", example: "05/02/2021" },
  {
    name: "ngaySinhHoatVietBang",
    kinds: BOTH,
    type: "text",
    description: "Ngày sinh hoạt viết bằng chữ",
    example: "ngày 05 tháng 02 năm 2021",
  },
  { name: "hinhThuc", kinds: BOTH, type: "text", description: "Hình thức sinh hoạt", example: "Riêng" },
  {
    name: "hinhThucText",
    kinds: BOTH,
    type: "text",
    description: "“ (lồng ghép với sinh hoạt chi bộ thường kỳ)” khi lồng ghép, còn lại để trống",
    example: " (lồng ghép với sinh hoạt chi bộ thường kỳ)",
  },
  { name: "longGhep", kinds: BOTH, type: "condition", description: "Đúng khi sinh hoạt lồng ghép", example: "" },
  {
    name: "trangThai",
    kinds: BOTH,
    type: "text",
    description: "Tình hình của chuyên đề theo sổ, như khi kiểm tra: Đã sinh hoạt, Chưa xác nhận, Dự kiến, Hoãn, Hủy",
    example: "Đã sinh hoạt",
  },
  // The minutes (biên bản)
  { name: "gioBatDau", kinds: MEETING, type: "text", description: "Giờ bắt đầu", example: "08 giờ 00" },
  { name: "gioKetThuc", kinds: BB, type: "text", description: "Giờ kết thúc", example: "10 giờ 00" },
  { name: "diaDiem", kinds: MEETING, type: "text", description: "Địa điểm sinh hoạt", example: "Phòng họp A" },
  { name: "chuTri", kinds: BB_DS, type: "text", description: "Người chủ trì", example: "Nguyễn Văn An" },
  {
    name: "chuTriChucVuText",
    kinds: BB,
    type: "text",
    description: "“ – Bí thư chi bộ” … theo chức vụ của người chủ trì (danh sách Đảng viên)",
    example: " – Bí thư chi bộ",
  },
  { name: "thuKy", kinds: BB_DS, type: "text", description: "Thư ký ghi biên bản", example: "Trần Thị Bình" },
  { name: "tongSo", kinds: BB_DS, type: "text", description: "Tổng số đảng viên của chi bộ", example: "12" },
  { name: "soChinhThuc", kinds: BB_DS, type: "text", description: "Số đảng viên chính thức", example: "11" },
  { name: "soDuBi", kinds: BB_DS, type: "text", description: "Số đảng viên dự bị", example: "1" },
  { name: "soMienSinhHoat", kinds: BB_DS, type: "text", description: "Số đảng viên miễn sinh hoạt", example: "1" },
  { name: "soPhaiDu", kinds: BB_DS, type: "text", description: "Số đảng viên phải dự (tổng số trừ miễn sinh hoạt)", example: "11" },
  { name: "soCoMat", kinds: BB, type: "text", description: "Số có mặt", example: "9" },
  { name: "soCoMatChinhThuc", kinds: BB, type: "text", description: "Số có mặt là đảng viên chính thức", example: "8" },
  { name: "soCoMatDuBi", kinds: BB, type: "text", description: "Số có mặt là đảng viên dự bị", example: "1" },
  { name: "tyLeCoMat", kinds: BB, type: "text", description: "Tỷ lệ có mặt trên số phải dự", example: "81,8 %" },
  { name: "soVang", kinds: BB, type: "text", description: "Số vắng (có và không có lý do)", example: "2" },
  { name: "soVangCoLyDo", kinds: BB, type: "text", description: "Số vắng có lý do", example: "1" },
  { name: "soVangKhongLyDo", kinds: BB, type: "text", description: "Số vắng không lý do", example: "1" },
  { name: "coVangCoLyDo", kinds: BB, type: "condition", description: "Đúng khi có người vắng có lý do", example: "" },
  { name: "vangCoLyDo", kinds: BB, type: "loop", description: "Danh sách vắng có lý do (vòng lặp)", example: "" },
  { name: "hoTen", kinds: BB, type: "text", itemOf: "vangCoLyDo", description: "Họ và tên người vắng", example: "Đỗ Văn Em" },
  { name: "lyDo", kinds: BB, type: "text", itemOf: "vangCoLyDo", description: "Lý do vắng", example: "Đi công tác" },
  { name: "coVangKhongLyDo", kinds: BB, type: "condition", description: "Đúng khi có người vắng không lý do", example: "" },
  { name: "vangKhongLyDo", kinds: BB, type: "loop", description: "Danh sách vắng không lý do (vòng lặp)", example: "" },
  { name: "hoTen", kinds: BB, type: "text", itemOf: "vangKhongLyDo", description: "Họ và tên người vắng", example: "Hồ Thị Giang" },
  {
    name: "daiBieu",
    kinds: BB,
    type: "text",
    description: "Đại biểu dự (“không có” khi biên bản để trống)",
    example: "Đồng chí Vũ Văn Hải, Đảng ủy viên",
  },
  { name: "coDaiBieu", kinds: BB, type: "condition", description: "Đúng khi có đại biểu", example: "" },
  { name: "mucDich", kinds: BB, type: "text", description: "Mục đích, yêu cầu chủ trì nêu", example: "Thống nhất nhận thức và giải pháp…" },
  { name: "yKien", kinds: BB, type: "loop", description: "Các ý kiến phát biểu (vòng lặp, theo thứ tự trong bảng Ý kiến)", example: "" },
  { name: "stt", kinds: BB, type: "text", itemOf: "yKien", description: "Số thứ tự ý kiến", example: "1" },
  { name: "nguoiPhatBieu", kinds: BB, type: "text", itemOf: "yKien", description: "Người phát biểu", example: "Lê Văn Cường" },
  { name: "noiDung", kinds: BB, type: "text", itemOf: "yKien", description: "Tóm tắt ý kiến", example: "Đề nghị bổ sung số liệu…" },
  {
    name: "coYKien",
    kinds: BB,
    type: "condition",
    description: "Đúng khi đã ghi ít nhất một ý kiến ({^coYKien}…{/coYKien}: khi chưa có)",
    example: "",
  },
  { name: "ketLuan", kinds: BB, type: "text", description: "Kết luận của chủ trì", example: "Chi bộ thống nhất…" },
  { name: "nhiemVu", kinds: BB, type: "text", description: "Nhiệm vụ giao", example: "Đồng chí Cường hoàn thiện đề dẫn trước 15/02" },
  { name: "bieuQuyet", kinds: BB, type: "text", description: "Kết quả biểu quyết", example: "11/11 tán thành" },
  { name: "coBieuQuyet", kinds: BB, type: "condition", description: "Đúng khi có biểu quyết", example: "" },
];

export function deDanData(book: ParsedWorkbook, stt: number, opts: { today: SimpleDate }): DocumentData {
  const topic = findTopic(book, stt);
  // A topic without a meeting date belongs to the register year Y of SPEC §4 (Năm, else
  // the most common meeting year), as in the check — not to the year the draft is printed.
  return commonData(book, topic, opts.today, inferYear(book, { asOf: opts.today }), topicVerdictOn(book, topic, opts.today));
}
