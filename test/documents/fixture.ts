// A small canonical workbook (as a grid, read by the real reader) for the document tests:
// a cell of 12 members, topic 1 held with attendance, minutes and opinions.
import { readWorkbook } from "../../src/core/read/register";
import type { CellValue, ParsedWorkbook, SheetGrid, WorkbookGrid } from "../../src/core/shared/types";

export const MEMBERS: [string, string, string, string][] = [
  // name, role, kind, exempt
  ["Nguyễn Văn An", "Bí thư", "Chính thức", "Không"],
  ["Trần Thị Bình", "Phó bí thư", "Chính thức", "Không"],
  ["Lê Văn Cường", "Chi ủy viên", "Chính thức", "Không"],
  ["Phạm Thị Dung", "Đảng viên", "Chính thức", "Không"],
  ["Đỗ Văn Em", "Đảng viên", "Chính thức", "Không"],
  ["Hồ Thị Giang", "Đảng viên", "Chính thức", "Không"],
  ["Vũ Văn Hải", "Đảng viên", "Chính thức", "Không"],
  ["Bùi Thị Hoà", "Đảng viên", "Chính thức", "Không"],
  ["Đặng Văn Khoa", "Đảng viên", "Chính thức", "Có"],
  ["Ngô Thị Lan", "Đảng viên", "Chính thức", "Không"],
  ["Dương Văn Minh", "Đảng viên", "Chính thức", "Không"],
  ["Lý Thị Ngọc", "Đảng viên", "Dự bị", "Không"],
];

export const TOPIC_1 = "Nâng cao chất lượng sinh hoạt chi bộ gắn với học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh";

function sheet(name: string, values: CellValue[][]): SheetGrid {
  return { name, values };
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

export interface FixtureOptions {
  /** Leave Trần Thị Bình out of Điểm danh (counts do not add up). */
  dropAttendee?: boolean;
  /** Hồ Thị Giang, marked absent, is recorded with an opinion (Ý kiến) at STT 1. */
  absentSpeaker?: boolean;
  /** A second register row also numbered STT 1. */
  duplicateStt?: boolean;
  chiBo?: string;
  dangBoCoSo?: string;
}

export function fixtureGrid(opts: FixtureOptions = {}): WorkbookGrid {
  const attendance: CellValue[][] = [["STT chuyên đề", "Họ và tên", "Tình trạng", "Lý do"]];
  for (const [name, , , exempt] of MEMBERS) {
    let status = "Có mặt";
    let reason = "";
    if (exempt === "Có") status = "Miễn sinh hoạt";
    if (name === "Đỗ Văn Em") [status, reason] = ["Vắng có lý do", "Đi công tác tại Đà Nẵng"];
    if (name === "Hồ Thị Giang") status = "Vắng không lý do";
    if (opts.dropAttendee && name === "Trần Thị Bình") continue;
    attendance.push([1, name, status, reason]);
  }
  return {
    sheets: [
      sheet("Thông tin", [
        ["Mục", "Giá trị"],
        ["Đảng bộ cấp trên", "Đảng bộ Khối Cơ sở Bộ Công Thương"],
        ["Đảng bộ cơ sở", opts.dangBoCoSo ?? "Trường THPT Nguyễn Du"],
        ["Chi bộ", opts.chiBo ?? "Chi bộ Tổ Toán – Tin"],
        ["Năm", 2021],
        ["Bí thư", "Nguyễn Văn An"],
        ["Phó bí thư", "Trần Thị Bình"],
        ["Địa danh", "Thành phố Hồ Chí Minh"],
      ]),
      sheet("Đảng viên", [["Họ và tên", "Chức vụ", "Loại", "Miễn sinh hoạt", "Ghi chú"], ...MEMBERS.map((m) => [...m, ""])]),
      sheet("Sổ chuyên đề", [
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
          "Ghi chú",
        ],
        [
          1,
          "I",
          TOPIC_1,
          "Xây dựng Đảng",
          "Lê Văn Cường và Phạm Thị Dung",
          utc(2021, 1, 20),
          "Chi ủy",
          utc(2021, 1, 25),
          utc(2021, 2, 5),
          "Riêng",
          "Đã sinh hoạt",
          utc(2021, 2, 10),
          utc(2021, 2, 12),
          "",
        ],
        [
          2,
          "II",
          "Giải pháp tăng cường công tác kiểm tra, giám sát của chi bộ",
          "Xây dựng Đảng",
          "Trần Thị Bình",
          "",
          "",
          "",
          "15/04/2021",
          "Lồng ghép",
          "Dự kiến",
          "",
          "",
          "",
        ],
        ...(opts.duplicateStt
          ? [[1, "IV", "Chuyên đề ghi nhầm STT 1", "Xây dựng Đảng", "Trần Thị Bình", "", "", "", "", "", "Dự kiến", "", "", ""]]
          : []),
        [
          5,
          "III",
          "Chi bộ lãnh đạo Công đoàn thực hiện nhiệm vụ năm 2021",
          "Lãnh đạo đoàn thể",
          "",
          "",
          "",
          "",
          "",
          "",
          "Dự kiến",
          "",
          "",
          "",
        ],
      ]),
      sheet("Điểm danh", attendance),
      sheet("Biên bản", [
        [
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
        ],
        [
          1,
          "8:00",
          "10h30",
          "Phòng họp tầng 2, Trường THPT Nguyễn Du",
          "Nguyễn Văn An",
          "Ngô Thị Lan",
          "Đồng chí Vũ Thị Quế, Đảng ủy viên",
          "Thống nhất nhận thức về trách nhiệm nêu gương của đảng viên",
          "Chi bộ thống nhất tiếp thu ý kiến, hoàn thiện chuyên đề",
          "Đồng chí Cường hoàn thiện đề dẫn trước ngày 10/02/2021",
          "8/8 tán thành",
        ],
      ]),
      sheet("Ý kiến", [
        ["STT chuyên đề", "Người phát biểu", "Nội dung"],
        [1, "Dương Văn Minh", "Đề nghị bổ sung số liệu về tỷ lệ đảng viên phát biểu trong sinh hoạt"],
        [1, "Lý Thị Ngọc", "Nêu kinh nghiệm chuẩn bị ý kiến trước buổi sinh hoạt"],
        ...(opts.absentSpeaker ? [[1, "Hồ Thị Giang", "Đề nghị chi bộ phân công người giúp đỡ đảng viên mới"]] : []),
        [2, "Bùi Thị Hoà", "Ý kiến của chuyên đề khác"],
      ]),
    ],
  };
}

export function fixtureBook(opts: FixtureOptions = {}): ParsedWorkbook {
  return readWorkbook(fixtureGrid(opts));
}
