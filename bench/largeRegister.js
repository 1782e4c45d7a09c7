"use strict";
// The large register of the bench and of test/hard (large.test.ts, write200k.test.ts), one
// generator for both: `rows` topics of 2024 in a secretary's own layout (7 columns, no
// table), spread over the four quarters, written with exceljs's streaming writer (building
// the rows in memory first would measure exceljs, not us). Every 1000th row from row 2 on
// that has no meeting date holds "31/02/2024" there instead: a date that does not exist.
const ExcelJS = require("exceljs");

const HEADER = ["STT", "Quý", "Tên chuyên đề", "Người phụ trách", "Ngày thông qua", "Ngày sinh hoạt", "Trạng thái"];
const utc = (y, m, d) => new Date(Date.UTC(y, m - 1, d));

/** Writes the register of `rows` topics to `file`. */
async function makeRegister(file, rows) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  const ws = wb.addWorksheet("Sổ chuyên đề");
  ws.columns = HEADER.map((h, i) => ({ header: h, key: `c${i}`, style: i >= 4 && i <= 5 ? { numFmt: "dd/mm/yyyy" } : {} }));
  const statuses = ["Đã sinh hoạt", "Dự kiến", "Hoãn", ""];
  for (let i = 1; i <= rows; i++) {
    const q = ((i - 1) % 4) + 1;
    const month = (q - 1) * 3 + 1 + (i % 3);
    const day = 1 + (i % 27);
    const held = i % 4 !== 1;
    ws.addRow([
      i,
      q,
      `Chuyên đề số ${i}: nâng cao chất lượng sinh hoạt chi bộ`,
      ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"][i % 3],
      utc(2024, month, day),
      held ? utc(2024, month, Math.min(28, day + 1)) : i % 1000 === 1 ? "31/02/2024" : null,
      statuses[i % 4],
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

module.exports = { makeRegister, HEADER };
