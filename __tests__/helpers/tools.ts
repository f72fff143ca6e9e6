/**
 * Locates the test toolchain prepared by scripts/test-env.sh. A missing tool
 * fails the test with the name of what is missing: tests never skip.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const CLI = path.join(ROOT, 'dist', 'cli.js')
export const ACTION = path.join(ROOT, 'dist', 'index.js')

const stateDir =
  process.env.WHEELWRIGHT_TEST_HOME ?? path.join(os.homedir(), '.cache', 'wheelwright-test')

function readStateEnv(): Record<string, string> {
  const file = path.join(stateDir, 'env')
  if (!fs.existsSync(file)) return {}
  const result: Record<string, string> = {}
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const match = /^(?:export\s+)?(\w+)=(.*)$/.exec(line.trim())
    if (match) result[match[1]] = match[2].replace(/^["']|["']$/g, '')
  }
  return result
}

const stateEnv = readStateEnv()

export function testSetting(name: string): string {
  const value = process.env[name] ?? stateEnv[name]
  if (!value) {
    throw new Error(
      `${name} is not set: run scripts/test-env.sh (the README's test command does) first`
    )
  }
  return value
}

/** An executable of the tools venv (cibuildwheel, twine, auditwheel, ...). */
export function venvTool(name: string): string {
  const file = path.join(testSetting('WHEELWRIGHT_TEST_VENV'), 'bin', name)
  if (!fs.existsSync(file)) throw new Error(`missing test tool ${file}: run scripts/test-env.sh`)
  return file
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `ww-${prefix}-`))
}

/** Writes a small project tree: { 'pyproject.toml': '...', ... }. */
export function writeTree(dir: string, files: Record<string, string>): string {
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, text)
  }
  return dir
}

/** The environment for a child, without this machine's CIBW_* or runner variables. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) {
    if (
      k.startsWith('CIBW_') ||
      k.startsWith('RUNNER_') ||
      k.startsWith('GITHUB_') ||
      k.startsWith('INPUT_')
    )
      continue
    env[k] = v
  }
  return { ...env, ...extra }
}

export interface ProcessRun {
  status: number | null
  stdout: string
  stderr: string
}

/** Runs the bundled CLI as a child process. */
export function runCliProcess(
  args: string[],
  env: Record<string, string> = {},
  cwd = ROOT
): ProcessRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    env: cleanEnv(env),
    encoding: 'utf8',
    timeout: 1_200_000,
    maxBuffer: 256 * 1024 * 1024
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** Runs a command and returns its stdout; throws with the output on failure. */
export function check(
  argv: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}
): string {
  const result = spawnSync(argv[0], argv.slice(1), {
    cwd: options.cwd,
    env: options.env ?? process.env,
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024
  })
  if (result.status !== 0) {
    throw new Error(
      `${argv.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`
    )
  }
  return result.stdout
}

export function wheelsIn(dir: string): string[] {
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter(f => f.endsWith('.whl'))
        .sort()
    : []
}

/** CPython versions (3.9+) on this machine, as pyenv provides them. */
export function hostCPythons(): string[] {
  const root = path.join(os.homedir(), '.pyenv', 'versions')
  const found = fs.existsSync(root) ? fs.readdirSync(root) : []
  const minors = new Set(
    found
      .map(v => /^3\.(\d+)\.\d+$/.exec(v))
      .filter((m): m is RegExpExecArray => !!m && Number(m[1]) >= 9)
      .map(m => `cp3${m[1]}`)
  )
  return [...minors].sort((a, b) => Number(a.slice(3)) - Number(b.slice(3)))
}

/** Installs the wheels into a fresh venv of `python` and runs `code` there. */
export function installAndRun(python: string, wheels: string[], code: string): string {
  const venv = tempDir('venv')
  check([python, '-m', 'venv', venv])
  check([
    path.join(venv, 'bin', 'python'),
    '-m',
    'pip',
    'install',
    '--disable-pip-version-check',
    '-q',
    ...wheels
  ])
  return check([path.join(venv, 'bin', 'python'), '-c', code], { cwd: tempDir('cwd') })
}

/**
 * The containers a run started (its log shows each `start`), as the engine
 * still lists them: only this run's, whatever else runs on the machine.
 */
export function containersOf(log: string, engine = 'podman'): string[] {
  const names = new Set([...log.matchAll(/ start (wheelwright-[0-9a-f]+-\d+)\b/g)].map(m => m[1]))
  if (names.size === 0) throw new Error('the log names no container it started')
  const listed = check([engine, 'ps', '-a', '--format', '{{.Names}}']).split('\n')
  return listed.filter(name => names.has(name))
}
