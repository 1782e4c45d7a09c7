import * as rule from "../../../src/core/rules/THIEU_CHUYEN_DE_QUY";
import { completeTopic } from "../../support/bookBuilder";
import { testRule } from "../../support/ruleTester";

const q = (msg: string) => ({ row: null, column: null, message: msg });
const yearRound = [completeTopic("10/02/2023"), completeTopic("12/05/2023"), completeTopic("15/09/2023"), completeTopic("15/11/2023")];

testRule(rule, {
  valid: [
    { name: "one held topic in each quarter of Y", book: { topics: yearRound } },
    {
      name: "a quarter not ended yet with a planned topic",
      asOf: "15/11/2023",
      book: { topics: [...yearRound.slice(0, 3), { meetingOn: "20/12/2023", status: "Dự kiến" }] },
    },
    {
      name: "a planned topic with only a Quý counts for a quarter not ended",
      asOf: "15/11/2023",
      book: { topics: [...yearRound.slice(0, 3), { quarter: "IV" }] },
    },
    {
      name: "a held status without a date counts as held in its Quý quarter",
      book: { topics: [...yearRound.slice(0, 3), { quarter: "IV", status: "Đã sinh hoạt" }] },
    },
    {
      name: "a 'Dự kiến' topic whose date has passed is held",
      book: { topics: [...yearRound.slice(0, 3), { meetingOn: "20/12/2023", status: "Dự kiến" }] },
    },
    {
      name: "M = D counts as held: the quarter that ends that day is met",
      asOf: "30/06/2023",
      book: {
        info: { year: 2023 },
        topics: [completeTopic("10/02/2023"), { meetingOn: "30/06/2023" }, { quarter: 3 }, { quarter: 4 }],
      },
    },
  ],
  invalid: [
    {
      name: "a quarter ending exactly on D has ended (31/12 = D): error",
      asOf: "31/12/2023",
      book: { topics: yearRound.slice(0, 3) },
      errors: [{ ...q("Quý IV/2023"), severity: "error" }],
    },
    {
      name: "the day before the quarter ends, an empty quarter is a warning",
      asOf: "30/12/2023",
      book: { topics: yearRound.slice(0, 3) },
      errors: [{ ...q("Quý IV/2023"), severity: "warning" }],
    },
    {
      name: "a planned but not held topic does not meet an ended quarter",
      asOf: "31/12/2023",
      book: { topics: [...yearRound.slice(0, 3), { quarter: "IV", status: "Dự kiến" }] },
      errors: [{ ...q("Quý IV/2023"), severity: "error" }],
    },
    {
      name: "Hoãn and Hủy topics count for nothing",
      asOf: "15/11/2023",
      book: {
        topics: [...yearRound.slice(0, 2), completeTopic("15/09/2023", { status: "Hoãn" }), { meetingOn: "20/12/2023", status: "Hủy" }],
      },
      errors: [
        { ...q("Quý III/2023"), severity: "error" },
        { ...q("Quý IV/2023"), severity: "warning" },
      ],
    },
    {
      name: "topics of another year do not count for Y",
      book: { info: { year: 2023 }, topics: [completeTopic("10/02/2022"), ...yearRound.slice(1)] },
      errors: [{ ...q("Quý I/2023"), severity: "error" }],
    },
    {
      name: "held topic without a date and without Quý counts for no quarter",
      book: { topics: [...yearRound.slice(0, 3), { status: "Đã sinh hoạt" }] },
      errors: [{ ...q("Quý IV/2023"), severity: "error" }],
    },
    {
      name: "a future year: every quarter warns, in quarter order",
      asOf: "31/12/2023",
      year: 2024,
      book: { topics: [{ meetingOn: "10/05/2024" }] },
      errors: [
        { ...q("Quý I/2024"), severity: "warning" },
        { ...q("Quý III/2024"), severity: "warning" },
        { ...q("Quý IV/2024"), severity: "warning" },
      ],
    },
    {
      name: "the day before M, the quarter ending on M is not met yet (M > D is not held)",
      asOf: "29/06/2023",
      book: { info: { year: 2023 }, topics: [completeTopic("10/02/2023"), { meetingOn: "30/06/2023", status: "Dự kiến" }] },
      errors: [
        { ...q("Quý III/2023"), severity: "warning" },
        { ...q("Quý IV/2023"), severity: "warning" },
      ],
    },
  ],
});
