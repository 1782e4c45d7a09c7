// The party's document format in one place: paper, margins, fonts, sizes, the forms of
// "Số …" and the layout of the header block. Every paper the tool prints takes its form
// from here (the Báo cáo quý sheet and .docx, the built-in Word templates made by
// scripts/make-templates.js, the register book's print setup, Tổng hợp, Kế hoạch năm, the
// sign-in sheet and the notice), so a newer guidance on the format is an edit here.
//
// Source: Hướng dẫn 36-HD/VPTW (03/4/2018) của Văn phòng Trung ương Đảng về thể thức và kỹ
// thuật trình bày văn bản của Đảng — A4 (210 × 297 mm); lề trên 20–25, dưới 20–25, trái
// 30–35, phải 15–20 mm; Times New Roman; "ĐẢNG CỘNG SẢN VIỆT NAM" 15 in hoa đậm, gạch chân;
// tên cơ quan cấp trên 14 in hoa đứng, cơ quan ban hành 14 in hoa đậm, dấu sao dưới tên;
// "Số …" 14 đứng; địa danh, ngày tháng 14 nghiêng; tên loại văn bản 15–16 in hoa đậm; trích
// yếu 14–15 đậm; nội dung 14–15; "Nơi nhận:" 14 gạch chân, các nơi nhận 12; số trang từ
// trang 2, giữa lề trên (Phụ lục 3 của Hướng dẫn). Ký hiệu văn bản: chữ viết tắt tên loại
// (BC báo cáo, KH kế hoạch, TB thông báo, DS danh sách) / chữ viết tắt tên cơ quan ban hành
// (CB chi bộ, ĐU đảng ủy, ĐUK đảng ủy khối).
//
// This file has no imports: the templates' generator (plain JavaScript) reads it from src.

/** A4 in millimetres. */
export const PAGE_MM = { width: 210, height: 297 } as const;

/** Margins of a party document, millimetres (HD 36: top 20–25, bottom 20–25, left 30–35,
 *  right 15–20; the smallest of each). */
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;

/** Width left for text on an A4 portrait page: 165 mm. */
export const TEXT_WIDTH_MM = PAGE_MM.width - MARGINS_MM.left - MARGINS_MM.right;

/** Header and footer distance from the page edge (the page number sits there), mm. */
export const HEADER_DISTANCE_MM = 10;

export const FONT = "Times New Roman";

/** Font sizes in points, by part of the document (HD 36, Phụ lục 3). */
export const SIZES = {
  /** "ĐẢNG CỘNG SẢN VIỆT NAM". */
  party: 15,
  /** "ĐẢNG BỘ …" (the superior committee, upright). */
  committee: 14,
  /** "CHI BỘ …" (the issuer, bold). */
  cell: 14,
  /** "Số …-BC/CB". */
  number: 14,
  /** "<Địa danh>, ngày … tháng … năm …" (italic). */
  placeAndDate: 14,
  /** "BÁO CÁO", "KẾ HOẠCH", "THÔNG BÁO", "DANH SÁCH" (15–16, bold). */
  kind: 16,
  /** The subject line under the kind (trích yếu, 14–15 bold). */
  subject: 14,
  body: 14,
  /** "Nơi nhận:". */
  recipientsHeading: 14,
  /** The recipients. */
  recipients: 12,
  /** Tables inside a document (not set by HD 36; 12 keeps a table on the page). */
  table: 12,
  /** The smallest type a paper prints (its step dates in a table). */
  tableSmall: 11,
  /** Signature lines ("T/M CHI BỘ", "BÍ THƯ", the name). */
  signature: 14,
  pageNumber: 14,
} as const;

/** The header block: issuer left, "ĐẢNG CỘNG SẢN VIỆT NAM" right and the place and date under
 *  it. A three-column grid that reaches 10 mm into the left margin and 5 mm into the right
 *  (177 mm): the issuer spans the first two columns (95 mm: "CHI BỘ PHÒNG KẾ TOÁN" on one
 *  line, a long name on at most three), the party line the third (82 mm), the place and date
 *  the last two (105 mm: "Thành phố Hồ Chí Minh, ngày 05 tháng 10 năm 2025" on one line). */
export const HEADER_BLOCK = {
  outdentLeftMm: 10,
  outdentRightMm: 5,
  columnsMm: [72, 23, 82] as const,
  /** A name in the issuer block takes at most this many lines. */
  maxNameLines: 3,
  /** Where the page offers no room for the outdent (a sheet), the name may be set down to
   *  this size to stay within maxNameLines. */
  minNameSize: 12,
  star: "*",
  party: "ĐẢNG CỘNG SẢN VIỆT NAM",
} as const;

/** Kinds of document by their symbol in "Số …" (HD 36: chữ viết tắt tên loại văn bản). */
export const DOCUMENT_SYMBOL = { report: "BC", plan: "KH", notice: "TB", list: "DS" } as const;
/** Issuers by their symbol (chữ viết tắt tên cơ quan ban hành). */
export const ISSUER_SYMBOL = { chiBo: "CB", dangUy: "ĐU", dangUyKhoi: "ĐUK" } as const;

/** Dots left for the number when it is not known, filled in by hand. */
export const NUMBER_BLANK = "……";

/** "Số 12-BC/CB" or, without a number, "Số ……-BC/CB". */
export function documentNumber(kind: keyof typeof DOCUMENT_SYMBOL, issuer: keyof typeof ISSUER_SYMBOL = "chiBo", number?: string): string {
  const n = (number ?? "").normalize("NFC").replace(/\s+/g, " ").trim();
  return `Số ${n === "" ? NUMBER_BLANK : n}-${DOCUMENT_SYMBOL[kind]}/${ISSUER_SYMBOL[issuer]}`;
}

/** Excel's header/footer codes for a page number at the top centre from page 2 on (the
 *  party form): `&C` centre, `&"font,style"`, `&14` size, `&P` page number. */
export const SHEET_PAGE_NUMBER_HEADER = `&C&"${FONT},Regular"&${SIZES.pageNumber}&P`;

/** The register book (the sheets the tool makes for keeping the register) is a working
 *  record, not a party document: it keeps the party's font, prints on A4 with room to bind
 *  on the left, numbers every page at the foot, and never prints under `minSize` points. */
export const REGISTER_BOOK = {
  marginsMm: { top: 15, bottom: 15, left: 20, right: 10 },
  titleSize: 14,
  subtitleSize: 12,
  /** Table text: 11 where the columns allow, 10 on the two widest sheets. */
  bodySize: 11,
  wideBodySize: 10,
  minSize: 10,
  /** "Trang 3" centred at the foot of every page. */
  footer: `&C&"${FONT},Regular"&10Trang &P`,
} as const;

/** Tổng hợp's printed sheets (a table for the upper level, not a party document): "Trang 3"
 *  centred at the foot of every page, at the table's 11 points. */
export const CONSOLIDATION_FOOTER = `&C&"${FONT},Regular"&11Trang &P`;
