/**
 * The live log of the bundled CLI and action on real host builds: output
 * streams while the build runs, survives SIGTERM, one annotation per failure,
 * compiler errors matched to their source line as the runner's problem
 * matcher would, the full sha256 in the job summary, and colour on a terminal
 * (read through a pty made by util-linux `script`).
 */
import { spawn, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { runAction } from '../helpers/action.js'
import { CLI, cleanEnv, hostCPythons, ROOT, tempDir } from '../helpers/tools.js'

const fixture = (name: string) => path.join(ROOT, 'test', 'fixtures', name)
const cpythons = hostCPythons()
const id = (tag: string) => `${tag}-manylinux_x86_64`
const ESC = '\u001b['
const withoutColour = (text: string) =>
  text
    .split(ESC)
    .map((part, i) => (i === 0 ? part : part.replace(/^[0-9;]*m/, '')))
    .join('')

/** The machine's cache dir: its tools venv is reused; the wheel cache stays off unless asked. */
const MACHINE_CACHE = path.join(os.homedir(), '.cache', 'wheelwright')

interface Streamed {
  code: number | null
  log: string
  /** When each marker first arrived, and when the process ended (ms since start). */
  arrived: Map<string, number>
  ended: number
}

/**
 * Runs the bundled CLI and reads what it prints as it comes; `onMarker` is called
 * once per marker when it first arrives.
 */
function streamCli(
  args: string[],
  markers: string[],
  onMarker: (marker: string, child: ReturnType<typeof spawn>) => void = () => undefined
): Promise<Streamed> {
  const start = Date.now()
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: tempDir('cwd'),
    env: cleanEnv(),
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let log = ''
  const arrived = new Map<string, number>()
  const take = (data: Buffer) => {
    log += data.toString('utf8')
    for (const marker of markers) {
      if (!arrived.has(marker) && log.includes(marker)) {
        arrived.set(marker, Date.now() - start)
        onMarker(marker, child)
      }
    }
  }
  // The build log is on stdout (as cibuildwheel's), warnings and errors on stderr.
  child.stdout.on('data', take)
  child.stderr.on('data', take)
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', code => resolve({ code, log, arrived, ended: Date.now() - start }))
  })
}

const hostBuild = (project: string, identifier: string, extra: string[] = []) => [
  'build',
  project,
  '--container',
  'off',
  '--only',
  identifier,
  '--cache',
  'false',
  '--cache-dir',
  MACHINE_CACHE,
  '--output-dir',
  tempDir('out'),
  ...extra
]

describe('the CLI streams', () => {
  test('what before-build prints arrives while the build still runs', async () => {
    const run = await streamCli(
      hostBuild(fixture('c-ext'), id(cpythons[0]), [
        '--before-build',
        'echo WW-LIVE-MARKER; sleep 4'
      ]),
      ['WW-LIVE-MARKER']
    )
    expect(run.log.slice(-3000)).not.toContain('error:')
    expect(run.code).toBe(0)
    const marker = run.arrived.get('WW-LIVE-MARKER')!
    expect(marker).toBeDefined()
    // The sleep, the build, the repair and the test all come after the marker.
    expect(run.ended - marker).toBeGreaterThan(3500)
    // The step as the user wrote it, never its wrapper, then ✓ and the time.
    expect(run.log).toContain('▸ before-build: echo WW-LIVE-MARKER; sleep 4\nWW-LIVE-MARKER\n')
    expect(run.log).toMatch(/\n✓ before-build \(4(\.\d)?s\)\n/)
    expect(run.log).toContain('▸ build: python -m build . --wheel --outdir=../built\n')
    expect(run.log).toMatch(/\n✓ 1 wheel in [\d.]+s → /)
  })

  test('SIGTERM mid-build: what was printed is all there, and the exit status is 143', async () => {
    const run = await streamCli(
      hostBuild(fixture('c-ext'), id(cpythons[0]), [
        '--before-build',
        'echo WW-BEFORE-SIGTERM; printf "half a %s" line; sleep 60'
      ]),
      // The line as printed (the command shows it followed by `;`).
      ['WW-BEFORE-SIGTERM\n'],
      // A moment for the partial line to arrive, then the signal.
      (_marker, child) => void setTimeout(() => child.kill('SIGTERM'), 500)
    )
    expect(run.code).toBe(143)
    expect(run.ended).toBeLessThan(30_000)
    // The identifier's log so far: its header, its finished steps, the running one's output.
    expect(run.log).toContain(`── ${id(cpythons[0])} (1/1)\n`)
    expect(run.log).toMatch(/\n✓ prepare \(\d+ms\)\n/)
    expect(run.log).toContain('WW-BEFORE-SIGTERM\nhalf a line')
    expect(run.log).toContain('warning: received SIGTERM: stopping builds')
  })
})

/** The runner's problem matcher, applied to a log as the runner does, line by line. */
function matchProblems(stdout: string) {
  const { problemMatcher } = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'resources', 'problem-matcher.json'), 'utf8')
  ) as {
    problemMatcher: { owner: string; pattern: { regexp: string; [group: string]: unknown }[] }[]
  }
  const found: { owner: string; file: string; line: string; message: string }[] = []
  for (const text of stdout.split('\n')) {
    for (const matcher of problemMatcher) {
      const pattern = matcher.pattern[0]
      const match = new RegExp(pattern.regexp).exec(text)
      if (match)
        found.push({
          owner: matcher.owner,
          file: match[pattern.file as number],
          line: match[pattern.line as number],
          message: match[pattern.message as number]
        })
    }
  }
  return found
}

const ENV = () => ({ HOME: process.env.HOME ?? '', PATH: process.env.PATH ?? '' })

describe('the action', () => {
  test('two failed builds: one ::error each, titled; compiler errors on their source line; the summary', () => {
    const workspace = tempDir('ws-fail')
    fs.cpSync(fixture('failing'), path.join(workspace, 'pkg'), { recursive: true })
    const ids = cpythons.slice(0, 2).map(id)
    const run = runAction(
      {
        'package-dir': 'pkg',
        build: ids.join(' '),
        container: 'off',
        parallel: '2',
        'fail-fast': 'false',
        'upload-artifact': 'false',
        cache: 'false',
        'cache-dir': MACHINE_CACHE
      },
      ENV(),
      { workspace }
    )
    expect(run.status).toBe(1)
    const errors = run.stdout.split('\n').filter(l => l.startsWith('::error'))
    expect(errors).toHaveLength(2)
    for (const [i, line] of errors.entries()) {
      expect(line).toMatch(
        new RegExp(
          `^::error title=wheelwright%3A build error::${ids[i]}: build failed: exit code 1%0A`
        )
      )
      expect(line).toContain('undeclared_identifier_for_the_test')
    }
    // The matcher is added before the builds and removed after them.
    const lines = run.stdout.split('\n')
    const added = lines.findIndex(l => l.startsWith('::add-matcher::'))
    const removed = lines.findIndex(l => l === '::remove-matcher owner=wheelwright-gcc::')
    expect(added).toBeGreaterThanOrEqual(0)
    expect(removed).toBeGreaterThan(added)
    expect(fs.existsSync(lines[added].slice('::add-matcher::'.length))).toBe(true)
    const problems = matchProblems(lines.slice(added, removed).join('\n'))
    // Once per build (the prefixed live lines do not match; each build's folded log does).
    expect(problems).toHaveLength(2)
    for (const problem of problems) {
      expect(problem).toEqual({
        owner: 'wheelwright-gcc',
        file: 'pkg/broken.c',
        line: '5',
        message: expect.stringContaining('undeclared_identifier_for_the_test')
      })
    }
    for (const identifier of ids) {
      expect(run.summary).toContain(`#### ✗ ${identifier}`)
      expect({ identifier, stdout: run.stdout }).toEqual({
        identifier,
        stdout: expect.stringContaining(`::group::${identifier}: FAILED at build`)
      })
    }
  })

  test('a bad value in pyproject.toml: one ::error, with the file and line', () => {
    const workspace = tempDir('ws-config')
    fs.cpSync(fixture('c-ext'), path.join(workspace, 'pkg'), { recursive: true })
    fs.appendFileSync(path.join(workspace, 'pkg', 'pyproject.toml'), 'build-frontend = "nope"\n')
    const line =
      fs.readFileSync(path.join(workspace, 'pkg', 'pyproject.toml'), 'utf8').split('\n').length - 1
    const run = runAction(
      { 'package-dir': 'pkg', only: id(cpythons[0]), container: 'off', 'upload-artifact': 'false' },
      ENV(),
      { workspace }
    )
    expect(run.status).toBe(1)
    expect(run.stdout.split('\n').filter(l => l.startsWith('::error'))).toEqual([
      `::error title=wheelwright%3A configuration error,file=pkg/pyproject.toml,line=${line}::build-frontend: unknown build frontend (got "nope"). Hint: use build, pip, build[uv], uv`
    ])
  })

  test('a successful build: its log folds in its group; the summary has the full sha256 and the sdist', () => {
    const workspace = tempDir('ws-ok')
    fs.cpSync(fixture('c-ext'), workspace, { recursive: true })
    const identifier = id(cpythons.at(-1)!)
    const run = runAction(
      {
        only: identifier,
        container: 'off',
        sdist: 'true',
        'upload-artifact': 'false',
        cache: 'false',
        'cache-dir': MACHINE_CACHE
      },
      ENV(),
      { workspace }
    )
    expect(run.stdout).not.toContain('::error')
    expect(run.status).toBe(0)
    const [wheel] = JSON.parse(run.outputs.wheels) as string[]
    const sha = crypto.createHash('sha256').update(fs.readFileSync(wheel)).digest('hex')
    expect(run.summary).toContain(`| ${identifier} | ${path.basename(wheel)} |`)
    expect(run.summary).toContain(` ${sha} |`)
    const sdistSha = crypto
      .createHash('sha256')
      .update(fs.readFileSync(run.outputs.sdist))
      .digest('hex')
    expect(run.summary).toContain(`| sdist | ${path.basename(run.outputs.sdist)} |`)
    expect(run.summary).toContain(` ${sdistSha} |`)
    expect(run.summary).toMatch(/\*\*Total:\*\* 1 wheel and the sdist, .*; wall time /)
    expect(run.stdout).toContain(`::group::${identifier} (1/1)\n`)
    // The log has colour (the Actions log renders it); the result line follows the group.
    expect(run.stdout).toContain(`${ESC}32m✓${ESC}39m`)
    expect(withoutColour(run.stdout)).toMatch(
      new RegExp(`::endgroup::\\n✓ ${identifier} → ${path.basename(wheel)} \\(`)
    )
  })
})

describe('on a terminal', () => {
  /** Runs the CLI under a pty and returns all it printed (stdout and stderr share the pty). */
  function inPty(args: string[], env: Record<string, string> = {}) {
    const command = [process.execPath, CLI, ...args].map(a => `'${a.replace(/'/g, `'\\''`)}'`)
    const result = spawnSync('script', ['-q', '-e', '-c', command.join(' '), '/dev/null'], {
      env: cleanEnv({ TERM: 'xterm-256color', COLUMNS: '120', ...env }),
      encoding: 'utf8',
      cwd: tempDir('pty'),
      timeout: 600_000
    })
    if (result.error) throw result.error
    return { status: result.status, output: result.stdout }
  }

  test('two builds at once: colour, ✓ and the status board; NO_COLOR: not one escape code', () => {
    const project = fixture('c-ext')
    const two = cpythons.slice(0, 2).map(id)
    const board = inPty([
      ...hostBuild(project, two[0]).filter(a => a !== '--only' && a !== two[0]),
      '--build',
      two.join(' '),
      '--parallel',
      '2'
    ])
    expect(board.status).toBe(0)
    expect(board.output).toContain(`${ESC}32m✓${ESC}39m`)
    // The board is erased and drawn again below each new line.
    expect(board.output).toContain(`${ESC}2K`)
    expect(board.output).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] cp3\d+-manylinux_x86_64 /)

    const plain = inPty(hostBuild(project, two[0]), { NO_COLOR: '1' })
    expect(plain.status).toBe(0)
    expect(plain.output).toContain('✓ build (')
    expect(plain.output).not.toContain('\u001b')
  })
})
