/**
 * What passes between the container executor and the one shell it keeps in
 * a container (container-shell.ts): the frame that asks for a step, the
 * fixed POSIX sh loop that runs it, and the scanner that finds the end of
 * the step in the shell's stdout and stderr.
 *
 * Nothing from the plan is ever part of shell text. A step's argv, its
 * variables' values and its dirs go to the shell's stdin as lines, encoded so
 * that a value holds no newline, and the loop reads them with `read -r` into
 * its positional parameters and `export`. A value with no backslash is
 * itself; in one that has one, `\`, `%` and newline are written as 3-digit
 * octal escapes, and the loop turns them back with printf (whose format then
 * holds nothing but literal characters and those escapes).
 *
 * After a step, the loop writes a trailer to stdout (the exit status) and one
 * to stderr: SOH, `ww`, a nonce chosen for that step, and the end of the
 * line. The step never sees the nonce (it reaches the shell on stdin, and is
 * neither exported nor in any argv), so no output of a step, however it
 * looks, can end it; a step's last line needs no newline either, because a
 * trailer is found wherever it starts.
 */
import { IMAGE_PATH_PREPEND } from '../model/build-plan.js'

/** The line that names the collected wheels, last in a collecting step's output. */
export const COLLECTED = 'wheelwright collected:'

/**
 * Puts IMAGE_PATH_PREPEND first on the image's PATH, then forgets the
 * variable. A PATH that holds it already (one the environment option made
 * from it) is left as it is: the option decides what comes first.
 */
export const PATH_PREPEND = [
  `if [ -n "\${${IMAGE_PATH_PREPEND}:-}" ]; then`,
  `  case ":$PATH:" in *":$${IMAGE_PATH_PREPEND}:"*) ;; *) PATH="$${IMAGE_PATH_PREPEND}\${PATH:+:$PATH}" ;; esac`,
  `  export PATH; unset ${IMAGE_PATH_PREPEND}`,
  'fi'
].join('\n')

/** The start of every trailer (SOH, then `ww`). */
export const TRAILER = '\x01ww'
/** The nonce of the line the shell prints once it reads steps. */
export const READY = 'ready'

/** What the loop needs of a step. */
export interface StepRequest {
  readonly nonce: string
  readonly argv: readonly string[]
  readonly env: Readonly<Record<string, string>>
  /** The dir to make and enter; undefined: where the shell is (the container's workdir). */
  readonly cwd?: string
  /** After a successful step, name the `.whl` files of this dir on a COLLECTED line. */
  readonly collect?: string
}

/** The prefix of the loop's own variables: a step may not set one. */
const OWN = '_wwsh_'

/**
 * Names that a POSIX sh or bash keeps to itself (read-only, or computed on
 * each use): exporting one fails or does not pass the value on.
 */
const SHELL_SPECIAL: ReadonlySet<string> = new Set([
  'BASHOPTS',
  'BASHPID',
  'BASH_ARGV0',
  'BASH_VERSINFO',
  'EPOCHREALTIME',
  'EPOCHSECONDS',
  'EUID',
  'HISTCMD',
  'LINENO',
  'OPTIND',
  'PPID',
  'RANDOM',
  'SECONDS',
  'SHELLOPTS',
  'SRANDOM',
  'UID'
])

/**
 * Why the shell cannot run a step exactly as `<engine> exec` would
 * (undefined: it can): a variable whose name is no shell name, or one the
 * shell keeps to itself, or a NUL that no argv or environment can hold.
 * Such a step runs through its own exec.
 */
export function shellCannotRun(request: Omit<StepRequest, 'nonce'>): string | undefined {
  for (const name of Object.keys(request.env)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return `${name} is not a shell variable name`
    if (name.startsWith(OWN) || SHELL_SPECIAL.has(name)) return `the shell keeps ${name} to itself`
  }
  const values = [...request.argv, ...Object.values(request.env), request.cwd, request.collect]
  if (values.some(v => v?.includes('\0'))) return 'a value holds a NUL byte'
  return undefined
}

/** A value as one line the loop decodes (see the module comment). */
export function encodeValue(value: string): string {
  if (!/[\\\n]/.test(value)) return value
  return value.replace(/[\\%\n]/g, c => `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`)
}

/** The inverse of encodeValue (the loop's decoding, for tests and checks). */
export function decodeValue(line: string): string {
  if (!line.includes('\\')) return line
  return line.replace(/\\([0-7]{3})/g, (_, octal: string) =>
    String.fromCharCode(parseInt(octal, 8))
  )
}

/** The lines that ask the loop for one step. */
export function stepFrame(request: StepRequest): string {
  const env = Object.entries(request.env).map(([k, v]) => `${k}=${encodeValue(v)}`)
  return (
    [
      request.nonce,
      encodeValue(request.cwd ?? ''),
      encodeValue(request.collect ?? ''),
      String(request.argv.length),
      ...request.argv.map(encodeValue),
      String(env.length),
      ...env
    ].join('\n') + '\n'
  )
}

/**
 * The loop, run as `sh -c SHELL_LOOP wheelwright-shell`. Each step runs in a
 * subshell (its variables and dir end with it) with stdin from /dev/null (a
 * step that reads stdin cannot take the next step's lines). Every value is
 * decoded before any variable of the step is exported, but its own.
 */
export const SHELL_LOOP = [
  `${OWN}dec() {`,
  `  case $1 in`,
  `    *\\\\*) ${OWN}v=$(printf "x$1x"); ${OWN}v=\${${OWN}v#x}; ${OWN}v=\${${OWN}v%x} ;;`,
  `    *) ${OWN}v=$1 ;;`,
  `  esac`,
  `}`,
  `printf '\\001ww%s\\n' ${READY}`,
  `while IFS= read -r ${OWN}nonce; do`,
  `  (`,
  `    IFS= read -r ${OWN}cwd; ${OWN}dec "$${OWN}cwd"; ${OWN}cwd=$${OWN}v`,
  `    IFS= read -r ${OWN}collect; ${OWN}dec "$${OWN}collect"; ${OWN}collect=$${OWN}v`,
  `    IFS= read -r ${OWN}n; set --`,
  `    while [ "$${OWN}n" -gt 0 ]; do`,
  `      IFS= read -r ${OWN}line; ${OWN}dec "$${OWN}line"; set -- "$@" "$${OWN}v"; ${OWN}n=$((${OWN}n - 1))`,
  `    done`,
  `    IFS= read -r ${OWN}n`,
  `    while [ "$${OWN}n" -gt 0 ]; do`,
  `      IFS= read -r ${OWN}line; ${OWN}dec "\${${OWN}line#*=}"; export "\${${OWN}line%%=*}=$${OWN}v"`,
  `      ${OWN}n=$((${OWN}n - 1))`,
  `    done`,
  `    exec </dev/null`,
  PATH_PREPEND,
  `    if [ -n "$${OWN}cwd" ]; then mkdir -p -- "$${OWN}cwd" && cd -- "$${OWN}cwd" || exit 1; fi`,
  `    [ -n "$${OWN}collect" ] || exec "$@"`,
  `    "$@" || exit`,
  `    printf '\\n%s' '${COLLECTED}'`,
  `    for ${OWN}f in "$${OWN}collect"/*.whl; do [ -e "$${OWN}f" ] && printf ' %s' "\${${OWN}f##*/}"; done`,
  `    printf '\\n'`,
  `  )`,
  `  ${OWN}status=$?`,
  `  printf '\\001ww%s %s\\n' "$${OWN}nonce" "$${OWN}status"`,
  `  printf '\\001ww%s\\n' "$${OWN}nonce" >&2`,
  `done`
].join('\n')

/** What a scanner found in one chunk. */
export interface Scanned {
  /** The step's own bytes, in order. */
  readonly data: Buffer
  /** The rest of the trailer's line, once the trailer was read whole. */
  readonly trailer?: string
}

/**
 * Finds the trailer `TRAILER + nonce ... \n` in one stream, chunk by chunk.
 * It holds back only a chunk's end that could start the trailer (a tail that
 * begins with SOH), so the step's output reaches the log as it comes. After
 * the trailer, it passes nothing: what a process the step left behind writes
 * then belongs to no step.
 */
export class TrailerScanner {
  private readonly mark: Buffer
  private held: Buffer = Buffer.alloc(0)
  private found = false

  constructor(nonce: string) {
    this.mark = Buffer.from(TRAILER + nonce)
  }

  get done(): boolean {
    return this.found
  }

  push(chunk: Buffer): Scanned {
    if (this.found) return { data: Buffer.alloc(0) }
    const text = this.held.length > 0 ? Buffer.concat([this.held, chunk]) : chunk
    const at = text.indexOf(this.mark)
    if (at >= 0) {
      const end = text.indexOf(0x0a, at + this.mark.length)
      if (end < 0) {
        this.held = text.subarray(at)
        return { data: text.subarray(0, at) }
      }
      this.found = true
      this.held = Buffer.alloc(0)
      const trailer = text.subarray(at + this.mark.length, end).toString('latin1')
      return { data: text.subarray(0, at), trailer }
    }
    const keep = this.partialMarkAtEnd(text)
    this.held = Buffer.from(text.subarray(text.length - keep))
    return { data: text.subarray(0, text.length - keep) }
  }

  /** What was held back when the stream ended without a trailer. */
  rest(): Buffer {
    const rest = this.held
    this.held = Buffer.alloc(0)
    return rest
  }

  /** The length of the longest end of `text` that is a proper start of the mark. */
  private partialMarkAtEnd(text: Buffer): number {
    const from = Math.max(0, text.length - this.mark.length + 1)
    for (
      let at = text.indexOf(this.mark[0], from);
      at >= 0;
      at = text.indexOf(this.mark[0], at + 1)
    ) {
      if (text.subarray(at).equals(this.mark.subarray(0, text.length - at))) return text.length - at
    }
    return 0
  }
}
