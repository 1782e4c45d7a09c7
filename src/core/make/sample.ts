// A realistic sample cell for `chuyende demo` (and the add-in's demo), and a scaled
// generator for the benchmarks. The sample is a year in the life of one party cell:
// topics across the four quarters (one postponed, one held without a recorded
// approval, two still planned), attendance with a few absences, minutes and opinions.
import { buildCanonicalWorkbook, timeValue } from "./canonical";
import { ATTENDANCE_COLUMNS, MEMBER_COLUMNS, OPINION_COLUMNS, SHEETS, TABLES } from "../read/layout";
import type { ModelValue, SheetModel } from "./sheetModel";
import { REGISTER_COLUMNS, type CellValue, type SheetGrid, type SimpleDate, type WorkbookGrid } from "../shared/types";

export const SAMPLE_YEAR = 2025;

/** The as-of date the demo uses for a sample of `year`: late in Quý IV, so the register
 *  shows held, upcoming and planned topics at once. */
export function sampleAsOf(year: number = SAMPLE_YEAR): SimpleDate {
  return { year, month: 11, day: 20 };
}

export const SAMPLE_INFO = {
  dangBoCapTren: "Đảng bộ Khối Dân – Chính – Đảng Thành phố",
  dangBoCoSo: "Đảng bộ Sở Tài chính",
  chiBo: "Chi bộ Phòng Kế hoạch – Tài chính",
  biThu: "Nguyễn Thị Thu Hà",
  phoBiThu: "Trần Minh Quân",
  diaDanh: "Thành phố Hồ Chí Minh",
} as const;

interface SampleMember {
  name: string;
  role: string;
  kind: "Chính thức" | "Dự bị";
  exempt: boolean;
  note?: string;
}

export const SAMPLE_MEMBERS: readonly SampleMember[] = [
  { name: "Nguyễn Thị Thu Hà", role: "Bí thư", kind: "Chính thức", exempt: false },
  { name: "Trần Minh Quân", role: "Phó bí thư", kind: "Chính thức", exempt: false },
  { name: "Lê Văn Hùng", role: "Chi ủy viên", kind: "Chính thức", exempt: false },
  { name: "Phạm Thị Lan", role: "Đảng viên", kind: "Chính thức", exempt: false },
  { name: "Hoàng Đức Thắng", role: "Đảng viên", kind: "Chính thức", exempt: false },
  { name: "Võ Thị Mỹ Linh", role: "Đảng viên", kind: "Chính thức", exempt: false },
  { name: "Đặng Quốc Bảo", role: "Đảng viên", kind: "Chính thức", exempt: false },
  { name: "Bùi Thị Hồng Nhung", role: "Đảng viên", kind: "Chính thức", exempt: false },
  { name: "Đỗ Văn Tài", role: "Đảng viên", kind: "Chính thức", exempt: false },
  { name: "Ngô Thị Kim Oanh", role: "Đảng viên", kind: "Chính thức", exempt: false },
  { name: "Huỳnh Tấn Phát", role: "Đảng viên", kind: "Chính thức", exempt: false },
  { name: "Phan Thị Ngọc Ánh", role: "Đảng viên", kind: "Dự bị", exempt: false, note: "Kết nạp tháng 8 năm trước" },
  { name: "Trương Gia Huy", role: "Đảng viên", kind: "Dự bị", exempt: false, note: "Kết nạp tháng 01" },
  {
    name: "Lý Văn Sơn",
    role: "Đảng viên",
    kind: "Chính thức",
    exempt: true,
    note: "Tuổi cao, sức khỏe yếu; được miễn sinh hoạt theo quyết định của Đảng ủy",
  },
];

type Absence = { name: string; status: "Vắng có lý do" | "Vắng không lý do"; reason?: string };

interface SampleTopic {
  quarter: string;
  title: string;
  group: string;
  assignees: string;
  approvedOn?: [number, number];
  approvedBy?: string;
  draftSentOn?: [number, number];
  meetingOn?: [number, number];
  format: "Riêng" | "Lồng ghép";
  status: "Đã sinh hoạt" | "Dự kiến" | "Hoãn";
  finalSentOn?: [number, number];
  reportedOn?: [number, number];
  note?: string;
  /** Held topics: the meeting. */
  meeting?: {
    start: [number, number];
    end: [number, number];
    place: string;
    delegates: string;
    purpose: string;
    conclusion: string;
    tasks: string;
    /** Only chính thức members present vote (dự bị do not: Điều lệ Đảng, Điều 3). */
    vote: string;
    /** The minute-taker when it is not the usual one (who may be absent that day). */
    secretary?: string;
    absences: Absence[];
    opinions: [string, string][];
  };
}

const PLACE = "Phòng họp tầng 3, trụ sở Sở Tài chính";
const CHAIR = "Nguyễn Thị Thu Hà";
const SECRETARY = "Võ Thị Mỹ Linh";

function topics(year: number): SampleTopic[] {
  return [
    {
      quarter: "I",
      title:
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về ý chí tự lực, tự cường và khát vọng phát triển đất nước phồn vinh, hạnh phúc",
      group: "Xây dựng Đảng",
      assignees: "Trần Minh Quân",
      approvedOn: [3, 4],
      approvedBy: "Chi ủy",
      draftSentOn: [3, 6],
      meetingOn: [3, 14],
      format: "Riêng",
      status: "Đã sinh hoạt",
      finalSentOn: [3, 21],
      reportedOn: [3, 25],
      meeting: {
        start: [8, 0],
        end: [10, 15],
        place: PLACE,
        delegates: "Đồng chí Nguyễn Văn Bình, Đảng ủy viên, phụ trách chi bộ",
        purpose:
          "Nâng cao nhận thức của đảng viên về ý chí tự lực, tự cường; mỗi đảng viên đăng ký ít nhất một việc làm cụ thể gắn với nhiệm vụ của phòng.",
        conclusion:
          "Chi bộ thống nhất nội dung đề dẫn; giao đồng chí phụ trách tiếp thu ý kiến, hoàn thiện và gửi đảng viên trước ngày 21/3.",
        tasks: "Mỗi đảng viên nộp bản đăng ký việc làm theo gương Bác cho chi ủy trước ngày 31/3; chi ủy theo dõi, đánh giá cuối năm.",
        vote: "10/10 đảng viên chính thức có mặt tán thành",
        absences: [{ name: "Đặng Quốc Bảo", status: "Vắng có lý do", reason: "Đi công tác tại Cần Thơ" }],
        opinions: [
          ["Lê Văn Hùng", "Đề nghị bổ sung phần liên hệ với việc tham mưu dự toán ngân sách, nêu rõ những việc phòng còn làm chậm."],
          ["Phạm Thị Lan", "Nhất trí với đề dẫn; đề xuất mỗi tổ chuyên môn chọn một nội dung cải tiến quy trình để thực hiện trong năm."],
          [
            "Phan Thị Ngọc Ánh",
            "Là đảng viên dự bị, xin được giao nhiệm vụ cụ thể để rèn luyện; đề nghị chi bộ phân công đảng viên giúp đỡ.",
          ],
          ["Hoàng Đức Thắng", "Đề nghị đưa tiêu chí tự lực, tự cường vào đánh giá, xếp loại đảng viên cuối năm."],
        ],
      },
    },
    {
      quarter: "II",
      title: "Giải pháp nâng cao chất lượng thẩm định dự toán và quyết toán ngân sách của các đơn vị được phân công theo dõi",
      group: "Nhiệm vụ chuyên môn",
      assignees: "Lê Văn Hùng, Ngô Thị Kim Oanh",
      approvedOn: [4, 8],
      approvedBy: "Bí thư",
      draftSentOn: [4, 10],
      meetingOn: [4, 17],
      format: "Lồng ghép",
      status: "Đã sinh hoạt",
      finalSentOn: [4, 24],
      reportedOn: [4, 28],
      meeting: {
        start: [14, 0],
        end: [16, 15],
        place: PLACE,
        delegates: "Không có",
        purpose: "Thống nhất các giải pháp rút ngắn thời gian thẩm định, hạn chế sai sót phải trả hồ sơ về đơn vị.",
        conclusion:
          "Chi bộ thống nhất ban hành danh mục kiểm tra hồ sơ thẩm định; áp dụng từ quý III. Sinh hoạt chuyên đề lồng ghép sau phần sinh hoạt thường kỳ tháng 4.",
        tasks: "Đồng chí Lê Văn Hùng chủ trì soạn danh mục kiểm tra, trình lãnh đạo phòng trước ngày 30/5.",
        vote: "11/11 đảng viên chính thức có mặt tán thành",
        absences: [],
        opinions: [
          ["Đỗ Văn Tài", "Nhiều hồ sơ phải trả lại do thiếu biểu mẫu; đề nghị gửi trước biểu mẫu chuẩn cho đơn vị."],
          ["Bùi Thị Hồng Nhung", "Đề xuất họp giao ban với kế toán các đơn vị mỗi quý để giải đáp vướng mắc."],
          ["Huỳnh Tấn Phát", "Cần phân công người rà soát chéo trước khi trình ký để giảm sai sót."],
        ],
      },
    },
    {
      quarter: "II",
      title:
        "Nâng cao chất lượng công tác bồi dưỡng, giúp đỡ, kết nạp quần chúng vào Đảng và giúp đỡ đảng viên dự bị trở thành đảng viên chính thức",
      group: "Xây dựng Đảng",
      assignees: "Nguyễn Thị Thu Hà",
      // Approval not recorded: the check flags it (THIEU_THONG_QUA).
      draftSentOn: [6, 9],
      meetingOn: [6, 13],
      format: "Riêng",
      status: "Đã sinh hoạt",
      finalSentOn: [6, 20],
      reportedOn: [6, 24],
      meeting: {
        start: [14, 0],
        end: [15, 45],
        place: PLACE,
        delegates: "Đồng chí Trần Thị Mai, Bí thư Chi đoàn Sở",
        purpose: "Rà soát nguồn phát triển đảng viên; phân công đảng viên giúp đỡ quần chúng ưu tú và đảng viên dự bị.",
        conclusion:
          "Chi bộ thống nhất giới thiệu 02 quần chúng ưu tú tham dự lớp nhận thức về Đảng; phân công đảng viên chính thức giúp đỡ hai đồng chí dự bị.",
        tasks: "Đồng chí Trương Gia Huy và Phan Thị Ngọc Ánh báo cáo kết quả rèn luyện hằng quý với chi ủy.",
        vote: "10/10 đảng viên chính thức có mặt tán thành",
        absences: [{ name: "Huỳnh Tấn Phát", status: "Vắng không lý do" }],
        opinions: [
          ["Trần Minh Quân", "Đề nghị chi đoàn giới thiệu thêm đoàn viên ưu tú trong số cán bộ trẻ mới tuyển dụng."],
          ["Trương Gia Huy", "Báo cáo quá trình rèn luyện của bản thân; xin nhận thêm nhiệm vụ trong công tác đoàn thể."],
          ["Ngô Thị Kim Oanh", "Đề nghị chi ủy lập sổ theo dõi quần chúng cảm tình Đảng để đánh giá định kỳ."],
        ],
      },
    },
    {
      quarter: "III",
      title: "Lãnh đạo Công đoàn cơ sở phát huy vai trò trong thực hiện quy chế dân chủ ở cơ quan",
      group: "Lãnh đạo đoàn thể",
      assignees: "Bùi Thị Hồng Nhung",
      approvedOn: [7, 10],
      approvedBy: "Chi ủy",
      meetingOn: [7, 24],
      format: "Riêng",
      status: "Hoãn",
      note: "Hoãn do trùng đợt kiểm tra quyết toán của Kiểm toán Nhà nước; chuyển sang năm sau",
    },
    {
      quarter: "III",
      title: "Giải pháp tăng cường công tác kiểm tra, giám sát của chi bộ đối với đảng viên trong thực hiện nhiệm vụ được giao",
      group: "Xây dựng Đảng",
      assignees: "Lê Văn Hùng",
      approvedOn: [9, 8],
      approvedBy: "Chi ủy",
      draftSentOn: [9, 10],
      meetingOn: [9, 16],
      format: "Riêng",
      status: "Đã sinh hoạt",
      finalSentOn: [9, 23],
      // Not yet reported upward: a warning the secretary still has to act on.
      meeting: {
        start: [8, 0],
        end: [9, 40],
        place: PLACE,
        delegates: "Không có",
        purpose: "Thống nhất kế hoạch kiểm tra, giám sát của chi bộ quý IV và năm sau.",
        conclusion:
          "Chi bộ thống nhất kiểm tra việc thực hiện nhiệm vụ của 02 đảng viên trong quý IV; giám sát thường xuyên việc tu dưỡng, rèn luyện của đảng viên dự bị.",
        tasks: "Chi ủy ban hành kế hoạch kiểm tra trước ngày 30/9; đồng chí Lê Văn Hùng theo dõi, báo cáo.",
        vote: "9/9 đảng viên chính thức có mặt tán thành",
        // The usual minute-taker is on maternity leave that day.
        secretary: "Phạm Thị Lan",
        absences: [
          { name: "Võ Thị Mỹ Linh", status: "Vắng có lý do", reason: "Nghỉ thai sản" },
          { name: "Đỗ Văn Tài", status: "Vắng không lý do" },
        ],
        opinions: [
          ["Phạm Thị Lan", "Đề nghị công khai kết quả kiểm tra trong chi bộ để đảng viên cùng rút kinh nghiệm."],
          ["Đặng Quốc Bảo", "Cần gắn giám sát với việc thực hiện bản đăng ký làm theo gương Bác đầu năm."],
          ["Hoàng Đức Thắng", "Nhất trí kế hoạch; đề nghị bổ sung nội dung giám sát việc kê khai tài sản, thu nhập."],
          ["Trần Minh Quân", "Đề xuất phân công chi ủy viên phụ trách từng nội dung giám sát."],
          ["Phan Thị Ngọc Ánh", "Xin được tham gia tổ giúp việc để học hỏi kinh nghiệm."],
        ],
      },
    },
    {
      quarter: "IV",
      title: "Lãnh đạo Chi đoàn thực hiện tốt công tác giới thiệu đoàn viên ưu tú cho Đảng bồi dưỡng, xem xét kết nạp",
      group: "Lãnh đạo đoàn thể",
      assignees: "Phan Thị Ngọc Ánh, Trương Gia Huy",
      approvedOn: [11, 18],
      approvedBy: "Bí thư",
      meetingOn: [11, 27],
      format: "Lồng ghép",
      status: "Dự kiến",
    },
    {
      quarter: "IV",
      title: `Giải pháp khắc phục hạn chế, khuyết điểm được nêu qua kiểm điểm, đánh giá năm ${year - 1} trong công tác tham mưu tài chính`,
      group: "Nhiệm vụ chuyên môn",
      assignees: "Ngô Thị Kim Oanh",
      meetingOn: [12, 18],
      format: "Riêng",
      status: "Dự kiến",
    },
  ];
}

/** The sample's tables as canonical rows. */
export interface SampleRows {
  year: number;
  members: ModelValue[][];
  register: ModelValue[][];
  attendance: ModelValue[][];
  minutes: ModelValue[][];
  opinions: ModelValue[][];
}

export function sampleRows(year: number = SAMPLE_YEAR): SampleRows {
  const date = (md: [number, number] | undefined): ModelValue => (md ? { date: { year, month: md[0], day: md[1] } } : null);
  const members = SAMPLE_MEMBERS.map((m) => [m.name, m.role, m.kind, m.exempt ? "Có" : "Không", m.note ?? null]);
  const register: ModelValue[][] = [];
  const attendance: ModelValue[][] = [];
  const minutes: ModelValue[][] = [];
  const opinions: ModelValue[][] = [];
  topics(year).forEach((t, i) => {
    const stt = i + 1;
    register.push([
      stt,
      t.quarter,
      t.title,
      t.group,
      t.assignees,
      date(t.approvedOn),
      t.approvedBy ?? null,
      date(t.draftSentOn),
      date(t.meetingOn),
      t.format,
      t.status,
      date(t.finalSentOn),
      date(t.reportedOn),
      t.note ?? null,
    ]);
    const m = t.meeting;
    if (!m) return;
    for (const member of SAMPLE_MEMBERS) {
      const absent = m.absences.find((a) => a.name === member.name);
      const status = member.exempt ? "Miễn sinh hoạt" : absent ? absent.status : "Có mặt";
      attendance.push([stt, member.name, status, absent?.reason ?? (member.exempt ? "Được miễn sinh hoạt" : null)]);
    }
    minutes.push([
      stt,
      timeValue(m.start[0] * 60 + m.start[1]),
      timeValue(m.end[0] * 60 + m.end[1]),
      m.place,
      CHAIR,
      m.secretary ?? SECRETARY,
      m.delegates,
      m.purpose,
      m.conclusion,
      m.tasks,
      m.vote,
    ]);
    for (const [speaker, content] of m.opinions) opinions.push([stt, speaker, content]);
  });
  return { year, members, register, attendance, minutes, opinions };
}

/** The sample register as the six canonical sheets. */
export function sampleWorkbook(year: number = SAMPLE_YEAR): SheetModel[] {
  const rows = sampleRows(year);
  return buildCanonicalWorkbook({
    year,
    ...SAMPLE_INFO,
    // The sample cell has a chi ủy (Bí thư, Phó bí thư, a Chi ủy viên): its papers sign "T/M CHI ỦY".
    info: { biThu: SAMPLE_INFO.biThu, phoBiThu: SAMPLE_INFO.phoBiThu, diaDanh: SAMPLE_INFO.diaDanh, hasCommittee: "Có" },
    members: rows.members,
    register: rows.register,
    attendance: rows.attendance,
    minutes: rows.minutes,
    opinions: rows.opinions,
    emptyRows: 5,
  });
}

// ---------------------------------------------------------------------------
// Scaled generator (benchmarks)

export interface ScaledOptions {
  topics: number;
  attendanceRows: number;
  year?: number;
  /** Members in the list (attendance names are drawn from it). Default 60. */
  members?: number;
}

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Ngô", "Huỳnh", "Phan", "Trương", "Lý"];
const MIDDLE = ["Văn", "Thị", "Minh", "Thu", "Đức", "Ngọc", "Quốc", "Hồng", "Kim", "Tấn"];
const GIVEN = ["An", "Bình", "Cường", "Dung", "Hà", "Hùng", "Lan", "Linh", "Nhung", "Oanh", "Phát", "Quân", "Sơn", "Tài", "Thắng"];
const TITLES = [
  "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
  "Nâng cao chất lượng sinh hoạt chi bộ",
  "Công tác phát triển đảng viên",
  "Tăng cường công tác kiểm tra, giám sát của chi bộ",
  "Phát huy vai trò của tổ chức đoàn thể",
  "Khắc phục hạn chế trong thực hiện nhiệm vụ chuyên môn",
];

function personName(i: number): string {
  return `${FAMILY[i % FAMILY.length]} ${MIDDLE[Math.floor(i / FAMILY.length) % MIDDLE.length]} ${GIVEN[Math.floor(i / (FAMILY.length * MIDDLE.length)) % GIVEN.length]} ${Math.floor(i / 2100) || ""}`.trim();
}

/** A big register (deterministic): `topics` topic rows spread over the year, mostly held
 *  and complete with some gaps, and `attendanceRows` attendance rows over the held ones. */
export function scaledRows(opts: ScaledOptions): SampleRows {
  const year = opts.year ?? SAMPLE_YEAR;
  const memberCount = opts.members ?? 60;
  const names = Array.from({ length: memberCount }, (_, i) => personName(i));
  const members: ModelValue[][] = names.map((n, i) => [
    n,
    i === 0 ? "Bí thư" : "Đảng viên",
    i % 9 === 8 ? "Dự bị" : "Chính thức",
    "Không",
    null,
  ]);
  const register: ModelValue[][] = [];
  const d = (dayOfYear: number): ModelValue => {
    const t = new Date(Date.UTC(year, 0, 1 + dayOfYear));
    return { date: { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() } };
  };
  for (let i = 0; i < opts.topics; i++) {
    const meetingDay = 10 + Math.floor((i * 340) / Math.max(1, opts.topics));
    const quarter = ["I", "II", "III", "IV"][Math.min(3, Math.floor(new Date(Date.UTC(year, 0, 1 + meetingDay)).getUTCMonth() / 3))];
    const gap = i % 17;
    register.push([
      i + 1,
      quarter,
      `${TITLES[i % TITLES.length]} (đợt ${i + 1})`,
      ["Xây dựng Đảng", "Nhiệm vụ chuyên môn", "Lãnh đạo đoàn thể"][i % 3],
      `${names[i % memberCount]}, ${names[(i * 7 + 3) % memberCount]}`,
      gap === 1 ? null : d(meetingDay - 7),
      "Chi ủy",
      gap === 2 ? null : gap === 3 ? d(meetingDay - 9) : d(meetingDay - 4),
      gap === 4 ? "31/02/" + year : d(meetingDay),
      i % 5 === 0 ? "Lồng ghép" : "Riêng",
      gap === 5 ? "Hoãn" : "Đã sinh hoạt",
      gap === 6 ? null : d(meetingDay + 5),
      gap === 7 ? null : d(meetingDay + 8),
      null,
    ]);
  }
  const attendance: ModelValue[][] = [];
  const perTopic = Math.max(1, Math.ceil(opts.attendanceRows / Math.max(1, opts.topics)));
  for (let i = 0; attendance.length < opts.attendanceRows; i++) {
    const stt = (i % Math.max(1, opts.topics)) + 1;
    for (let k = 0; k < perTopic && attendance.length < opts.attendanceRows; k++) {
      const r = (i * 31 + k * 7) % 50;
      const status = r === 0 ? "Vắng không lý do" : r < 3 ? "Vắng có lý do" : "Có mặt";
      attendance.push([stt, names[(i + k) % memberCount], status, r > 0 && r < 3 ? "Công tác" : null]);
    }
  }
  return { year, members, register, attendance, minutes: [], opinions: [] };
}

function toCell(v: ModelValue): CellValue {
  if (v && typeof v === "object" && !(v instanceof Date)) {
    if ("date" in v) return new Date(Date.UTC(v.date.year, v.date.month - 1, v.date.day));
    return null;
  }
  return v;
}

function gridSheet(name: string, headers: readonly string[], rows: ModelValue[][]): SheetGrid {
  return { name, values: [[...headers], ...rows.map((r) => r.map(toCell))], merges: [] };
}

/** The scaled register as a WorkbookGrid, the way the exceljs adapter would hand it over
 *  (tables included, dates as UTC Dates). */
export function sampleRegisterGrid(opts: ScaledOptions): WorkbookGrid {
  const rows = scaledRows(opts);
  const sheets: SheetGrid[] = [
    gridSheet(SHEETS.info, ["Mục", "Giá trị"], [["Năm", rows.year]]),
    gridSheet(SHEETS.members, MEMBER_COLUMNS, rows.members),
    gridSheet(SHEETS.register, REGISTER_COLUMNS, rows.register),
    gridSheet(SHEETS.attendance, ATTENDANCE_COLUMNS, rows.attendance),
    gridSheet(SHEETS.opinions, OPINION_COLUMNS, rows.opinions),
  ];
  const table = (name: string, sheet: SheetGrid) => ({
    name,
    sheet: sheet.name,
    top: 0,
    left: 0,
    bottom: Math.max(1, sheet.values.length - 1),
    right: (sheet.values[0]?.length ?? 1) - 1,
  });
  return {
    sheets,
    tables: [
      table(TABLES.info, sheets[0]),
      table(TABLES.members, sheets[1]),
      table(TABLES.register, sheets[2]),
      table(TABLES.attendance, sheets[3]),
      table(TABLES.opinions, sheets[4]),
    ],
    date1904: false,
  };
}

/** The scaled register as canonical sheets (to write an .xlsx of it). */
export function scaledWorkbook(opts: ScaledOptions): SheetModel[] {
  const rows = scaledRows(opts);
  return buildCanonicalWorkbook({
    year: rows.year,
    members: rows.members,
    register: rows.register,
    attendance: rows.attendance,
    emptyRows: 0,
  });
}
