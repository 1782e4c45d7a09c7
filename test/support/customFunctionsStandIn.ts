// Excel's side of custom functions, for tests: formulas in cells of a StandInWorkbook calling
// the functions registered from functions.json, with the argument passing and recalculation
// the documentation describes. Never kinder than Excel:
// - An error cell (#N/A…) in an argument: without allowErrorForDataTypeAny (a top-level
//   property of functions.json) Excel does not call the function and the formula shows the
//   error; with it, a parameter of type any receives the error as a CustomFunctions.Error
//   carrying the code ("Errors as custom function inputs", learn.microsoft.com/office/dev/
//   add-ins/excel/custom-functions-errors; custom-functions-json#allowerrorfordatatypeany).
//   A parameter of another type never receives an error.
// - An omitted optional argument arrives as null (custom-functions-parameter-options).
//   An empty cell of a range arrives as null (what Excel on the web passes; desktop Excel
//   is reported to pass 0 — office-js issue 4702 — which the functions treat as a number).
// - invocation.parameterAddresses is there only with requiresParameterAddresses (or
//   requiresStreamParameterAddresses), invocation.address only with requiresAddress /
//   requiresStreamAddress (custom-functions-json, "options").
// - Recalculation: a formula is evaluated again only when the cells it reads changed, or
//   when it is volatile ("recalculates each time Excel recalculates, instead of only when
//   the formula's dependent values have changed"; a streaming function cannot be volatile:
//   "If the stream and volatile properties are both set to true, the volatile property is
//   ignored"). A streaming function shows whatever it last passed to setResult; when its
//   inputs change Excel cancels it (onCanceled) and calls it anew.
// - A function's result error is a CustomFunctions.Error thrown or returned (a rejected
//   promise too); anything else thrown shows #VALUE!.
import { boxToA1, parseAddress, type SheetState, type StandInWorkbook } from "./excelStandIn";

/* eslint-disable @typescript-eslint/no-explicit-any */

export interface FunctionsJson {
  allowErrorForDataTypeAny?: boolean;
  functions: {
    id: string;
    parameters: { name: string; type?: string; dimensionality?: string; optional?: boolean }[];
    result: { type?: string; dimensionality?: string };
    options?: Record<string, boolean>;
  }[];
}

/** CustomFunctions.Error as the runtime defines it (code, optional message). */
export class StandInFunctionError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

/** CustomFunctions.ErrorCode (custom-functions-runtime). */
export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

const ERROR_VALUES = new Set(["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#SPILL!", "#CALC!"]);

/** A `CustomFunctions` global: Error, ErrorCode and associate (recorded). */
export function createCustomFunctionsGlobal(associated: Map<string, (...args: any[]) => unknown> = new Map()): any {
  return {
    Error: StandInFunctionError,
    ErrorCode: ERROR_CODES,
    associate: (id: string, fn: (...args: any[]) => unknown) => associated.set(id, fn),
  };
}

/** An argument: a reference to cells of the workbook ("A1:F9", "'Sổ'!A1") or a literal value. */
export type Argument = { ref: string } | string | number | boolean | null;

/** What a cell with a formula shows: a value, a matrix (spilled) or an error. */
export type Shown = unknown | { error: string; message?: string };

interface Formula {
  sheet: string;
  address: string;
  id: string;
  args: Argument[];
  /** The cells read, as they were at the last evaluation (to know when they change). */
  inputs: string;
  shown: Shown;
  invocation?: { onCanceled?: () => void };
  pending?: Promise<void>;
}

export class CustomFunctionsHost {
  private readonly formulas: Formula[] = [];

  constructor(
    private readonly book: StandInWorkbook,
    private readonly metadata: FunctionsJson,
    private readonly impl: Record<string, (...args: never[]) => unknown>,
  ) {}

  /** Types =NAMESPACE.ID(args…) into `sheet`!`address` and evaluates it. */
  async enter(sheet: string, address: string, id: string, args: Argument[]): Promise<void> {
    const f: Formula = { sheet, address, id, args, inputs: "", shown: undefined };
    this.formulas.push(f);
    await this.evaluate(f);
  }

  /** One recalculation by Excel (F9, or any edit): volatile formulas and those whose cells changed. */
  async recalculate(): Promise<void> {
    for (const f of this.formulas) {
      const meta = this.meta(f.id);
      const volatile = !!meta.options?.volatile && !meta.options?.stream;
      if (volatile || this.readInputs(f) !== f.inputs) await this.evaluate(f);
    }
  }

  /** The workbook is closed: every streaming formula is cancelled (onCanceled). */
  close(): void {
    for (const f of this.formulas) {
      f.invocation?.onCanceled?.();
      f.invocation = undefined;
    }
  }

  /** What the formula's cell shows now. */
  shown(sheet: string, address: string): Shown {
    const f = this.formulas.find((x) => x.sheet === sheet && x.address === address);
    if (!f) throw new Error(`no formula at ${sheet}!${address}`);
    return f.shown;
  }

  /** Waits for every formula's pending evaluation (promises, streaming first results). */
  async settled(): Promise<void> {
    await Promise.all(this.formulas.map((f) => f.pending));
  }

  private meta(id: string): FunctionsJson["functions"][number] {
    const m = this.metadata.functions.find((x) => x.id === id);
    if (!m) throw new Error(`functions.json has no ${id}`);
    return m;
  }

  private sheetOf(ref: string, formulaSheet: string): { sheet: SheetState; address: string } {
    const bang = ref.lastIndexOf("!");
    const name = bang >= 0 ? ref.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'") : formulaSheet;
    const sheet = this.book.sheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return { sheet, address: bang >= 0 ? ref.slice(bang + 1) : ref };
  }

  private readInputs(f: Formula): string {
    return JSON.stringify(
      f.args.map((a) => {
        if (a === null || typeof a !== "object") return a;
        const { sheet, address } = this.sheetOf(a.ref, f.sheet);
        const b = parseAddress(address);
        const cells: unknown[] = [];
        for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) cells.push(sheet.cell(r, c) ?? null);
        return cells;
      }),
    );
  }

  /** The value a parameter receives for one cell, or the error that stops the call. */
  private cellArgument(sheet: SheetState, row: number, col: number, type: string): { value: unknown } | { stop: string } {
    const cell = sheet.cell(row, col);
    if (!cell || cell.value === "") return { value: null };
    const v = cell.value;
    if (typeof v !== "string" || cell.textPrefix || cell.numberFormat === "@" || !ERROR_VALUES.has(v)) return { value: v };
    if (this.metadata.allowErrorForDataTypeAny === true && type === "any") return { value: new StandInFunctionError(v) };
    return { stop: v };
  }

  private async evaluate(f: Formula): Promise<void> {
    const meta = this.meta(f.id);
    const fn = this.impl[f.id] as ((...args: unknown[]) => unknown) | undefined;
    if (!fn) throw new Error(`no function associated with ${f.id}`);
    f.inputs = this.readInputs(f);
    f.invocation?.onCanceled?.();
    f.invocation = undefined;
    const args: unknown[] = [];
    const addresses: string[] = [];
    for (let i = 0; i < meta.parameters.length; i++) {
      const p = meta.parameters[i];
      const a = i < f.args.length ? f.args[i] : null;
      const type = p.type ?? "any";
      if (a === null || typeof a !== "object") {
        args.push(a);
        addresses.push("");
        continue;
      }
      const { sheet, address } = this.sheetOf(a.ref, f.sheet);
      const b = parseAddress(address);
      addresses.push(`${sheet.name}!${boxToA1(b)}`);
      const rows: unknown[][] = [];
      for (let r = b.top; r <= b.bottom; r++) {
        const line: unknown[] = [];
        for (let c = b.left; c <= b.right; c++) {
          const got = this.cellArgument(sheet, r, c, type);
          if ("stop" in got) {
            // Excel does not call the function: the formula shows the error.
            f.shown = { error: got.stop };
            return;
          }
          line.push(got.value);
        }
        rows.push(line);
      }
      args.push(p.dimensionality === "matrix" ? rows : rows[0][0]);
    }
    const options = meta.options ?? {};
    const invocation: Record<string, unknown> = {};
    if (options.requiresParameterAddresses || options.requiresStreamParameterAddresses) invocation.parameterAddresses = addresses;
    if (options.requiresAddress || options.requiresStreamAddress) invocation.address = `${f.sheet}!${f.address}`;
    if (options.stream) {
      let first: () => void = () => undefined;
      const firstResult = new Promise<void>((resolve) => (first = resolve));
      invocation.setResult = (v: unknown) => {
        f.shown = shownOf(v);
        first();
      };
      f.invocation = invocation as { onCanceled?: () => void };
      try {
        fn(...args, invocation);
      } catch (err) {
        f.shown = shownOf(err);
        first();
      }
      f.pending = firstResult;
      await firstResult;
      return;
    }
    const hasInvocation = options.requiresParameterAddresses || options.requiresAddress;
    const run = async (): Promise<void> => {
      try {
        f.shown = shownOf(await fn(...args, ...(hasInvocation ? [invocation] : [])));
      } catch (err) {
        f.shown = shownOf(err);
      }
    };
    f.pending = run();
    await f.pending;
  }
}

function shownOf(v: unknown): Shown {
  if (v instanceof StandInFunctionError) return { error: v.code, ...(v.message ? { message: v.message } : {}) };
  if (v instanceof Error) return { error: "#VALUE!" };
  return v;
}
