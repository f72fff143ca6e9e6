/**
 * The fault suite's harness: runs the bundled CLI on one bad input or fault,
 * in a dir of its own with its own TMPDIR and a marker variable, then checks
 * what every case must hold whatever its input: the exit code and message,
 * no stack trace, no secret printed, nothing left in TMPDIR or output-dir,
 * and no process left running (found by the marker in /proc/<pid>/environ,
 * which every descendant inherits, whichever process group it is in).
 */
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect } from '@jest/globals'
import { CLI, ROOT } from './tools.js'

/** Secrets every case runs with: none may ever be printed. */
export const SECRETS = {
  TWINE_PASSWORD: `pypi-tw-${crypto.randomBytes(10).toString('hex')}`,
  GITHUB_TOKEN: `ghs_${crypto.randomBytes(10).toString('hex')}`,
  ACTIONS_RUNTIME_TOKEN: `rt-${crypto.randomBytes(10).toString('hex')}`,
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: `oidc-${crypto.randomBytes(10).toString('hex')}`
} as const

/** A secret for the userinfo of URLs in cases. */
export const URL_SECRET = `s3cr3t${crypto.randomBytes(8).toString('hex')}`

export interface CaseDirs {
  readonly root: string
  readonly project: string
  /** output-dir; not made unless a case makes it. */
  readonly out: string
  readonly tmp: string
  readonly cache: string
}

export interface FaultCase {
  readonly name: string
  /** After `wheelwright`; `{project}`, `{out}`, `{root}`, `{cache}` are replaced. */
  readonly argv: readonly string[]
  /** Appended to the fixture's pyproject.toml (or the whole file with `replacePyproject`). */
  readonly pyproject?: string
  readonly replacePyproject?: boolean
  readonly files?: Readonly<Record<string, string>>
  readonly env?: Readonly<Record<string, string>>
  readonly prepare?: (dirs: CaseDirs) => void
  readonly code: number
  readonly message: RegExp
  /** Extra secrets of this case. */
  readonly secrets?: readonly string[]
  /** output-dir may hold these names afterwards (a case that succeeds in part). */
  readonly outputAllowed?: RegExp
}

export interface FaultRun {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly output: string
  readonly dirs: CaseDirs
  readonly seconds: number
}

const CASE_TIMEOUT_MS = 60_000

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'c-ext')

export function caseDirs(): CaseDirs {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ww-fault-'))
  const dirs = {
    root,
    project: path.join(root, 'project'),
    out: path.join(root, 'out'),
    tmp: path.join(root, 'tmp'),
    cache: path.join(root, 'cache')
  }
  fs.mkdirSync(dirs.tmp)
  fs.cpSync(FIXTURE, dirs.project, { recursive: true })
  return dirs
}

const substitute = (arg: string, dirs: CaseDirs) =>
  arg
    .replaceAll('{project}', dirs.project)
    .replaceAll('{out}', dirs.out)
    .replaceAll('{root}', dirs.root)
    .replaceAll('{cache}', dirs.cache)

export function caseEnv(
  dirs: CaseDirs,
  marker: string,
  extra: Readonly<Record<string, string>> = {}
) {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    TMPDIR: dirs.tmp,
    WHEELWRIGHT_FAULT_CASE: marker,
    ...SECRETS,
    ...extra
  }
}

export interface Started {
  readonly pid: number
  readonly marker: string
  readonly done: Promise<FaultRun>
  /** Resolves when the output so far matches. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>
}

/**
 * Starts the CLI in a process group of its own. With `keep`, only the last
 * `keep` characters of its output are kept (a run that prints hundreds of MB).
 */
export function startCli(
  argv: readonly string[],
  dirs: CaseDirs,
  extraEnv: Readonly<Record<string, string>> = {},
  marker = `fault-${crypto.randomBytes(6).toString('hex')}`,
  keep = Infinity
): Started {
  const started = Date.now()
  const child = spawn(process.execPath, [CLI, ...argv.map(a => substitute(a, dirs))], {
    cwd: dirs.root,
    env: caseEnv(dirs, marker, extraEnv),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true
  })
  let output = ''
  const listeners = new Set<() => void>()
  const onData = (data: Buffer) => {
    output += data.toString('utf8')
    if (output.length > keep) output = output.slice(-keep)
    for (const listener of listeners) listener()
  }
  child.stdout!.on('data', onData)
  child.stderr!.on('data', onData)
  const done = new Promise<FaultRun>(resolve =>
    child.on('close', (code, signal) =>
      resolve({ code, signal, output, dirs, seconds: (Date.now() - started) / 1000 })
    )
  )
  const waitFor = (pattern: RegExp, timeoutMs = 120_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        listeners.delete(check)
        reject(new Error(`timed out waiting for ${pattern}; output so far:\n${output}`))
      }, timeoutMs)
      const check = () => {
        if (!pattern.test(output)) return
        clearTimeout(timer)
        listeners.delete(check)
        resolve()
      }
      listeners.add(check)
      check()
    })
  return { pid: child.pid!, marker, done, waitFor }
}

/** The pids of live processes whose environment carries `marker`. */
export function processesWith(marker: string): number[] {
  const found: number[] = []
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const environ = fs.readFileSync(`/proc/${entry}/environ`, 'latin1')
      if (environ.includes(`WHEELWRIGHT_FAULT_CASE=${marker}\0`)) found.push(Number(entry))
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found
}

const until = async (check: () => boolean, ms: number) => {
  const deadline = Date.now() + ms
  while (!check() && Date.now() < deadline) await new Promise(r => setTimeout(r, 100))
  return check()
}

const STACK_LINE = /^\s+at .*(\(.*:\d+:\d+\)|:\d+:\d+)$/m

/** What holds after any case: no trace, no secret, no leftovers, no survivors. */
export async function checkAftermath(
  run: FaultRun,
  marker: string,
  options: { secrets?: readonly string[]; outputAllowed?: RegExp } = {}
): Promise<void> {
  expect(run.output).not.toMatch(STACK_LINE)
  expect(run.output).not.toMatch(/TypeError|ReferenceError|EEXIST:|ENOENT:|EACCES:/)
  for (const secret of [...Object.values(SECRETS), URL_SECRET, ...(options.secrets ?? [])])
    expect(run.output).not.toContain(secret)
  // The watcher of a killed run needs a moment for its grace period.
  const survivors = await until(() => processesWith(marker).length === 0, 15_000)
  expect({ survivors: survivors ? [] : processesWith(marker) }).toEqual({ survivors: [] })
  await until(() => fs.readdirSync(run.dirs.tmp).length === 0, 10_000)
  expect(fs.readdirSync(run.dirs.tmp)).toEqual([])
  const out = fs.statSync(run.dirs.out, { throwIfNoEntry: false })?.isDirectory()
    ? fs.readdirSync(run.dirs.out)
    : []
  const allowed = options.outputAllowed
  expect(out.filter(name => !allowed || !allowed.test(name))).toEqual([])
}

/** Every path under `dir` with its size and mtime. */
function treeOf(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return (fs.readdirSync(dir, { recursive: true }) as string[]).sort().map(name => {
    const stat = fs.lstatSync(path.join(dir, name))
    return `${name} ${stat.size} ${stat.mtimeMs}`
  })
}

/** Runs one table case to its end and checks it. */
export async function runFaultCase(c: FaultCase): Promise<FaultRun> {
  const dirs = caseDirs()
  const pyproject = path.join(dirs.project, 'pyproject.toml')
  if (c.pyproject !== undefined) {
    if (c.replacePyproject) fs.writeFileSync(pyproject, c.pyproject)
    else fs.appendFileSync(pyproject, `\n${c.pyproject}\n`)
  }
  for (const [name, text] of Object.entries(c.files ?? {})) {
    const file = path.join(dirs.project, name)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, text)
  }
  c.prepare?.(dirs)
  const before = treeOf(dirs.project)
  const started = startCli(c.argv, dirs, c.env)
  // A bad-input case ends in seconds; one that does not is a hang, and fails.
  const timer = setTimeout(() => process.kill(-started.pid, 'SIGKILL'), CASE_TIMEOUT_MS)
  const run = await started.done.finally(() => clearTimeout(timer))
  if (process.env.WHEELWRIGHT_FAULT_LOG)
    fs.appendFileSync(
      process.env.WHEELWRIGHT_FAULT_LOG,
      `${run.seconds.toFixed(1)} ${run.code} ${c.name}\n`
    )
  const context = `${c.name}\n--- output ---\n${run.output}`
  expect({ case: context, code: run.code }).toEqual({ case: context, code: c.code })
  expect(run.output).toMatch(c.message)
  await checkAftermath(run, started.marker, c)
  // Nothing is written into the user's project (no egg-info, no build/).
  expect(treeOf(dirs.project)).toEqual(before)
  return run
}
