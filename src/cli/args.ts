// Command-line parsing: `--flag value`, `--flag=value`, `-o value`, bare flags, `--`.
import type { ParsedArgs } from "./command";
import { UserError } from "../core/shared/types";

/** Flags every command accepts. */
export const COMMON_FLAGS = ["help", "h"] as const;

export interface ArgSpec {
  /** Options that take a value. */
  valueOptions: readonly string[];
  /** Bare flags allowed (besides COMMON_FLAGS). Undefined = any flag is accepted. */
  flags?: readonly string[];
}

function optionLabel(name: string): string {
  return name.length === 1 ? `-${name}` : `--${name}`;
}

/** Parses the arguments after the command name. Throws UserError on an unknown option or
 *  a value option without its value. */
export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const positional: string[] = [];
  const options: Record<string, string | boolean> = {};
  const values = new Set(spec.valueOptions);
  const flags = spec.flags ? new Set<string>([...spec.flags, ...COMMON_FLAGS]) : null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    const m = /^(--?)([^=]+)(?:=(.*))?$/s.exec(arg);
    // "-" alone (stdin) and negative-looking numbers are positional.
    if (!m || arg === "-" || /^-\d/.test(arg)) {
      positional.push(arg);
      continue;
    }
    const [, dashes, rawName, inline] = m;
    const name = rawName.normalize("NFC");
    if (dashes === "-" && name.length !== 1) {
      throw new UserError("SAI_THAM_SO", `Tùy chọn không hợp lệ: ${arg} (tùy chọn dài viết với hai gạch, ví dụ --${name}).`);
    }
    if (values.has(name)) {
      let value = inline;
      if (value === undefined) {
        if (i + 1 >= argv.length) {
          throw new UserError("THIEU_THAM_SO", `Tùy chọn ${optionLabel(name)} cần một giá trị.`);
        }
        value = argv[++i];
      }
      options[name] = value;
      continue;
    }
    if (flags && !flags.has(name)) {
      throw new UserError("SAI_THAM_SO", `Tùy chọn không biết: ${dashes}${name}.`);
    }
    if (inline !== undefined) {
      throw new UserError("SAI_THAM_SO", `Tùy chọn ${optionLabel(name)} không nhận giá trị.`);
    }
    options[name] = true;
  }
  return { positional, options };
}
