/**
 * The contracts of the actions wheelwright replaces, through the bundled
 * action (`node dist/index.js`) with a runner's environment and a real
 * pypiserver on 127.0.0.1: gh-action-pypi-publish's underscore inputs reach
 * the index they name, an unknown input stops a publish, dry-run uploads
 * nothing, a renamed wheel is refused, a silent index fails within
 * index-timeout (naming the URL, userinfo masked), and an interrupt leaves no
 * temp dir behind. And for builds: a missing runtime token fails the step
 * (as upload-artifact), a PYPI_API_TOKEN never reaches the build or the log,
 * a before-build cannot issue workflow commands, and a parallel build's log
 * shows each line once.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import os from 'node:os'
import { check, hostCPythons, ROOT, tempDir, venvTool } from '../helpers/tools.js'
import { startPypiServer, type IndexServer } from '../../__fixtures__/standins/pypiserver.js'
import { startSilentIndex, type SilentIndex } from '../../__fixtures__/standins/silent-index.js'
import {
  LeakRecorder,
  publishEnv,
  readArgvLog,
  runActionAsync,
  runCli,
  type ChildRun
} from './publish-harness.js'

const TOKEN = `pypi-token-${crypto.randomBytes(12).toString('hex')}`
const URL_PASSWORD = `urlpw${crypto.randomBytes(8).toString('hex')}`
const WHEEL = 'purepkg-1.0.0-py3-none-any.whl'
const SDIST = 'purepkg-1.0.0.tar.gz'

const recorder = new LeakRecorder()
const argvLog = path.join(tempDir('argvlog'), 'argv.log')
let env: Record<string, string>
let dist: string
let index: IndexServer
let silent: SilentIndex

beforeAll(async () => {
  env = publishEnv(argvLog)
  const project = path.join(tempDir('proj'), 'pure')
  fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'pure'), project, { recursive: true })
  dist = tempDir('dist')
  check([venvTool('python'), '-m', 'build', '--outdir', dist, project])
  expect(fs.readdirSync(dist).sort()).toEqual([WHEEL, SDIST].sort())
  ;[index, silent] = await Promise.all([startPypiServer({ __token__: TOKEN }), startSilentIndex()])
})

afterAll(async () => {
  await Promise.all([index?.close(), silent?.close()])
})

const publish = (
  inputs: Record<string, string>,
  extra: Record<string, string> = {},
  options: Parameters<typeof runActionAsync>[2] = {}
): Promise<ChildRun> =>
  runActionAsync(
    { command: 'publish', ...inputs },
    { ...env, GITHUB_REF: 'refs/tags/v1.0.0', ...extra },
    { recorder, ...options }
  )

const uploads = (before: number) =>
  readArgvLog(argvLog)
    .slice(before)
    .filter(argv => argv.includes('upload'))

/** The ww-* temp dirs left in a runner temp dir. */
const leftovers = (runnerTemp: string) =>
  fs.readdirSync(runnerTemp).filter(name => name.startsWith('ww-'))

describe("gh-action-pypi-publish's inputs", () => {
  test('an unknown input stops publish with exit 2, naming it, before anything is uploaded', async () => {
    const before = readArgvLog(argvLog).length
    const run = await publish({
      'dist-dir': dist,
      'repository-url': index.url,
      password: TOKEN,
      'skip-existings': 'true'
    })
    expect(run.stdout).toContain(
      'with: wheelwright has no input named skip-existings (INPUT_SKIP-EXISTINGS); nothing was built or uploaded'
    )
    expect(run.stdout).toMatch(/^::error title=[^:]*::with: wheelwright has no input named/m)
    expect(run.status).toBe(2)
    expect(index.files()).toEqual([])
    expect(readArgvLog(argvLog).slice(before)).toEqual([])
  })

  test('dry-run: true runs every check, prints what it would upload and where, and uploads nothing', async () => {
    const before = readArgvLog(argvLog).length
    const run = await publish({
      'dist-dir': dist,
      'repository-url': index.url,
      password: TOKEN,
      'dry-run': 'true'
    })
    expect(run.stdout).not.toContain('::error')
    expect(run.status).toBe(0)
    expect(run.stdout).not.toContain('has no effect')
    expect(run.stdout).toContain('release purepkg 1.0.0: 2 files, matching tag v1.0.0')
    expect(run.stdout).toContain(`Checking ${path.join(dist, WHEEL)}: PASSED`)
    expect(run.stdout).toContain(
      `dry run: would upload 2 files to ${index.url} with user __token__ and its password; nothing was uploaded\n  ${SDIST}\n  ${WHEEL}`
    )
    expect(run.summary).toContain(`| ${WHEEL} | would be uploaded |`)
    expect(JSON.parse(run.outputs.published)).toEqual([])
    expect(index.files()).toEqual([])
    expect(uploads(before)).toEqual([])
    expect(
      readArgvLog(argvLog)
        .slice(before)
        .some(argv => argv.includes('check'))
    ).toBe(true)
  })

  test('the CLI agrees: publish --dry-run uploads nothing', async () => {
    const run = await runCli(
      ['publish', dist, '--repository-url', index.url, '--dry-run'],
      { ...env, TWINE_PASSWORD: TOKEN },
      { recorder }
    )
    expect(run.stderr).toContain('dry run: would upload 2 files to')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain(`${SDIST}  would be uploaded`)
    expect(index.files()).toEqual([])
  })

  test('a wheel renamed to 2.0.0 whose METADATA says 1.0.0 is refused on tag v2.0.0, naming it', async () => {
    const renamed = tempDir('renamed')
    const name = WHEEL.replace('1.0.0', '2.0.0')
    fs.copyFileSync(path.join(dist, WHEEL), path.join(renamed, name))
    const before = readArgvLog(argvLog).length
    const run = await publish(
      { 'dist-dir': renamed, 'repository-url': index.url, password: TOKEN },
      { GITHUB_REF: 'refs/tags/v2.0.0' }
    )
    expect(run.stdout).toContain(
      `dist-dir: ${name}: its .dist-info/METADATA says purepkg 1.0.0, but its file name says purepkg 2.0.0; nothing was uploaded`
    )
    expect(run.status).toBe(1)
    expect(uploads(before)).toEqual([])
    expect(index.files()).toEqual([])
  })

  test('underscore inputs (repository_url, packages_dir, skip_existing, ...) reach the index and directory they name', async () => {
    const run = await publish({
      repository_url: index.url,
      packages_dir: dist,
      skip_existing: 'true',
      verify_metadata: 'true',
      print_hash: 'true',
      password: TOKEN
    })
    expect(run.stdout).not.toContain('::error')
    // No input is ignored: the one warning is that no artifact service runs here.
    expect(run.stdout.split('\n').filter(l => l.startsWith('::warning'))).toEqual([
      expect.stringContaining('::warning::the artifact service is not available here')
    ])
    expect(run.status).toBe(0)
    expect(index.files()).toEqual([WHEEL, SDIST].sort())
    expect(run.stdout).toContain('sha256 of each file (sha256sum format):')
    expect(JSON.parse(run.outputs.published).sort()).toEqual([WHEEL, SDIST].sort())
    // skip_existing: a second run skips both instead of failing.
    const again = await publish({
      repository_url: index.url,
      packages_dir: dist,
      skip_existing: 'true',
      password: TOKEN
    })
    expect(again.status).toBe(0)
    expect(again.stdout).toContain('every file is already on the index; nothing to upload')
  })

  test('an underscore input and its kebab-case name with different values: refused, naming both', async () => {
    const run = await publish({
      'dist-dir': dist,
      'repository-url': index.url,
      repository_url: 'https://test.pypi.org/legacy/',
      password: TOKEN
    })
    expect(run.stdout).toContain('repository_url: and repository-url are one input')
    expect(run.status).toBe(1)
  })
})

describe('bounded waits', () => {
  test('an index that never answers an upload fails within index-timeout, naming the URL without its password', async () => {
    const url = silent.url.replace('http://', `http://uploader:${URL_PASSWORD}@`)
    const started = Date.now()
    const run = await publish(
      { 'dist-dir': dist, 'repository-url': url, password: TOKEN, 'index-timeout': '2' },
      {},
      { timeoutMs: 120_000 }
    )
    const seconds = (Date.now() - started) / 1000
    const shown = silent.url.replace('http://', 'http://***@')
    expect(run.stdout).toContain(
      `index-timeout: uploading ${SDIST}: ${shown}: no answer within 2 s (3 tries)`
    )
    expect(run.status).toBe(1)
    // 3 tries of 2 s, pauses of 2 and 4 s, a lookup after each failed try, tool start-up.
    expect(seconds).toBeLessThan(45)
    expect(silent.requests.filter(r => r.method === 'POST')).toHaveLength(3)
    // Announced to the runner to mask (the userinfo, and the password in it), never printed.
    expect(
      `${run.stdout}${run.stderr}`
        .split('\n')
        .filter(l => l.includes(URL_PASSWORD))
        .sort()
    ).toEqual([`::add-mask::uploader:${URL_PASSWORD}`, `::add-mask::${URL_PASSWORD}`])
  })

  test('an interrupt while an upload hangs says "interrupted", exits 130 and leaves no temp dir', async () => {
    const runnerTemp = tempDir('runner-int')
    let sent = false
    let during: string[] = []
    const run = await publish(
      { 'dist-dir': dist, 'repository-url': silent.url, password: TOKEN, 'index-timeout': '60' },
      {},
      {
        runnerTemp,
        timeoutMs: 120_000,
        onStdout: (text, child) => {
          if (sent || !text.includes('::group::twine check')) return
          // The upload starts right after twine check; give it a moment to hang.
          sent = true
          setTimeout(() => {
            during = leftovers(runnerTemp)
            child.kill('SIGINT')
          }, 3000)
        }
      }
    )
    expect(sent).toBe(true)
    expect(during).toEqual([expect.stringMatching(/^ww-attest-/)])
    expect(run.stdout).toContain('interrupted (SIGINT) while publishing')
    expect(run.status).toBe(130)
    expect(leftovers(runnerTemp)).toEqual([])
  })
})

/** The lines the runner would run as workflow commands: not between stop-commands and its token. */
function liveCommands(text: string): string[] {
  let stopped: string | undefined
  const live: string[] = []
  for (const line of text.split('\n')) {
    if (stopped !== undefined) {
      if (line === `::${stopped}::`) stopped = undefined
      continue
    }
    const stop = /^::stop-commands::(.+)$/.exec(line)
    if (stop) stopped = stop[1]
    else if (line.startsWith('::')) live.push(line)
  }
  return live
}

/** The body of each `::group::<title>` whose title starts with `prefix`, as lines. */
function groupBodies(text: string, prefix: string): string[][] {
  const bodies: string[][] = []
  let current: string[] | undefined
  for (const line of text.split('\n')) {
    if (line.startsWith(`::group::${prefix}`)) current = []
    else if (line === '::endgroup::' && current) {
      bodies.push(current)
      current = undefined
    } else if (current && !/^::(stop-commands::.*|[0-9a-f]{32}::)$/.test(line)) current.push(line)
  }
  return bodies
}

describe('build jobs', () => {
  const API_TOKEN = `pypi-api-${crypto.randomBytes(12).toString('hex')}`
  const ids = hostCPythons()
    .slice(-2)
    .map(tag => `${tag}-manylinux_x86_64`)

  test('without ACTIONS_RUNTIME_TOKEN the step fails before any build, as upload-artifact does', async () => {
    const workspace = tempDir('ws-noart')
    fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'c-ext'), workspace, { recursive: true })
    const run = await runActionAsync(
      { only: ids[0], container: 'off', cache: 'false' },
      { HOME: os.homedir(), PATH: process.env.PATH ?? '' },
      { workspace }
    )
    expect(run.stdout).toContain(
      '::error title=wheelwright%3A configuration error::upload-artifact: the artifact service is not available here (ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL unset), so the artifact cannot be uploaded'
    )
    expect(run.status).toBe(1)
    expect(run.stdout).not.toContain('::group::')
    expect(fs.existsSync(path.join(workspace, 'wheelhouse'))).toBe(false)
  })

  test('parallel builds whose before-build echoes workflow commands and $PYPI_API_TOKEN', async () => {
    expect(ids).toHaveLength(2)
    const workspace = tempDir('ws-par')
    fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'c-ext'), workspace, { recursive: true })
    const run = await runActionAsync(
      {
        build: ids.join(' '),
        container: 'off',
        parallel: '2',
        cache: 'false',
        'upload-artifact': 'false',
        'before-build':
          'echo "::error file=setup.py,line=1::FAKE"; echo "::add-mask::spam"; echo "token=[$PYPI_API_TOKEN]"'
      },
      { HOME: os.homedir(), PATH: process.env.PATH ?? '', PYPI_API_TOKEN: API_TOKEN },
      { workspace, recorder }
    )
    expect(run.status).toBe(0)
    expect(JSON.parse(run.outputs.wheels)).toHaveLength(2)
    // The token is masked first, and never reaches the build: it echoes an empty value.
    expect(run.stdout).toContain(`::add-mask::${API_TOKEN}`)
    expect(run.stdout).toContain('token=[]')
    expect(
      recorder.leaks([API_TOKEN]).filter(l => !l.startsWith('output line: ::add-mask::'))
    ).toEqual([])
    // The echoed commands are shown as text, inside stop-commands: no annotation, no mask.
    expect(run.stdout).toContain('::error file=setup.py,line=1::FAKE')
    const live = liveCommands(run.stdout)
    expect(live.filter(l => l.startsWith('::error') || l === '::add-mask::spam')).toEqual([])
    // wheelwright's own commands stay live: each identifier's group.
    for (const id of ids) expect(live.some(l => l.startsWith(`::group::${id}: `))).toBe(true)
    // The resolved options come first, in a group of their own.
    const groups = run.stdout.split('\n').filter(l => l.startsWith('::group::'))
    expect(groups[0]).toMatch(/^::group::wheelwright \S+: options$/)
    expect(groupBodies(run.stdout, 'wheelwright ')[0]).toContain('  parallel              2')
    // The table's seconds are the build's own, as its result line says.
    const plain = run.stdout.replace(/\u001b\[[0-9;]*m/g, '') // eslint-disable-line no-control-regex
    for (const id of ids) {
      const own = new RegExp(`^✓ ${id} → \\S+ \\((?:(\\d+)m )?(\\d+(?:\\.\\d+)?)s\\)$`, 'm').exec(
        plain
      )
      const ownSeconds = Number(own?.[1] ?? 0) * 60 + Number(own?.[2])
      const row = new RegExp(
        `^\\| ${id} \\| [^|]+ \\| [^|]+ \\| [0-9a-f]{64} \\| ([\\d.]+) \\|`,
        'm'
      ).exec(run.summary)
      expect([id, Math.abs(ownSeconds - Number(row?.[1])) < 0.5]).toEqual([id, true])
    }
    // Each line of a build's log once: in its group at the end, not also live with its prefix.
    for (const id of ids) {
      const bodies = groupBodies(run.stdout, `${id}: `)
      expect(bodies).toHaveLength(1)
      expect(bodies[0]).toContain('::error file=setup.py,line=1::FAKE')
      const prefixed = run.stdout
        // eslint-disable-next-line no-control-regex
        .replace(/\u001b\[[0-9;]*m/g, '')
        .split('\n')
        .filter(l => l.startsWith(`[${id}] `))
      expect(prefixed.length).toBeGreaterThan(0)
      const twice = prefixed.filter(l => bodies[0].some(b => b !== '' && l.endsWith(` ${b}`)))
      expect(twice).toEqual([])
    }
  })
})

describe('a failed build with fail-fast and sdist: true', () => {
  test('the summary names the build that never started, and says the sdist was not built', async () => {
    const ids = hostCPythons()
      .slice(-2)
      .map(tag => `${tag}-manylinux_x86_64`)
    const workspace = tempDir('ws-fail')
    fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'failing'), workspace, { recursive: true })
    const run = await runActionAsync(
      {
        build: ids.join(' '),
        container: 'off',
        parallel: '1',
        cache: 'false',
        sdist: 'true',
        'upload-artifact': 'false'
      },
      { HOME: os.homedir(), PATH: process.env.PATH ?? '' },
      { workspace }
    )
    expect(run.status).toBe(1)
    expect(run.stdout).toContain(`not started: ${ids[1]}`)
    expect(run.summary).toContain(`fail-fast stopped 1 build before it started: ${ids[1]}`)
    expect(run.stdout).toContain(
      '::warning::sdist: true, but the sdist was not built: 1 build failed'
    )
    expect(run.summary).toContain('| sdist | not built: 1 build failed |')
  })
})

describe('secrets (runs last)', () => {
  test('no token in any output or argv', () => {
    recorder.argvs.push(...readArgvLog(argvLog))
    expect(
      recorder.leaks([TOKEN, URL_PASSWORD]).filter(l => !l.startsWith('output line: ::add-mask::'))
    ).toEqual([])
  })
})
