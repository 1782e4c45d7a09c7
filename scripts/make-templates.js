#!/usr/bin/env node
// Builds the built-in document templates (assets/templates/de-dan.docx, bien-ban.docx,
// ke-hoach.docx, danh-sach.docx, thong-bao.docx, bao-cao.docx) with the `docx` package, in party document format (Hướng dẫn
// 36-HD/VPTW; SPEC §7). Run with `npm run templates` (or `node scripts/make-templates.js DIR`).
//
// The output is byte-for-byte reproducible: `docx` stamps docProps/core.xml and
// every zip entry with the current time and has no option to fix them, so the
// package is unpacked and re-zipped here with fixed timestamps.
//
// Every docxtemplater tag is written as the whole text of one TextRun (one w:r),
// so Word never sees a tag split across runs. The tags are the names documented
// in TEMPLATE_FIELDS (src/core/make/documentData.ts); test/documents checks the two agree.
"use strict";

const fs = require("fs");
const path = require("path");
const { reproduciblePackage } = require("./release/zip");
// The version that made them, in their properties (its one source is package.json).
const PRODUCED_BY = `Sổ chuyên đề ${require("../package.json").version}`;
const {
  AlignmentType,
  BorderStyle,
  HeightRule,
  Document,
  Header,
  PageNumber,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} = require("docx");

/** The party's document format (src/core/shared/partyFormat.ts, HD 36-HD/VPTW): read from
 *  the TypeScript source itself (it has no imports), so a template made here never lags
 *  behind the module the program uses. */
function loadPartyFormat() {
  const ts = require("typescript");
  const file = path.join(__dirname, "..", "src", "core", "shared", "partyFormat.ts");
  const js = ts.transpileModule(fs.readFileSync(file, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  }).outputText;
  const mod = { exports: {} };
  new Function("exports", "module", "require", js)(mod.exports, mod, require);
  return mod.exports;
}
const FORMAT = loadPartyFormat();
const SIZES = FORMAT.SIZES;

const FONT_NAME = FORMAT.FONT;
const FONT = { ascii: FONT_NAME, hAnsi: FONT_NAME, cs: FONT_NAME, eastAsia: FONT_NAME };
/** docx sizes are half-points. */
const pt = (n) => n * 2;
const mm = (n) => Math.round((n * 1440) / 25.4);

// A4 and the party margins.
const PAGE = { width: mm(FORMAT.PAGE_MM.width), height: mm(FORMAT.PAGE_MM.height) };
const MARGIN = {
  top: mm(FORMAT.MARGINS_MM.top),
  bottom: mm(FORMAT.MARGINS_MM.bottom),
  left: mm(FORMAT.MARGINS_MM.left),
  right: mm(FORMAT.MARGINS_MM.right),
};
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** The header block's grid (HEADER_BLOCK): into the left and right margins, issuer over the
 *  first two columns, the party line over the third, place and date over the last two. */
const HEADER_OUTDENT_LEFT = mm(FORMAT.HEADER_BLOCK.outdentLeftMm);
const HEADER_OUTDENT_RIGHT = mm(FORMAT.HEADER_BLOCK.outdentRightMm);
const [HEADER_A, HEADER_B] = FORMAT.HEADER_BLOCK.columnsMm;
const HEADER_COLUMNS = [mm(HEADER_A), mm(HEADER_B), TEXT_WIDTH + HEADER_OUTDENT_LEFT + HEADER_OUTDENT_RIGHT - mm(HEADER_A + HEADER_B)];
/** A blank to fill by hand: a full line of dots at 14 pt after "1. " and the first-line indent. */
const DOTS = "…".repeat(29);

/** Fixed time for docProps and zip entries (local-time fields, so any TZ gives the same bytes). */
const FIXED_ISO = "2021-01-01T00:00:00Z";
const FIXED_ZIP_DATE = new Date(2021, 0, 1, 0, 0, 0);

/** One run. `text` may hold one tag, plain text, or both, but a tag is never split. */
function run(text, o = {}) {
  return new TextRun({
    text,
    font: FONT,
    size: pt(o.size || SIZES.body),
    bold: o.bold || undefined,
    italics: o.italics || undefined,
    underline: o.underline ? { type: "single" } : undefined,
    allCaps: undefined,
  });
}

/** A paragraph of runs; `parts` are strings or [text, runOptions]. */
function para(parts, o = {}) {
  const list = Array.isArray(parts) ? parts : [parts];
  return new Paragraph({
    alignment: o.align || AlignmentType.JUSTIFIED,
    spacing: { before: o.before || 0, after: o.after === undefined ? 80 : o.after, line: o.line || 276, lineRule: LineRuleType.AUTO },
    indent: o.indent === undefined ? { firstLine: 567 } : o.indent,
    keepNext: o.keepNext || undefined,
    children: list.map((p) => (typeof p === "string" ? run(p, o.run || {}) : run(p[0], { ...(o.run || {}), ...p[1] }))),
  });
}

const center = (parts, o = {}) => para(parts, { ...o, align: AlignmentType.CENTER, indent: {} });
const left = (parts, o = {}) => para(parts, { ...o, align: AlignmentType.LEFT, indent: {} });
/** A paragraph holding only a loop/condition tag: docxtemplater (paragraphLoop) drops it. */
const tagLine = (tag) => left([tag], { after: 0 });
const heading = (text) => para([[text, { bold: true }]], { before: 120, keepNext: true, indent: { firstLine: 567 } });
/** Guidance the drafter replaces with the real content (italic, in brackets). */
const guide = (text) => para([[text, { italics: true }]]);

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };
const NO_TABLE_BORDERS = { ...NO_BORDERS, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };

function cell(children, width) {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    borders: NO_BORDERS,
    verticalAlign: VerticalAlign.TOP,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
  });
}

/** A borderless two-column table (header block, signature block). `outdent` widens it
 *  into both margins (the header's place-and-date line needs the room). */
function twoColumns(leftChildren, rightChildren, leftWidth, outdent = 0) {
  const width = TEXT_WIDTH + 2 * outdent;
  return new Table({
    width: { size: width, type: WidthType.DXA },
    indent: outdent ? { size: -outdent, type: WidthType.DXA } : undefined,
    columnWidths: [leftWidth, width - leftWidth],
    layout: TableLayoutType.FIXED,
    borders: NO_TABLE_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [cell(leftChildren, leftWidth), cell(rightChildren, width - leftWidth)] })],
  });
}

/** Header of a party document (HD 36-HD/VPTW): issuing body left (superior 14 upright,
 *  issuer 14 bold, "*"), "ĐẢNG CỘNG SẢN VIỆT NAM" right (15 bold, underlined), and the
 *  place and date under it (14 italic). */
function headerBlock(number = "") {
  const tight = { after: 0, line: 240 };
  const [a, b, c] = HEADER_COLUMNS;
  const width = a + b + c;
  const spanCell = (children, w, span) =>
    new TableCell({
      children,
      width: { size: w, type: WidthType.DXA },
      columnSpan: span,
      borders: NO_BORDERS,
      verticalAlign: VerticalAlign.TOP,
      margins: { left: 0, right: 0, top: 0, bottom: 0 },
    });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    indent: { size: -HEADER_OUTDENT_LEFT, type: WidthType.DXA },
    columnWidths: HEADER_COLUMNS,
    layout: TableLayoutType.FIXED,
    borders: NO_TABLE_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          spanCell(
            [
              center([["{dangBoCoSoUpper}", { size: SIZES.committee }]], tight),
              center([["{chiBoUpper}", { bold: true, size: SIZES.cell }]], tight),
              center([FORMAT.HEADER_BLOCK.star], tight),
            ],
            a + b,
            2,
          ),
          spanCell(
            [center([[FORMAT.HEADER_BLOCK.party, { bold: true, size: SIZES.party, underline: true }]], { after: 120, line: 240 })],
            c,
            1,
          ),
        ],
      }),
      new TableRow({
        cantSplit: true,
        children: [
          spanCell([center([[number, { size: SIZES.number }]], tight)], a, 1),
          spanCell([center([["{diaDanhNgay}", { italics: true, size: SIZES.placeAndDate }]], tight)], b + c, 2),
        ],
      }),
    ],
  });
}

/** "Nơi nhận:" 14 upright underlined, then the recipients 12 upright (HD 36-HD/VPTW). */
function recipients(lines) {
  return [
    left([["Nơi nhận:", { underline: true, size: SIZES.recipientsHeading }]], { after: 0 }),
    ...lines.map((l) => left([[l, { size: SIZES.recipients }]], { after: 0 })),
  ];
}

function signatureBlock(leftChildren, rightChildren) {
  return twoColumns(leftChildren, rightChildren, Math.round(TEXT_WIDTH / 2));
}

/** The document's kind and subject line under the header (HD 36-HD/VPTW: kind 16 bold, subject
 *  14 bold, a short rule under them). */
function titleBlock(kind, subject, { subjectAfter = 0, ruleAfter = 160 } = {}) {
  return [
    para([""], { after: 0 }),
    center([[kind, { bold: true, size: SIZES.kind }]], { after: 0 }),
    center([[subject, { bold: true, size: SIZES.subject }]], { after: subjectAfter }),
    center(["-----"], { after: ruleAfter }),
  ];
}

function documentOf(title, children) {
  return new Document({
    creator: PRODUCED_BY,
    lastModifiedBy: PRODUCED_BY,
    title,
    description: "Mẫu của Sổ chuyên đề: các thẻ được điền từ sổ; xem tài liệu Văn bản và mẫu.",
    revision: 1,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: pt(SIZES.body) },
          paragraph: { spacing: { after: 80, line: 276, lineRule: LineRuleType.AUTO } },
        },
      },
    },
    // Page numbers from page 2, centred in the top margin (HD 36-HD/VPTW); the first page
    // has an empty header of its own (titlePage).
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN }, titlePage: true },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(SIZES.pageNumber) })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
}

function deDan() {
  const blank = () => para([""], { after: 0 });
  return documentOf("Đề dẫn chuyên đề", [
    headerBlock(),
    blank(),
    para([["DỰ THẢO", { bold: true }]], { align: AlignmentType.RIGHT, indent: {} }),
    center([["ĐỀ DẪN CHUYÊN ĐỀ {quyTextUpper}", { bold: true, size: SIZES.subject }]], { after: 60 }),
    center([["{tenChuyenDe}", { bold: true }]], { after: 60 }),
    center(
      [
        ["Người chuẩn bị: ", { italics: true }],
        ["{nguoiPhuTrach}", { italics: true }],
      ],
      { after: 60 },
    ),
    center(
      [
        ["Dự kiến sinh hoạt: ", { italics: true }],
        ["{ngaySinhHoat}", { italics: true }],
        [" ({quyText})", { italics: true }],
      ],
      { after: 240 },
    ),
    heading("I. SỰ CẦN THIẾT, MỤC ĐÍCH, YÊU CẦU"),
    para([["1. Sự cần thiết", { bold: true }]]),
    guide(
      "(Nêu lý do chọn chuyên đề: căn cứ chủ trương, nghị quyết, hướng dẫn của cấp trên; tình hình thực tế " +
        "của chi bộ, cơ quan, đơn vị đặt ra vấn đề cần giải quyết.)",
    ),
    para([["2. Mục đích, yêu cầu", { bold: true }]]),
    guide("(Nêu mục đích của chuyên đề đối với chi bộ, đảng viên; yêu cầu đối với đảng viên khi nghiên cứu, " + "thảo luận và thực hiện.)"),
    heading("II. THỰC TRẠNG"),
    para([["1. Kết quả đạt được", { bold: true }]]),
    guide("(Nêu những kết quả chi bộ, đảng viên đã đạt được liên quan đến nội dung chuyên đề, có số liệu minh họa.)"),
    para([["2. Hạn chế", { bold: true }]]),
    guide("(Nêu cụ thể những hạn chế, yếu kém còn tồn tại.)"),
    para([["3. Nguyên nhân", { bold: true }]]),
    guide("(Phân tích nguyên nhân khách quan, nguyên nhân chủ quan của những hạn chế nêu trên.)"),
    heading("III. NHIỆM VỤ, GIẢI PHÁP"),
    guide(
      "(Đề xuất những nhiệm vụ, giải pháp cụ thể, khả thi mà chi bộ, đảng viên cần thực hiện để khắc phục hạn " +
        "chế, nâng cao chất lượng; phân công người thực hiện và thời gian hoàn thành.)",
    ),
    heading("IV. CÁC VẤN ĐỀ ĐỀ NGHỊ CHI BỘ THẢO LUẬN"),
    guide(
      "(Nêu rõ, cụ thể từng vấn đề cần chi bộ thảo luận, cho ý kiến; đảng viên liên hệ bản thân và liên hệ " +
        "với chi bộ, cơ quan, đơn vị.)",
    ),
    para([`1. ${DOTS}`]),
    para([`2. ${DOTS}`]),
    para([""], { after: 120 }),
    para(
      [
        ["Dự thảo được ", { italics: true }],
        ["{nguoiThongQua}", { italics: true }],
        [" thông qua ngày ", { italics: true }],
        ["{ngayThongQua}", { italics: true }],
        [", gửi đảng viên ngày ", { italics: true }],
        ["{ngayGuiDuThao}", { italics: true }],
        [".", { italics: true }],
      ],
      { after: 240, keepNext: true },
    ),
    signatureBlock(recipients(["- Chi ủy chi bộ (để thông qua),", "- Các đảng viên trong chi bộ,", "- Lưu hồ sơ chi bộ."]), [
      // One signature slot per drafter: title, room to sign, name — repeated.
      tagLine("{#nguoiChuanBi}"),
      center([["NGƯỜI CHUẨN BỊ", { bold: true }]], { after: 0, keepNext: true }),
      center([["(Ký, ghi rõ họ tên)", { italics: true }]], { after: 1200, keepNext: true }),
      center([["{hoTen}", { bold: true }]], { after: 240 }),
      tagLine("{/nguoiChuanBi}"),
    ]),
  ]);
}

function bienBan() {
  const item = (parts) => para(parts, { indent: { firstLine: 567 } });
  const sub = (parts) => para(parts, { indent: { left: 567, firstLine: 567 } });
  const subsub = (parts) => para(parts, { indent: { left: 1134, firstLine: 567 }, after: 40 });
  return documentOf("Biên bản sinh hoạt chi bộ chuyên đề", [
    headerBlock(),
    para([""], { after: 0 }),
    center([["BIÊN BẢN", { bold: true, size: SIZES.kind }]], { after: 0 }),
    center([["SINH HOẠT CHI BỘ CHUYÊN ĐỀ {quyTextUpper}", { bold: true, size: SIZES.subject }]], { after: 60 }),
    center(
      [
        ["Chuyên đề: ", { bold: true }],
        ["{tenChuyenDe}", { bold: true }],
      ],
      { after: 240 },
    ),
    item([
      "Hôm nay, vào lúc ",
      "{gioBatDau}",
      ", ",
      "{ngaySinhHoatVietBang}",
      ", tại ",
      "{diaDiem}",
      ", ",
      "{chiBo}",
      " tổ chức sinh hoạt chi bộ chuyên đề ",
      "{quyText}",
      "{hinhThucText}",
      ".",
    ]),
    item(["- Chủ trì: đồng chí ", "{chuTri}", "{chuTriChucVuText}", "."]),
    item(["- Thư ký: đồng chí ", "{thuKy}", "."]),
    item([
      "- Tổng số đảng viên của chi bộ: ",
      "{tongSo}",
      " đồng chí (chính thức: ",
      "{soChinhThuc}",
      ", dự bị: ",
      "{soDuBi}",
      "); miễn sinh hoạt: ",
      "{soMienSinhHoat}",
      " đồng chí.",
    ]),
    item([
      "- Có mặt: ",
      "{soCoMat}",
      "/",
      "{soPhaiDu}",
      " đồng chí (chính thức: ",
      "{soCoMatChinhThuc}",
      ", dự bị: ",
      "{soCoMatDuBi}",
      "; tỷ lệ ",
      "{tyLeCoMat}",
      "); vắng: ",
      "{soVang}",
      " đồng chí, trong đó:",
    ]),
    sub(["+ Vắng có lý do: ", "{soVangCoLyDo}", " đồng chí."]),
    tagLine("{#vangCoLyDo}"),
    subsub(["Đồng chí ", "{hoTen}", " — lý do: ", "{lyDo}", "."]),
    tagLine("{/vangCoLyDo}"),
    sub(["+ Vắng không lý do: ", "{soVangKhongLyDo}", " đồng chí."]),
    tagLine("{#vangKhongLyDo}"),
    subsub(["Đồng chí ", "{hoTen}", "."]),
    tagLine("{/vangKhongLyDo}"),
    item(["- Đại biểu tham dự: ", "{daiBieu}", "."]),

    heading("I. MỞ ĐẦU"),
    item([
      "Đồng chí ",
      "{chuTri}",
      " tuyên bố lý do; giới thiệu đại biểu: ",
      "{daiBieu}",
      "; cử đồng chí ",
      "{thuKy}",
      " làm thư ký ghi biên bản; thông báo tình hình đảng viên dự sinh hoạt: có mặt ",
      "{soCoMat}",
      " đồng chí, vắng ",
      "{soVang}",
      " đồng chí (có lý do ",
      "{soVangCoLyDo}",
      ", không có lý do ",
      "{soVangKhongLyDo}",
      ").",
    ]),
    item(["Chi bộ thống nhất thông qua nội dung, chương trình buổi sinh hoạt."]),

    heading("II. NỘI DUNG"),
    item([
      ["1. Mục đích, yêu cầu: ", { bold: true }],
      "đồng chí ",
      "{chuTri}",
      " nêu mục đích, yêu cầu của buổi sinh hoạt chuyên đề: ",
      "{mucDich}",
    ]),
    item([["2. Trình bày đề dẫn: ", { bold: true }], "{dongChiPhuTrach}", " trình bày dự thảo đề dẫn chuyên đề “", "{tenChuyenDe}", "”."]),
    item([
      ["3. Thảo luận: ", { bold: true }],
      "các đảng viên phát biểu, nêu nhận thức của cá nhân về chuyên đề, liên hệ với chi bộ, cơ quan, đơn vị và đóng góp ý kiến hoàn thiện dự thảo:",
    ]),
    tagLine("{#yKien}"),
    sub(["- Đồng chí ", "{nguoiPhatBieu}", ": ", "{noiDung}"]),
    tagLine("{/yKien}"),
    tagLine("{^coYKien}"),
    sub([`- Đồng chí ${"…".repeat(10)}: ${"…".repeat(16)}`]),
    sub([`- Đồng chí ${"…".repeat(10)}: ${"…".repeat(16)}`]),
    tagLine("{/coYKien}"),

    heading("III. KẾT THÚC"),
    item([
      "Đồng chí ",
      "{chuTri}",
      " đánh giá việc chuẩn bị, chất lượng của chuyên đề, ý nghĩa, tác dụng của chuyên đề đối với chi bộ, đảng viên và kết luận: ",
      "{ketLuan}",
    ]),
    item([["Nhiệm vụ giao: ", { bold: true }], "{nhiemVu}"]),
    tagLine("{#coBieuQuyet}"),
    item([["Biểu quyết: ", { bold: true }], "{bieuQuyet}", "."]),
    tagLine("{/coBieuQuyet}"),
    // The closing lines keep with the signatures: no page holds the signatures alone.
    para(
      ["Buổi sinh hoạt kết thúc vào lúc ", "{gioKetThuc}", " cùng ngày. Biên bản đã được đọc lại cho chi bộ nghe và nhất trí thông qua."],
      { indent: { firstLine: 567 }, keepNext: true },
    ),
    para([""], { after: 120, keepNext: true }),
    signatureBlock(
      [
        center([["THƯ KÝ", { bold: true }]], { after: 0 }),
        center([["(Ký, ghi rõ họ tên)", { italics: true }]], { after: 1200 }),
        center([["{thuKy}", { bold: true }]], { after: 0 }),
      ],
      [
        center([["CHỦ TRÌ", { bold: true }]], { after: 0 }),
        center([["(Ký, ghi rõ họ tên)", { italics: true }]], { after: 1200 }),
        center([["{chuTri}", { bold: true }]], { after: 0 }),
      ],
    ),
  ]);
}

// ---------------------------------------------------------------------------
// Kế hoạch sinh hoạt chi bộ chuyên đề năm (issue 16). Placeholders: PLAN_FIELDS in
// src/core/plan/yearPlan.ts. The topic table repeats one row per topic ({#chuyenDe} in
// its first cell, {/chuyenDe} in its last); body 14 pt, table 12 pt, Nơi nhận 12 pt.

const THIN = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const GRID = { top: THIN, bottom: THIN, left: THIN, right: THIN };

function gridCell(children, width, o = {}) {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    borders: GRID,
    verticalAlign: o.vAlign || VerticalAlign.TOP,
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
  });
}

function keHoach() {
  const small = { size: 12 };
  const item = (parts) => para(parts, { indent: { firstLine: 567 } });
  // Quý | STT | Tên chuyên đề | Nhóm | Người phụ trách | Thời gian dự kiến (twips, the text width)
  const topicTable = loopTable(
    ["Quý", "STT", "Tên chuyên đề", "Nhóm nội dung", "Người phụ trách", "Thời gian dự kiến"],
    [
      { parts: ["{#chuyenDe}", ["{quy}", { bold: true }]], center: true },
      { parts: ["{stt}"], center: true },
      { parts: ["{ten}"] },
      { parts: ["{nhom}"] },
      { parts: ["{phuTrach}"] },
      { parts: ["{thoiGian}", "{/chuyenDe}"], center: true },
    ],
    [1000, 620, 3330, 1400, 1550, 1455],
    { vAlign: VerticalAlign.TOP },
  );
  return documentOf("Kế hoạch sinh hoạt chi bộ chuyên đề năm", [
    headerBlock("{so}"),
    ...titleBlock("KẾ HOẠCH", "sinh hoạt chi bộ chuyên đề năm {nam}", { subjectAfter: 60, ruleAfter: 120 }),
    item([
      "Thực hiện Hướng dẫn số 09-HD/ĐUK của Đảng ủy Khối về tổ chức sinh hoạt chi bộ chuyên đề, ",
      "{chiBo}",
      " xây dựng kế hoạch sinh hoạt chi bộ chuyên đề năm ",
      "{nam}",
      " như sau:",
    ]),
    heading("I. MỤC ĐÍCH, YÊU CẦU"),
    item([
      "1. Nâng cao chất lượng sinh hoạt chi bộ; nâng cao nhận thức chính trị, tư tưởng cho đảng viên; khắc phục những hạn chế, " +
        "yếu kém trong thực hiện nhiệm vụ của chi bộ, cơ quan, đơn vị; xây dựng chi bộ trong sạch, vững mạnh.",
    ]),
    item([
      "2. Tổ chức sinh hoạt chuyên đề ít nhất 01 lần/01 quý, ít nhất ",
      "{soToiThieu}",
      " chuyên đề trong năm; chuyên đề phù hợp với loại hình chi bộ, gắn với tiêu chí đánh giá chất lượng sinh hoạt chi bộ.",
    ]),
    item([
      "3. Đảng viên được phân công chuẩn bị đề dẫn đúng thời gian; mọi đảng viên nghiên cứu trước dự thảo, tham gia phát biểu, " +
        "liên hệ bản thân và thực hiện các nhiệm vụ, giải pháp chi bộ đề ra.",
    ]),
    heading("II. NỘI DUNG VÀ THỜI GIAN"),
    item(["Chi bộ thống nhất ", "{soChuyenDe}", " chuyên đề sinh hoạt trong năm ", "{nam}", ":"]),
    topicTable,
    para([""], { after: 0 }),
    item([
      ["Các ngày kỷ niệm lớn trong năm ", { italics: true }],
      ["(chọn nội dung ôn truyền thống gắn với quý tương ứng):", { italics: true }],
    ]),
    tagLine("{#kyNiem}"),
    para(["- ", "{noiDung}", "."], { align: AlignmentType.LEFT, indent: { left: 567 }, after: 20, run: small }),
    tagLine("{/kyNiem}"),
    heading("III. CÁCH THỨC THỰC HIỆN"),
    item([
      ["1. Chuẩn bị: ", { bold: true }],
      "chi bộ phân công đảng viên (hoặc nhóm đảng viên) xây dựng trước đề dẫn chuyên đề; bí thư chi bộ trao đổi về mục đích, yêu cầu, " +
        "nội dung, phương pháp với đảng viên được phân công, chú ý nội dung đề dẫn rõ ý, nêu cụ thể các vấn đề chi bộ cần thảo luận.",
    ]),
    item([
      ["2. Thông qua và gửi dự thảo: ", { bold: true }],
      "dự thảo chuyên đề được chi ủy hoặc bí thư chi bộ thông qua và gửi cho đảng viên ít nhất 01 ngày trước khi sinh hoạt.",
    ]),
    item([
      ["3. Tiến hành sinh hoạt: ", { bold: true }],
      "mở đầu (tuyên bố lý do, giới thiệu đại biểu; cử thư ký; thông báo tình hình đảng viên dự họp; thông qua chương trình); " +
        "nội dung (bí thư nêu mục đích, yêu cầu; đảng viên được phân công trình bày dự thảo; các đảng viên phát biểu, liên hệ " +
        "bản thân, chi bộ, cơ quan, đơn vị, góp ý hoàn thiện dự thảo); kết thúc (bí thư đánh giá việc chuẩn bị, chất lượng, " +
        "ý nghĩa của chuyên đề và kết luận các nội dung cần tiếp thu).",
    ]),
    item([
      ["4. Hoàn thiện và báo cáo: ", { bold: true }],
      "đảng viên được phân công tiếp thu ý kiến, hoàn thiện chuyên đề; chuyên đề sau khi hoàn thiện được gửi đảng viên trong chi bộ " +
        "để nghiên cứu, học tập và báo cáo cấp ủy cấp trên trực tiếp.",
    ]),
    heading("IV. TỔ CHỨC THỰC HIỆN"),
    // Kept with Nơi nhận and the signature (no page holds the closing block alone).
    para(
      [
        "Chi ủy chi bộ theo dõi, đôn đốc đảng viên thực hiện kế hoạch; điều chỉnh thời gian khi cần và báo cáo ",
        "{capTren}",
        " kết quả sinh hoạt chuyên đề hằng quý.",
      ],
      { indent: { firstLine: 567 }, keepNext: true },
    ),
    para([""], { after: 120, keepNext: true }),
    signatureBlock(
      [
        left([["Nơi nhận:", { bold: true, italics: true, size: 12 }]], { after: 0 }),
        left(
          [
            ["- ", { size: 12 }],
            ["{capTren}", { size: 12 }],
            [" (để báo cáo),", { size: 12 }],
          ],
          { after: 0 },
        ),
        left([["- Các đảng viên trong chi bộ (để thực hiện),", { size: 12 }]], { after: 0 }),
        left([["- Lưu chi bộ.", { size: 12 }]], { after: 0 }),
      ],
      [
        center([["{thayMat}", { bold: true }]], { after: 0 }),
        center([["BÍ THƯ", { bold: true }]], { after: 1200 }),
        center([["{biThu}", { bold: true }]], { after: 0 }),
      ],
    ),
  ]);
}

// ---------------------------------------------------------------------------
// The papers around one meeting: the sign-in sheet and the notice sending the approved
// draft. Placeholders: PAPER_FIELDS (and the shared ones) in src/core/make/meetingPapers.ts.

/** A ruled table of `header` with one looped row of `cells` (the loop's tags in its first and
 *  last cell); `widths` in twips, the last one widened or narrowed to the text width; `rowMm`
 *  the least height of a row; `vAlign` of the looped row's cells (centre by default). */
function loopTable(header, cells, widthsTwips, o = {}) {
  const widths = [...widthsTwips];
  widths[widths.length - 1] = TEXT_WIDTH - widths.slice(0, -1).reduce((a, b) => a + b, 0);
  const small = { size: SIZES.table };
  const text = (parts, t = {}) => (t.center ? center : left)(parts, { after: 0, line: 240, run: small, ...t });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map((t, i) =>
          gridCell([text([[t, { bold: true }]], { center: true })], widths[i], { vAlign: VerticalAlign.CENTER }),
        ),
      }),
      new TableRow({
        cantSplit: true,
        height: o.rowMm ? { value: mm(o.rowMm), rule: HeightRule.ATLEAST } : undefined,
        children: cells.map((c, i) =>
          gridCell([text(c.parts, { center: c.center })], widths[i], { vAlign: o.vAlign || VerticalAlign.CENTER }),
        ),
      }),
    ],
  });
}

function danhSach() {
  const item = (parts) => para(parts, { indent: { firstLine: 567 } });
  return documentOf("Danh sách đảng viên dự sinh hoạt chi bộ chuyên đề", [
    headerBlock(),
    para([""], { after: 0 }),
    center([["DANH SÁCH", { bold: true, size: SIZES.kind }]], { after: 0 }),
    center([["ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ CHUYÊN ĐỀ {quyTextUpper}", { bold: true, size: SIZES.subject }]], { after: 60 }),
    center(
      [
        ["Chuyên đề: ", { bold: true }],
        ["{tenChuyenDe}", { bold: true }],
      ],
      { after: 60 },
    ),
    center(
      [
        ["Thời gian: {gioBatDau}, {thuNgay}, {ngaySinhHoatVietBang}", { italics: true }],
        ["; địa điểm: {diaDiem}", { italics: true }],
      ],
      { after: 160 },
    ),
    item([
      "Tổng số đảng viên của chi bộ: {tongSo} đồng chí (chính thức: {soChinhThuc}, dự bị: {soDuBi}); ",
      "miễn sinh hoạt: {soMienSinhHoat} đồng chí; phải dự: {soPhaiDu} đồng chí.",
    ]),
    loopTable(
      ["STT", "Họ và tên", "Chức vụ", "Chính thức/ Dự bị", "Ký tên", "Ghi chú"],
      [
        { parts: ["{#dangVien}", "{stt}"], center: true },
        { parts: ["{hoTen}"] },
        { parts: ["{chucVu}"] },
        { parts: ["{loai}"], center: true },
        { parts: [""] },
        { parts: ["{ghiChu}", "{/dangVien}"], center: true },
      ],
      [11, 47, 27, 24, 32, 24].map(mm),
      { rowMm: 9 },
    ),
    para([""], { after: 60 }),
    // Kept with the signatures (no page holds them alone).
    para([`Có mặt: ${"…".repeat(4)} đồng chí; vắng có lý do: ${"…".repeat(4)} đồng chí; vắng không lý do: ${"…".repeat(4)} đồng chí.`], {
      indent: { firstLine: 567 },
      keepNext: true,
    }),
    para([""], { after: 120, keepNext: true }),
    signatureBlock(
      [
        center([["THƯ KÝ", { bold: true }]], { after: 0 }),
        center([["(Ký, ghi rõ họ tên)", { italics: true }]], { after: 1200 }),
        center([["{thuKy}", { bold: true }]], { after: 0 }),
      ],
      [
        center([["CHỦ TRÌ", { bold: true }]], { after: 0 }),
        center([["(Ký, ghi rõ họ tên)", { italics: true }]], { after: 1200 }),
        center([["{chuTri}", { bold: true }]], { after: 0 }),
      ],
    ),
  ]);
}

function thongBao() {
  const item = (parts) => para(parts, { indent: { firstLine: 567 } });
  return documentOf("Thông báo gửi dự thảo đề dẫn chuyên đề", [
    headerBlock("{so}"),
    ...titleBlock("THÔNG BÁO", "Về việc gửi dự thảo đề dẫn sinh hoạt chi bộ chuyên đề {quyText}"),
    item([
      "{thongQuaText}",
      " “",
      "{tenChuyenDe}",
      "” do ",
      "{phuTrachText}",
      " chuẩn bị. ",
      "{chiBo}",
      " thông báo và gửi dự thảo đến các đồng chí đảng viên để nghiên cứu trước buổi sinh hoạt, như sau:",
    ]),
    item([["1. Thời gian: ", { bold: true }], "{gioBatDau}", ", ", "{thuNgay}", ", ", "{ngaySinhHoatVietBang}", "."]),
    item([["2. Địa điểm: ", { bold: true }], "{diaDiem}", "."]),
    item([["3. Hình thức: ", { bold: true }], "{hinhThucSinhHoat}", "."]),
    item([
      ["4. Nội dung: ", { bold: true }],
      "{dongChiPhuTrach}",
      " trình bày dự thảo đề dẫn; chi bộ thảo luận, góp ý hoàn thiện chuyên đề, thống nhất nhiệm vụ, giải pháp thực hiện.",
    ]),
    item([["5. Tài liệu nghiên cứu trước:", { bold: true }]]),
    tagLine("{#taiLieu}"),
    para(["- ", "{noiDung}", "."], { indent: { left: 567, firstLine: 567 }, after: 40 }),
    tagLine("{/taiLieu}"),
    // The closing request goes to the next page with the signature rather than leave it alone there.
    para(
      [
        "Đề nghị các đồng chí đảng viên nghiên cứu kỹ dự thảo, chuẩn bị ý kiến phát biểu, liên hệ bản thân và chi bộ, cơ quan, đơn vị; " +
          "dự sinh hoạt đầy đủ, đúng giờ. Đồng chí nào vắng mặt phải báo cáo lý do với bí thư chi bộ trước buổi sinh hoạt.",
      ],
      { indent: { firstLine: 567 }, keepNext: true },
    ),
    para([""], { after: 120, keepNext: true }),
    signatureBlock(recipients(["- Các đồng chí đảng viên trong chi bộ,", "- Lưu hồ sơ chi bộ."]), [
      center([["{thayMat}", { bold: true }]], { after: 0 }),
      center([["BÍ THƯ", { bold: true }]], { after: 1200 }),
      center([["{biThu}", { bold: true }]], { after: 0 }),
    ]),
  ]);
}

// ---------------------------------------------------------------------------
// The report of one finished topic to the cấp ủy cấp trên (guidance §2.2c). Placeholders: the
// biên bản's and the notice's (kind "bao-cao") and TOPIC_REPORT_FIELDS in
// src/core/make/topicReportFields.ts.

function baoCao() {
  const item = (parts, o = {}) => para(parts, { indent: { firstLine: 567 }, ...o });
  const sub = (parts) => para(parts, { indent: { left: 567, firstLine: 567 }, after: 40 });
  return documentOf("Báo cáo kết quả sinh hoạt chi bộ chuyên đề", [
    headerBlock("{so}"),
    ...titleBlock("BÁO CÁO", "Kết quả sinh hoạt chi bộ chuyên đề {quyText}"),
    item([
      "Thực hiện Hướng dẫn số 09-HD/ĐUK về tổ chức sinh hoạt chi bộ chuyên đề và kế hoạch sinh hoạt chuyên đề năm ",
      "{nam}",
      ", ",
      "{chiBo}",
      " báo cáo ",
      "{capTren}",
      " kết quả sinh hoạt chuyên đề như sau:",
    ]),
    heading("I. TÌNH HÌNH TỔ CHỨC"),
    item([["1. Chuyên đề: ", { bold: true }], "“", "{tenChuyenDe}", "” (nhóm nội dung: ", "{nhom}", ")."]),
    item([
      ["2. Người chuẩn bị đề dẫn: ", { bold: true }],
      "{nguoiPhuTrach}",
      ". ",
      "{thongQuaText}",
      ", gửi đảng viên ngày ",
      "{ngayGuiDuThao}",
      ".",
    ]),
    item([
      ["3. Thời gian, địa điểm: ", { bold: true }],
      "từ ",
      "{gioBatDau}",
      " đến ",
      "{gioKetThuc}",
      ", ",
      "{ngaySinhHoatVietBang}",
      ", tại ",
      "{diaDiem}",
      "; hình thức: ",
      "{hinhThucSinhHoat}",
      ".",
    ]),
    item([
      ["4. Chủ trì: ", { bold: true }],
      "đồng chí ",
      "{chuTri}",
      "{chuTriChucVuText}",
      "; thư ký: đồng chí ",
      "{thuKy}",
      "; đại biểu: ",
      "{daiBieu}",
      ".",
    ]),
    heading("II. ĐẢNG VIÊN DỰ SINH HOẠT"),
    item([
      "Tổng số đảng viên của chi bộ: ",
      "{tongSo}",
      " đồng chí (chính thức: ",
      "{soChinhThuc}",
      ", dự bị: ",
      "{soDuBi}",
      "); miễn sinh hoạt: ",
      "{soMienSinhHoat}",
      " đồng chí; phải dự: ",
      "{soPhaiDu}",
      " đồng chí.",
    ]),
    item([
      "Có mặt: ",
      "{soCoMat}",
      "/",
      "{soPhaiDu}",
      " đồng chí (chính thức: ",
      "{soCoMatChinhThuc}",
      ", dự bị: ",
      "{soCoMatDuBi}",
      "), đạt tỷ lệ ",
      "{tyLeCoMat}",
      "; vắng: ",
      "{soVang}",
      " đồng chí (có lý do: ",
      "{soVangCoLyDo}",
      ", không có lý do: ",
      "{soVangKhongLyDo}",
      ").",
    ]),
    tagLine("{#vangCoLyDo}"),
    sub(["- Đồng chí ", "{hoTen}", ": vắng có lý do (", "{lyDo}", ")."]),
    tagLine("{/vangCoLyDo}"),
    tagLine("{#vangKhongLyDo}"),
    sub(["- Đồng chí ", "{hoTen}", ": vắng không có lý do."]),
    tagLine("{/vangKhongLyDo}"),
    heading("III. KẾT QUẢ SINH HOẠT"),
    item([["1. Thảo luận: ", { bold: true }], "{dongChiPhuTrach}", " trình bày dự thảo đề dẫn; chi bộ thảo luận, ", "{yKienText}", "."]),
    item([["2. Kết luận của chủ trì: ", { bold: true }], "{ketLuan}"]),
    item([["3. Nhiệm vụ, giải pháp chi bộ đề ra: ", { bold: true }], "{nhiemVu}"]),
    tagLine("{#coBieuQuyet}"),
    item([["4. Biểu quyết: ", { bold: true }], "{bieuQuyet}", "."]),
    tagLine("{/coBieuQuyet}"),
    heading("IV. HOÀN THIỆN CHUYÊN ĐỀ"),
    // The last paragraph keeps with Nơi nhận and the signature: they never stand alone on a page.
    item(["{hoanThienText}", "."], { keepNext: true }),
    para([""], { after: 120, keepNext: true }),
    signatureBlock(recipients(["- {capTren} (để báo cáo),", "- Các đảng viên trong chi bộ,", "- Lưu hồ sơ chi bộ."]), [
      center([["{thayMat}", { bold: true }]], { after: 0 }),
      center([["BÍ THƯ", { bold: true }]], { after: 1200 }),
      center([["{biThu}", { bold: true }]], { after: 0 }),
    ]),
  ]);
}

async function main() {
  // An optional folder argument (tests regenerate into a temp folder and compare bytes).
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, "..", "assets", "templates"));
  fs.mkdirSync(outDir, { recursive: true });
  for (const [name, build] of [
    ["de-dan.docx", deDan],
    ["bien-ban.docx", bienBan],
    ["ke-hoach.docx", keHoach],
    ["danh-sach.docx", danhSach],
    ["thong-bao.docx", thongBao],
    ["bao-cao.docx", baoCao],
  ]) {
    const bytes = reproduciblePackage(await Packer.toBuffer(build()), FIXED_ISO, FIXED_ZIP_DATE);
    const file = path.join(outDir, name);
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, file);
    process.stdout.write(`Đã tạo ${path.relative(process.cwd(), file)} (${bytes.length} byte)\n`);
  }
}

main().catch((err) => {
  process.stderr.write(`Lỗi: ${err && err.stack ? err.stack : err}\n`);
  process.exit(1);
});
