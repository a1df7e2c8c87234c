/**
 * Python's `fnmatch.fnmatchcase(name, pattern)`, exactly: the pattern is translated to a regular expression the way
 * CPython's `fnmatch.translate` does, then matched against the whole name, case-sensitively.
 *
 * This is NOT glob: `*` matches any run of characters *including* `/` and leading dots, `?` matches any one character
 * (also `/`), `[seq]` / `[!seq]` are character classes (`[^seq]` is a class holding `^`), an unclosed `[` is a
 * literal, `\` is an ordinary character, there is no `**` (it is the same as `*`) and no `{a,b}`.
 */

const cache = new Map<string, RegExp>();

/** Characters that must be escaped outside a class in a `u`-mode RegExp. */
const SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

function escapeLiteral(c: string): string {
  return c.replace(SYNTAX, '\\$&');
}

function classChar(c: string): string {
  return `\\u{${c.codePointAt(0)!.toString(16)}}`;
}

/**
 * CPython builds the body of a bracket expression as a string `stuff` in Python regex class syntax (escapes for
 * backslash and literal hyphens, bare hyphens for ranges, a leading `^` for negation). This parses that string the way
 * `sre_parse` does and emits an equivalent JavaScript class.
 */
function pythonClassToJs(stuff: string): string {
  const chars = [...stuff];
  let i = 0;
  let negate = false;
  if (chars[0] === '^') {
    negate = true;
    i = 1;
  }
  const next = (): string => {
    if (chars[i] === '\\' && i + 1 < chars.length) {
      i += 2;
      return chars[i - 1];
    }
    return chars[i++];
  };
  let body = '';
  while (i < chars.length) {
    const lo = next();
    if (i < chars.length && chars[i] === '-') {
      if (i + 1 >= chars.length) {
        // a trailing hyphen is literal
        body += classChar(lo) + classChar('-');
        i++;
        break;
      }
      i++;
      const hi = next();
      body += `${classChar(lo)}-${classChar(hi)}`;
    } else {
      body += classChar(lo);
    }
  }
  return `[${negate ? '^' : ''}${body}]`;
}

/** The regular expression source (without anchors) for a fnmatch pattern, following CPython 3.11's `translate`. */
export function translate(pattern: string): string {
  const pat = [...pattern];
  const n = pat.length;
  let i = 0;
  const out: string[] = [];
  while (i < n) {
    const c = pat[i++];
    if (c === '*') {
      // consecutive stars collapse into one
      if (out[out.length - 1] !== '.*') out.push('.*');
    } else if (c === '?') {
      out.push('.');
    } else if (c === '[') {
      let j = i;
      if (j < n && pat[j] === '!') j++;
      if (j < n && pat[j] === ']') j++;
      while (j < n && pat[j] !== ']') j++;
      if (j >= n) {
        out.push('\\[');
        continue;
      }
      let stuff: string;
      const raw = pat.slice(i, j).join('');
      if (!raw.includes('-')) {
        stuff = raw.replace(/\\/g, '\\\\');
      } else {
        const chunks: string[] = [];
        let start = i;
        let k = pat[i] === '!' ? i + 2 : i + 1;
        for (;;) {
          // find '-' in pat[k:j]
          let found = -1;
          for (let m = k; m < j; m++) {
            if (pat[m] === '-') {
              found = m;
              break;
            }
          }
          if (found < 0) break;
          chunks.push(pat.slice(start, found).join(''));
          start = found + 1;
          k = found + 3;
        }
        const chunk = pat.slice(start, j).join('');
        if (chunk) chunks.push(chunk);
        else chunks[chunks.length - 1] += '-';
        // remove empty ranges (invalid in a regex)
        for (let m = chunks.length - 1; m > 0; m--) {
          const prev = [...chunks[m - 1]];
          const cur = [...chunks[m]];
          if (prev.length && cur.length && prev[prev.length - 1].codePointAt(0)! > cur[0].codePointAt(0)!) {
            chunks[m - 1] = prev.slice(0, -1).join('') + cur.slice(1).join('');
            chunks.splice(m, 1);
          }
        }
        stuff = chunks.map((s) => s.replace(/\\/g, '\\\\').replace(/-/g, '\\-')).join('-');
      }
      // escape set operations (&&, ~~, ||)
      stuff = stuff.replace(/([&~|])/g, '\\$1');
      i = j + 1;
      if (!stuff) {
        out.push('(?!)'); // empty range: never matches
      } else if (stuff === '!') {
        out.push('.'); // negated empty range: any character
      } else {
        if (stuff[0] === '!') stuff = '^' + stuff.slice(1);
        else if (stuff[0] === '^' || stuff[0] === '[') stuff = '\\' + stuff;
        out.push(pythonClassToJs(stuff));
      }
    } else {
      out.push(escapeLiteral(c));
    }
  }
  return out.join('');
}

/** The compiled, anchored RegExp for a pattern (cached). Flags: `s` (`.` matches newlines) and `u` (code points). */
export function fnmatchRegExp(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (!re) {
    re = new RegExp(`^(?:${translate(pattern)})$`, 'su');
    cache.set(pattern, re);
  }
  return re;
}

/** `fnmatch.fnmatchcase(name, pattern)`. */
export function fnmatchcase(name: string, pattern: string): boolean {
  return fnmatchRegExp(pattern).test(name);
}

/** Whether a pattern has any wildcard (`*`, `?`, or a closed `[...]`): a pattern without one matches only itself. */
export function isLiteralPattern(pattern: string): boolean {
  return translate(pattern) === escapeLiteral(pattern);
}
