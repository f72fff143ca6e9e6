/**
 * Shared by the publish e2e tests: the CLI and the bundled action run as
 * child processes *asynchronously* (the loopback stand-ins live in this
 * process and must keep answering), and everything they print, plus the argv
 * of every process they start, is recorded so that a test can prove that no
 * token leaked.
 *
 * argv is recorded twice over: the Python that runs build/twine is a
 * recording wrapper (WHEELWRIGHT_PUBLISH_PYTHON), and /proc is polled for
 * every descendant of the child while it runs.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { parseOutputFile } from '../helpers/action.js'
import { ACTION, CLI, cleanEnv, tempDir, venvTool } from '../helpers/tools.js'

export interface ChildRun {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
  readonly outputs: Record<string, string>
  readonly summary: string
}

export class LeakRecorder {
  readonly texts: string[] = []
  readonly argvs: string[][] = []

  add(run: { stdout: string; stderr: string }): void {
    this.texts.push(run.stdout, run.stderr)
  }

  /**
   * Every place a token shows up outside an `::add-mask::` line (the runner's
   * masking command, which is how a secret is meant to be announced).
   */
  leaks(tokens: readonly string[]): string[] {
    const found: string[] = []
    for (const token of tokens.filter(t => t.length >= 8)) {
      for (const text of this.texts) {
        for (const line of text.split('\n')) {
          if (line.includes(token) && !line.startsWith(`::add-mask::${token}`)) {
            found.push(`output line: ${line.slice(0, 160)}`)
          }
        }
      }
      for (const argv of this.argvs) {
        if (argv.some(arg => arg.includes(token)))
          found.push(`argv: ${argv.join(' ').slice(0, 160)}`)
      }
    }
    return found
  }
}

/** A Python that appends its argv (NUL-separated, one record per line) to `log`, then runs the tools venv Python. */
export function recordingPython(log: string): string {
  const dir = tempDir('recpy')
  const wrapper = path.join(dir, 'python')
  fs.writeFileSync(
    wrapper,
    [
      '#!/bin/bash',
      `{ printf '%s\\0' "$0" "$@"; printf '\\n'; } >> ${JSON.stringify(log)}`,
      `exec ${JSON.stringify(venvTool('python'))} "$@"`,
      ''
    ].join('\n'),
    { mode: 0o755 }
  )
  return wrapper
}

export function readArgvLog(log: string): string[][] {
  if (!fs.existsSync(log)) return []
  return fs
    .readFileSync(log, 'utf8')
    .split('\0\n')
    .filter(record => record !== '')
    .map(record => record.split('\0'))
}

function parentOf(pid: string): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]
  } catch {
    return undefined
  }
}

/** Polls /proc for the descendants of `root` and records each one's argv once. */
function watchDescendants(root: number, into: string[][]): () => void {
  const seen = new Set<string>()
  const scan = () => {
    let pids: string[]
    try {
      pids = fs.readdirSync('/proc').filter(name => /^\d+$/.test(name))
    } catch {
      return
    }
    const parents = new Map(pids.map(pid => [pid, parentOf(pid)]))
    const family = new Set([String(root)])
    let grew = true
    while (grew) {
      grew = false
      for (const [pid, parent] of parents) {
        if (parent && family.has(parent) && !family.has(pid)) {
          family.add(pid)
          grew = true
        }
      }
    }
    for (const pid of family) {
      if (seen.has(pid)) continue
      try {
        const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean)
        if (argv.length > 0) {
          seen.add(pid)
          into.push(argv)
        }
      } catch {
        // gone already
      }
    }
  }
  const timer = setInterval(scan, 20)
  return () => {
    clearInterval(timer)
    scan()
  }
}

/**
 * The environment every publish test child gets: the recording Python for
 * build and twine. The cache dir stays the default one, so the build tools
 * and the attestation tools venv are made once per machine.
 */
export function publishEnv(
  argvLog: string,
  extra: Record<string, string> = {}
): Record<string, string> {
  return {
    WHEELWRIGHT_PUBLISH_PYTHON: recordingPython(argvLog),
    PIP_DISABLE_PIP_VERSION_CHECK: '1',
    ...extra
  }
}

async function runChild(
  argv: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  recorder: LeakRecorder | undefined,
  timeoutMs: number,
  input?: string,
  onStdout?: (text: string, child: ReturnType<typeof spawn>) => void
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(argv[0], argv.slice(1), {
    cwd,
    env,
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
  })
  if (input !== undefined) child.stdin!.end(input)
  const argvs: string[][] = []
  const stop = child.pid ? watchDescendants(child.pid, argvs) : () => undefined
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
    onStdout?.(stdout, child)
  })
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  const status = await new Promise<number | null>(resolve =>
    child.on('close', code => resolve(code))
  )
  clearTimeout(timer)
  stop()
  const run = { status, stdout, stderr }
  recorder?.add(run)
  recorder?.argvs.push(...argvs)
  return run
}

/** `node dist/cli.js ...` */
export async function runCli(
  args: string[],
  env: Record<string, string>,
  options: { cwd?: string; recorder?: LeakRecorder; timeoutMs?: number; input?: string } = {}
): Promise<ChildRun> {
  const run = await runChild(
    [process.execPath, CLI, ...args],
    cleanEnv(env),
    options.cwd ?? tempDir('cwd'),
    options.recorder,
    options.timeoutMs ?? 300_000,
    options.input
  )
  return { ...run, outputs: {}, summary: '' }
}

/** `node dist/index.js` with a runner's environment (as helpers/action.ts, but without blocking). */
export async function runActionAsync(
  inputs: Record<string, string>,
  env: Record<string, string>,
  options: {
    workspace?: string
    recorder?: LeakRecorder
    timeoutMs?: number
    /** RUNNER_TEMP (a new dir by default). */
    runnerTemp?: string
    /** Called with all of stdout so far, and the child (to signal it). */
    onStdout?: (text: string, child: ReturnType<typeof spawn>) => void
  } = {}
): Promise<ChildRun> {
  const runnerTemp = options.runnerTemp ?? tempDir('runner')
  const files = ['output', 'summary', 'env', 'path'].map(name => path.join(runnerTemp, name))
  for (const file of files) fs.writeFileSync(file, '')
  const workspace = options.workspace ?? runnerTemp
  const childEnv = cleanEnv({
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: files[0],
    GITHUB_STEP_SUMMARY: files[1],
    GITHUB_ENV: files[2],
    GITHUB_PATH: files[3],
    GITHUB_WORKSPACE: workspace,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_EVENT_NAME: 'push',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: path.join(runnerTemp, 'toolcache'),
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...env
  })
  const run = await runChild(
    [process.execPath, ACTION],
    childEnv,
    workspace,
    options.recorder,
    options.timeoutMs ?? 300_000,
    undefined,
    options.onStdout
  )
  return {
    ...run,
    outputs: parseOutputFile(fs.readFileSync(files[0], 'utf8')),
    summary: fs.readFileSync(files[1], 'utf8')
  }
}

/** Installs `project` from `simpleUrl` into a fresh venv and runs `code` there. */
export async function installFromIndex(
  simpleUrl: string,
  project: string,
  code: string
): Promise<string> {
  const venv = tempDir('pipvenv')
  const steps: string[][] = [
    [venvTool('python'), '-m', 'venv', venv],
    [
      path.join(venv, 'bin', 'python'),
      '-m',
      'pip',
      'install',
      '--disable-pip-version-check',
      '--no-cache-dir',
      '--only-binary',
      ':all:',
      '--index-url',
      simpleUrl,
      project
    ],
    [path.join(venv, 'bin', 'python'), '-c', code]
  ]
  let last = ''
  for (const argv of steps) {
    const run = await runChild(argv, process.env, tempDir('pipcwd'), undefined, 300_000)
    if (run.status !== 0) throw new Error(`${argv.join(' ')} failed:\n${run.stdout}\n${run.stderr}`)
    last = run.stdout
  }
  return last
}
