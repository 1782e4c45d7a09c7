// Which Office.js members a program uses, and whether each is within the requirement sets the
// manifest declares or guarded by a check of its set. Read by test/excel/apiSets.test.ts.
//
// How a member is found: the TypeScript type checker resolves every property access, every
// `new X.Y()` and every property of an object literal typed by Office.js (for example the
// options of Excel.run) to its declaration; a member counts when that declaration is in
// node_modules/@types/office-js or @types/custom-functions-runtime. Its set is the
// "[Api set: ExcelApi 1.13]" of its JSDoc (or "**Requirement set**: {@link … | Name 1.1}"),
// else that of the class or interface declaring it, else SUPPLEMENT below; a member with
// none is common to every host. Several versions in one annotation ("1.1 for get, 1.8 for
// set") count as the highest, except a version given for one parameter ("1.15 for adding
// `alwaysInsert` parameter"), which counts only when the call passes it. A cast of an Office.js object to a type of our own would hide
// its members from the checker, so such a cast is reported too.
//
// How a guard is recognised (the member is used only where the set is there):
// - inside `if (C) { … }`, `C ? … : …` or `C && …`, where C is, or is a conjunct of,
//   a call `setSupported("Set", "v")` or `….isSetSupported("Set", "v")` with string
//   literals and v at least the member's version;
// - or after `if (!setSupported("Set", "v")) return …;` (or throw; the negated call may be
//   one side of an ||) in an enclosing block of the same function.
// A guard elsewhere (another function, a variable holding the answer, a menu hidden when a
// set is missing) is not seen: the member must then be within the manifest's sets.
import * as path from "path";
import ts from "typescript";
import { compareVersions } from "./excelStandIn";

export interface Requirement {
  set: string;
  version: string;
}

export interface MemberUse {
  file: string;
  line: number;
  member: string;
  set: string;
  version: string;
  guarded: boolean;
}

/** Members whose .d.ts has no [Api set] but whose reference page names one. */
export const SUPPLEMENT: Record<string, Requirement & { page: string }> = {
  "Excel.RunOptions.delayForCellEdit": {
    set: "ExcelApi",
    version: "1.11",
    page: "learn.microsoft.com/javascript/api/excel/excel.runoptions#excel-excel-runoptions-delayforcelledit-member",
  },
};

const OFFICE_TYPES = /node_modules[\\/]@types[\\/](office-js|custom-functions-runtime)[\\/]/;

/** The sets a JSDoc comment names, highest version of each; `passes(p)` says whether the
 *  call passes parameter p (a version given "for adding `p` parameter" needs it). */
export function setsOfComment(comment: string, passes: (param: string) => boolean = () => true): Requirement[] {
  const found = new Map<string, string>();
  const add = (set: string, text: string): void => {
    for (const clause of text.split(/[;,]/)) {
      const forParam = /for adding `(\w+)` parameter/.exec(clause);
      if (forParam && !passes(forParam[1])) continue;
      for (const m of clause.matchAll(/\d+\.\d+/g)) {
        const prev = found.get(set);
        if (!prev || compareVersions(m[0], prev) > 0) found.set(set, m[0]);
      }
    }
  };
  for (const m of comment.matchAll(/\[Api set:\s*([A-Za-z]+)\s+([^\]]*)\]/g)) add(m[1], m[2]);
  for (const m of comment.matchAll(/Requirement set\*\*:\s*\{@link[^|}]*\|\s*([A-Za-z]+)\s+(\d+\.\d+)\s*\}/g)) add(m[1], m[2]);
  return [...found].map(([set, version]) => ({ set, version }));
}

function leadingComment(decl: ts.Node): string {
  const text = decl.getSourceFile().text;
  const ranges = ts.getLeadingCommentRanges(text, decl.getFullStart()) ?? [];
  const last = ranges[ranges.length - 1];
  return last ? text.slice(last.pos, last.end) : "";
}

/** The set of a declaration: its own annotation, else its container's. `call` is the call
 *  of a method, to know which of its parameters it passes. */
function setsOfDeclaration(decl: ts.Node, call: ts.CallExpression | undefined): Requirement[] {
  const passes = (param: string): boolean => {
    if (!call || !ts.isFunctionLike(decl)) return true;
    const index = decl.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === param);
    return index < 0 || call.arguments.length > index;
  };
  for (let n: ts.Node | undefined = decl; n && !ts.isSourceFile(n); n = n.parent) {
    if (ts.isModuleBlock(n) || ts.isModuleDeclaration(n)) break;
    const sets = setsOfComment(leadingComment(n), passes);
    if (sets.length) return sets;
  }
  return [];
}

function officeDeclarations(symbol: ts.Symbol | undefined, checker: ts.TypeChecker): ts.Declaration[] {
  if (!symbol) return [];
  const s = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  return (s.declarations ?? []).filter((d) => OFFICE_TYPES.test(d.getSourceFile().fileName));
}

interface GuardCall {
  set: string;
  version: string;
}

/** A setSupported("S", "v") / x.isSetSupported("S", "v") call. */
function guardCall(node: ts.Node): GuardCall | null {
  if (!ts.isCallExpression(node)) return null;
  const callee = node.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
  if (name !== "setSupported" && name !== "isSetSupported") return null;
  const [a, b] = node.arguments;
  if (!a || !b || !ts.isStringLiteralLike(a) || !ts.isStringLiteralLike(b)) return null;
  return { set: a.text, version: b.text };
}

/** The guard calls a condition asserts when true: itself or the conjuncts of an && chain. */
function positiveGuards(cond: ts.Expression): GuardCall[] {
  let e: ts.Expression = cond;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
    return [...positiveGuards(e.left), ...positiveGuards(e.right)];
  }
  const g = guardCall(e);
  return g ? [g] : [];
}

/** The guard calls a condition asserts when false: `!guard`, or a disjunct of `… || !guard`. */
function negatedGuards(cond: ts.Expression): GuardCall[] {
  let e: ts.Expression = cond;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.BarBarToken) {
    return [...negatedGuards(e.left), ...negatedGuards(e.right)];
  }
  if (!ts.isPrefixUnaryExpression(e) || e.operator !== ts.SyntaxKind.ExclamationToken) return [];
  let inner: ts.Expression = e.operand;
  while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
  const g = guardCall(inner);
  return g ? [g] : [];
}

function exits(stmt: ts.Statement): boolean {
  if (ts.isReturnStatement(stmt) || ts.isThrowStatement(stmt)) return true;
  if (ts.isBlock(stmt)) return stmt.statements.length > 0 && exits(stmt.statements[stmt.statements.length - 1]);
  return false;
}

const covers = (g: GuardCall, need: Requirement): boolean => g.set === need.set && compareVersions(g.version, need.version) >= 0;

/** True when `node` runs only where the host has `need` (see the rules above). */
export function isGuarded(node: ts.Node, need: Requirement): boolean {
  let child: ts.Node = node;
  for (let n: ts.Node | undefined = node.parent; n; child = n, n = n.parent) {
    if (ts.isIfStatement(n) && child === n.thenStatement && positiveGuards(n.expression).some((g) => covers(g, need))) return true;
    if (ts.isConditionalExpression(n) && child === n.whenTrue && positiveGuards(n.condition).some((g) => covers(g, need))) return true;
    if (
      ts.isBinaryExpression(n) &&
      n.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken &&
      child === n.right &&
      positiveGuards(n.left).some((g) => covers(g, need))
    ) {
      return true;
    }
    if (ts.isBlock(n) || ts.isSourceFile(n)) {
      const statements = n.statements as ts.NodeArray<ts.Statement>;
      const at = statements.indexOf(child as ts.Statement);
      for (let i = 0; i < at; i++) {
        const s = statements[i];
        if (ts.isIfStatement(s) && !s.elseStatement && exits(s.thenStatement)) {
          if (negatedGuards(s.expression).some((g) => covers(g, need))) return true;
        }
      }
    }
    if (ts.isFunctionLike(n)) break;
  }
  return false;
}

function qualifiedName(symbol: ts.Symbol, checker: ts.TypeChecker): string {
  return checker.getFullyQualifiedName(symbol).replace(/^"[^"]*"\./, "");
}

/** Every Office.js member the program's `files` use, with its set and whether it is guarded;
 *  and every cast that hides an Office.js object's members. */
export function officeMembers(program: ts.Program, files: readonly string[]): { uses: MemberUse[]; casts: string[] } {
  const checker = program.getTypeChecker();
  const uses: MemberUse[] = [];
  const casts: string[] = [];
  const where = (node: ts.Node): { file: string; line: number } => {
    const sf = node.getSourceFile();
    return {
      file: path.relative(program.getCurrentDirectory(), sf.fileName),
      line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1,
    };
  };
  const record = (node: ts.Node, symbol: ts.Symbol | undefined): void => {
    const decls = officeDeclarations(symbol, checker);
    if (!decls.length || !symbol) return;
    const member = qualifiedName(symbol, checker);
    // The call, when the member is the method called (x.add(…)).
    const access = node.parent;
    const call = access && ts.isCallExpression(access.parent) && access.parent.expression === access ? access.parent : undefined;
    // A call's own overload, when it resolves to one.
    const signature = call ? checker.getResolvedSignature(call)?.declaration : undefined;
    const chosen = signature && OFFICE_TYPES.test(signature.getSourceFile().fileName) ? [signature] : decls;
    const sets = new Map<string, string>();
    for (const d of chosen) {
      for (const r of setsOfDeclaration(d, call))
        if (!sets.has(r.set) || compareVersions(r.version, sets.get(r.set)!) > 0) sets.set(r.set, r.version);
    }
    const extra = SUPPLEMENT[member];
    if (extra) sets.set(extra.set, extra.version);
    for (const [set, version] of sets) uses.push({ ...where(node), member, set, version, guarded: isGuarded(node, { set, version }) });
  };
  const isOfficeType = (type: ts.Type): boolean => {
    const s = type.getSymbol() ?? type.aliasSymbol;
    return !!s && officeDeclarations(s, checker).length > 0;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node)) record(node.name, checker.getSymbolAtLocation(node.name));
    else if (ts.isObjectLiteralExpression(node)) {
      const contextual = checker.getContextualType(node);
      if (contextual) {
        for (const p of node.properties) {
          if (!(ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) || !p.name || !ts.isIdentifier(p.name)) continue;
          record(p.name, contextual.getNonNullableType().getProperty(p.name.text));
        }
      }
    } else if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) {
      const from = checker.getTypeAtLocation(node.expression);
      const to = checker.getTypeAtLocation(node.type);
      if (isOfficeType(from.getNonNullableType()) && !isOfficeType(to.getNonNullableType())) {
        const w = where(node);
        casts.push(`${w.file}:${w.line} ${node.getText()}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const f of files) {
    const sf = program.getSourceFile(f);
    if (sf) visit(sf);
  }
  return { uses, casts };
}

/** The sets manifest.xml declares. */
export function manifestSets(xml: string): Requirement[] {
  return [...xml.matchAll(/<Set\s+Name="([^"]+)"\s+MinVersion="([^"]+)"/g)].map((m) => ({ set: m[1], version: m[2] }));
}

/** Uses above the manifest's sets and not guarded, as "file:line Member (Set v)". */
export function violations(uses: readonly MemberUse[], declared: readonly Requirement[]): string[] {
  const out = new Set<string>();
  for (const u of uses) {
    const d = declared.find((r) => r.set === u.set);
    const covered = d !== undefined && compareVersions(d.version, u.version) >= 0;
    if (!covered && !u.guarded) out.add(`${u.file}:${u.line} ${u.member} (${u.set} ${u.version})`);
  }
  return [...out];
}

/** A program over `files` with the repository's compiler options (Office.js types included). */
export function officeProgram(root: string, files: readonly string[]): ts.Program {
  const config = ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  return ts.createProgram(files, { ...parsed.options, noEmit: true, typeRoots: [path.join(root, "node_modules", "@types")] });
}
