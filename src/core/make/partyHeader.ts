// The header block of a party document (HD 36-HD/VPTW, SPEC §7), as text lines shared
// by every output that prints it: the Báo cáo quý sheet here, the .docx documents if
// they want it. Left: ĐẢNG BỘ … / CHI BỘ … / *; right: ĐẢNG CỘNG SẢN VIỆT NAM and
// "<Địa danh>, ngày dd tháng mm năm yyyy".
import { formatVietnameseDate } from "../read/dates";
import type { CellInfo, Member, SimpleDate } from "../shared/types";
import { compareKey } from "../read/values";
import { documentNumber, HEADER_BLOCK, SIZES } from "../shared/partyFormat";
import { wrappedLineCount } from "./textFit";

export interface PartyHeader {
  /** "ĐẢNG BỘ …" (Đảng bộ cơ sở, upper case). */
  committee: string;
  /** "CHI BỘ …" (upper case, printed bold). */
  cell: string;
  /** The star under the left block. */
  star: string;
  /** "ĐẢNG CỘNG SẢN VIỆT NAM". */
  party: string;
  /** "<Địa danh>, ngày 05 tháng 02 năm 2021" (or "Ngày …" when there is no place). */
  placeAndDate: string;
}

/** Left blank for the secretary to fill in by hand when Thông tin lacks the name. */
const BLANK = "……………";

function upper(s: string): string {
  return s.normalize("NFC").toLocaleUpperCase("vi").normalize("NFC");
}

function clean(s: string | undefined): string {
  return (s ?? "").normalize("NFC").replace(/\s+/g, " ").trim();
}

/** `prefix` + value in upper case, unless the value already starts with the prefix
 *  ("Chi bộ 3" stays "CHI BỘ 3", never "CHI BỘ CHI BỘ 3"). */
export function prefixedUpper(prefix: string, value: string | undefined): string {
  const v = clean(value);
  if (v === "") return `${upper(prefix)} ${BLANK}`;
  if (startsWithWord(v, prefix)) return upper(v);
  return `${upper(prefix)} ${upper(v)}`;
}

/** `prefix` + value in normal case, unless the value already starts with the prefix
 *  ("Phòng Kế toán" → "Chi bộ Phòng Kế toán"; "chi bộ 3" → "Chi bộ 3"). "" stays "". */
export function prefixedName(prefix: string, value: string | undefined): string {
  const v = clean(value);
  if (v === "") return "";
  return startsWithWord(v, prefix) ? v.charAt(0).toLocaleUpperCase("vi") + v.slice(1) : `${prefix} ${v}`;
}

/** True when `value` is `prefix` or starts with it and a space, in any case. */
function startsWithWord(value: string, prefix: string): boolean {
  const lower = value.toLocaleLowerCase("vi");
  const p = prefix.toLocaleLowerCase("vi");
  return lower === p || lower.startsWith(p + " ");
}

/** "Thành phố Hồ Chí Minh, ngày 05 tháng 02 năm 2021". */
export function placeAndDate(place: string | undefined, date: SimpleDate): string {
  const p = clean(place);
  const d = formatVietnameseDate(date);
  return p === "" ? d.charAt(0).toLocaleUpperCase("vi") + d.slice(1) : `${p}, ${d}`;
}

export function partyHeader(info: Pick<CellInfo, "dangBoCoSo" | "dangBoCapTren" | "chiBo" | "diaDanh">, date: SimpleDate): PartyHeader {
  return {
    // A cell directly under the higher committee has no Đảng bộ cơ sở: the documents
    // then print the higher committee, and so does the report.
    committee: prefixedUpper("Đảng bộ", clean(info.dangBoCoSo) || info.dangBoCapTren),
    cell: prefixedUpper("Chi bộ", info.chiBo),
    star: HEADER_BLOCK.star,
    party: HEADER_BLOCK.party,
    placeAndDate: placeAndDate(info.diaDanh, date),
  };
}

/** The committee a chi bộ reports to, in the words of "Nơi nhận": the Đảng ủy of its
 *  Đảng bộ cơ sở ("Đảng bộ Phường Bến Thành" → "Đảng ủy Phường Bến Thành"), or of the
 *  higher committee when the cell sits directly under it; "Đảng ủy cấp trên" when Thông
 *  tin names neither. */
export function higherCommitteeName(info: Pick<CellInfo, "dangBoCoSo" | "dangBoCapTren">): string {
  const name = clean(info.dangBoCoSo) || clean(info.dangBoCapTren);
  if (name === "") return "Đảng ủy cấp trên";
  const lower = name.toLocaleLowerCase("vi");
  if (lower.startsWith("đảng ủy ") || lower.startsWith("đảng uỷ ")) return "Đảng ủy " + name.slice(8);
  if (lower.startsWith("đảng bộ ")) return "Đảng ủy " + name.slice(8);
  return `Đảng ủy ${name}`;
}

/** "Số …-BC/CB": number and symbol of a chi bộ's report (HD 36-HD/VPTW: "Số" then the
 *  number, a dash, the kind BC and the issuer CB), with dots to fill by hand. */
export function reportNumberLine(number?: string): string {
  return documentNumber("report", "chiBo", number);
}

/** The type size at which a name of the issuer block ("ĐẢNG BỘ …", "CHI BỘ …") wraps, between
 *  words, to at most HEADER_BLOCK.maxNameLines lines in a box `widthPt` wide: the party's
 *  size when it fits, else a point smaller at a time down to HEADER_BLOCK.minNameSize. A
 *  sheet has no margin to reach into, so its block is narrower than a document's. */
export function headerNameSize(text: string, widthPt: number, bold: boolean): { size: number; lines: number } {
  const largest: number = bold ? SIZES.cell : SIZES.committee;
  const smallest: number = HEADER_BLOCK.minNameSize;
  let lines = 1;
  for (let size = largest; size >= smallest; size--) {
    lines = wrappedLineCount(text, widthPt, size, bold);
    if (lines <= HEADER_BLOCK.maxNameLines || size === smallest) return { size, lines };
  }
  return { size: smallest, lines };
}

/** "T/M CHI ỦY" for a cell with a chi ủy, "T/M CHI BỘ" for one with only a bí thư: the line
 *  above "BÍ THƯ" on every paper that signs for the cell (Báo cáo quý, kế hoạch…). Thông
 *  tin's `Chi bộ có chi ủy` decides; when it is empty, a member whose Chức vụ is Chi ủy
 *  viên means the cell elected a chi ủy (a bí thư and a phó bí thư alone do not: a cell of
 *  fewer than nine members elects those without a chi ủy). */
export function signsFor(info: Pick<CellInfo, "hasCommittee">, members: readonly Pick<Member, "role">[] = []): string {
  const committee = info.hasCommittee ?? members.some((m) => compareKey(m.role) === compareKey("Chi ủy viên"));
  return committee ? "T/M CHI ỦY" : "T/M CHI BỘ";
}
