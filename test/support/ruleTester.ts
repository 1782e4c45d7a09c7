// ESLint-style RuleTester for the check's rules: a table of `valid` cases (the rule
// reports nothing) and `invalid` cases (exactly these findings, in the check's order).
// Each case also runs through the full check() so a rule missing from the registry,
// or reporting differently there, fails.
import { check, sortFindings } from "../../src/core/check/check";
import { computeFacts } from "../../src/core/check/facts";
import { createShared, ruleContext } from "../../src/core/rules/context";
import type { Rule } from "../../src/core/rules/context";
import type { Finding, ParsedWorkbook, Severity } from "../../src/core/shared/types";
import { buildBook, day } from "./bookBuilder";
import { voiceProblems } from "./secretaryVoice";
import type { BookSpec } from "./bookBuilder";

export interface RuleCase {
  name: string;
  book: BookSpec | ParsedWorkbook;
  /** D as "dd/mm/yyyy"; default 31/12/2023. */
  asOf?: string;
  /** Explicit Y. */
  year?: number;
}

export interface ExpectedFinding {
  row: number | null;
  column: string | null;
  /** Default: the rule's only severity. */
  severity?: Severity;
  /** Default: the register's sheet. */
  sheet?: string;
  /** Substrings (or patterns) the message must contain. */
  message?: string | RegExp | Array<string | RegExp>;
}

export interface InvalidCase extends RuleCase {
  errors: ExpectedFinding[];
}

function isParsed(b: BookSpec | ParsedWorkbook): b is ParsedWorkbook {
  return "date1904" in b;
}

function toBook(b: BookSpec | ParsedWorkbook): ParsedWorkbook {
  return isParsed(b) ? b : buildBook(b);
}

/** The findings of one rule alone on a book, in the check's order. */
export function runRule(rule: Rule, c: RuleCase): Finding[] {
  const book = toBook(c.book);
  if (!book.register) throw new Error("test book has no register");
  const facts = computeFacts(book, { asOf: day(c.asOf ?? "31/12/2023"), year: c.year });
  const findings: Finding[] = [];
  rule.check(ruleContext(createShared(book, book.register, facts), rule.meta, findings));
  return sortFindings(findings, book.sheetOrder);
}

function fromCheck(rule: Rule, c: RuleCase): Finding[] {
  const book = toBook(c.book);
  const result = check(book, { asOf: day(c.asOf ?? "31/12/2023"), year: c.year });
  return result.findings.filter((f) => f.code === rule.meta.code);
}

function assertMessage(f: Finding): void {
  expect(f.message.length).toBeGreaterThan(20);
  expect(f.message).toBe(f.message.normalize("NFC"));
  expect(f.message).not.toMatch(/undefined|NaN|\[object|null/);
  // The rendered message in the secretary's words (test/messages.test.ts walks the templates).
  expect(voiceProblems(f.message, { pane: true })).toEqual([]);
}

export function testRule(rule: Rule, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  const { code } = rule.meta;
  describe(code, () => {
    it("has meta: code, severity, Vietnamese description, source clause", () => {
      expect(rule.meta.code).toMatch(/^[A-Z_]+$/);
      expect(rule.meta.description).toMatch(/[^\x00-\x7f]/);
      expect(rule.meta.source.length).toBeGreaterThan(0);
    });

    describe("valid", () => {
      for (const c of cases.valid) {
        it(c.name, () => {
          expect(runRule(rule, c)).toEqual([]);
          expect(fromCheck(rule, c)).toEqual([]);
        });
      }
    });

    describe("invalid", () => {
      for (const c of cases.invalid) {
        it(c.name, () => {
          const book = toBook(c.book);
          const found = runRule(rule, { ...c, book });
          const single = typeof rule.meta.severity === "string" ? rule.meta.severity : undefined;
          const shape = (f: { code?: string; severity?: Severity; sheet?: string; row: number | null; column: string | null }) => ({
            code: f.code ?? code,
            severity: f.severity ?? single,
            sheet: f.sheet ?? book.register?.sheet,
            row: f.row,
            column: f.column,
          });
          expect(found.map(shape)).toEqual(c.errors.map(shape));
          found.forEach((f, i) => {
            assertMessage(f);
            const wanted = c.errors[i].message;
            for (const m of wanted === undefined ? [] : Array.isArray(wanted) ? wanted : [wanted]) {
              if (typeof m === "string") expect(f.message).toContain(m);
              else expect(f.message).toMatch(m);
            }
          });
          // Same findings through the full check (the rule is registered).
          expect(fromCheck(rule, { ...c, book }).map(shape)).toEqual(found.map(shape));
        });
      }
    });
  });
}
