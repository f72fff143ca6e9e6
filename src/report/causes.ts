/**
 * The most telling lines of a failed step's output: what pip, the network,
 * the compiler or Python said was wrong, picked by a table of patterns, in
 * the order they were printed. Without any, the last lines. The full output
 * stays in the build's log; these end the error message and the annotation.
 */

export interface Cause {
  /** What kind of trouble the line tells of (for tests and readers of this table). */
  readonly kind: string
  readonly pattern: RegExp
}

export const CAUSES: readonly Cause[] = [
  // pip (`ERROR: No matching distribution found for ...`) and build (`ERROR Backend ...`).
  { kind: 'pip', pattern: /^ERROR:? \S/ },
  { kind: 'pip', pattern: /^× / },
  {
    kind: 'network',
    pattern:
      /Failed to establish a new connection|Name or service not known|Temporary failure in name resolution|Connection refused|Connection reset by peer|Network is unreachable|CERTIFICATE_VERIFY_FAILED|Read timed out|Could not fetch URL/
  },
  {
    kind: 'disk',
    pattern: /No space left on device|\[Errno 28\]|Disk quota exceeded|Read-only file system/
  },
  { kind: 'compiler', pattern: /^\S.*?:\d+(:\d+)?: (fatal )?error: / },
  { kind: 'compiler', pattern: /^\S.*?\(\d+(,\d+)?\): (fatal )?error [A-Z]+\d+: / },
  { kind: 'compiler', pattern: /^error(\[E\d+\])?: / },
  {
    kind: 'linker',
    pattern:
      /undefined reference to |^\/usr\/bin\/ld: cannot find |^ld: |collect2: error: |LINK : fatal error /
  },
  { kind: 'python', pattern: /^([A-Za-z_][\w.]*)?(Error|Exception|Exit|Interrupt)(: .*)?$/ },
  { kind: 'python', pattern: /^\s*(ModuleNotFoundError|ImportError): / },
  { kind: 'command', pattern: /^error: command '.*' failed/ },
  { kind: 'test', pattern: /^(FAILED|ERROR) \S+::|^=+ .*\b\d+ (failed|errors?)\b.* =+$/ },
  { kind: 'shell', pattern: /: (command not found|No such file or directory)$/ }
]

const MAX_TELLING = 8
const FALLBACK_LINES = 10

/** ANSI colour codes, which tools print even into pipes when told to. */
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, 'g')

/** The lines of `output` that say what went wrong, at most eight, each once; else its last lines. */
export function tellingLines(output: string): string[] {
  const lines = output
    .replace(ANSI, '')
    .split(/\r?\n/)
    .map(l => l.trimEnd())
    .filter(l => l.trim() !== '')
  // pypa/build prefixes the output of the commands it runs with `< ` or `> `.
  const bare = (l: string) => l.trimStart().replace(/^[<>] +/, '')
  const telling = [...new Set(lines.filter(l => CAUSES.some(c => c.pattern.test(bare(l)))))]
  if (telling.length === 0) return lines.slice(-FALLBACK_LINES)
  // The first errors are the causes, the last line of a traceback is the verdict.
  return telling.length <= MAX_TELLING
    ? telling
    : [...telling.slice(0, MAX_TELLING - 2), ...telling.slice(-2)]
}
