/**
 * Parse a Go tool's command-line flags the way spf13/pflag (cobra) does, so a guard over extra arguments sees what
 * helm or kubectl will see:
 *   --name=value | --name value (a flag that takes a value consumes the next argument, even one starting with `-`)
 *   --name (a boolean, or a flag with an optional value: only `--name=value` gives it one)
 *   -x value | -xvalue | -x=value | -abc (grouped shorthands; a value-taking shorthand takes the rest of the group)
 *   --  (every later argument is positional);  -  (positional)
 * A flag the table does not know is treated as taking no value unless written `--name=value`: a guard then looks at
 * the next argument as a flag of its own, which can only refuse more, never less.
 */

/** `bool`: no value; `value`: needs one (`--f v` or `--f=v`); `optional`: a value only as `--f=v` (pflag NoOptDefVal). */
export type FlagArity = 'bool' | 'value' | 'optional';

export interface FlagTable {
  /** Long flag names without dashes. */
  long: Record<string, FlagArity>;
  /** Shorthand letter -> long name. */
  short: Record<string, string>;
}

export interface ParsedFlag {
  /** The long name (without dashes) when known, else the name as written (`x` for an unknown `-x`). */
  name: string;
  /** As written: `-n`, `--namespace`. */
  written: string;
  value?: string;
  /** Index of the argument the flag starts in. */
  index: number;
  /** The raw arguments it occupies (the flag and, for `--f v`, its value). */
  raw: string[];
  known: boolean;
}

export interface ParsedArgs {
  flags: ParsedFlag[];
  positionals: Array<{ arg: string; index: number }>;
  /** A value-taking flag at the end without its value. */
  missingValue?: ParsedFlag;
}

export function parseFlags(args: string[], table: FlagTable): ParsedArgs {
  const flags: ParsedFlag[] = [];
  const positionals: ParsedArgs['positionals'] = [];
  let missingValue: ParsedFlag | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      for (let j = i + 1; j < args.length; j++) positionals.push({ arg: args[j], index: j });
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const arity = table.long[name];
      const flag: ParsedFlag = { name, written: `--${name}`, index: i, raw: [a], known: arity !== undefined };
      if (eq >= 0) flag.value = a.slice(eq + 1);
      else if (arity === 'value') {
        if (i + 1 < args.length) {
          flag.value = args[++i];
          flag.raw.push(flag.value);
        } else missingValue = flag;
      }
      flags.push(flag);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      // Grouped shorthands: -abc, -nvalue, -n=value, -n value.
      let rest = a.slice(1);
      while (rest.length) {
        const c = rest[0];
        const long = table.short[c];
        const arity = long === undefined ? undefined : table.long[long];
        const flag: ParsedFlag = { name: long ?? c, written: `-${c}`, index: i, raw: [a], known: arity !== undefined };
        flags.push(flag);
        if (rest.length > 2 && rest[1] === '=') {
          flag.value = rest.slice(2);
          rest = '';
        } else if (arity === 'value') {
          if (rest.length > 1) flag.value = rest.slice(1);
          else if (i + 1 < args.length) {
            flag.value = args[++i];
            flag.raw.push(flag.value);
          } else missingValue = flag;
          rest = '';
        } else rest = rest.slice(1);
      }
      continue;
    }
    positionals.push({ arg: a, index: i });
  }
  return { flags, positionals, missingValue };
}

/** Parse a table from `--name` -> arity pairs and shorthand pairs (helper for the tool tables). */
export function flagTable(spec: { value?: string[]; optional?: string[]; bool?: string[]; short?: Record<string, string> }): FlagTable {
  const long: Record<string, FlagArity> = {};
  for (const n of spec.bool ?? []) long[n] = 'bool';
  for (const n of spec.value ?? []) long[n] = 'value';
  for (const n of spec.optional ?? []) long[n] = 'optional';
  return { long, short: spec.short ?? {} };
}
