/**
 * Installing a missing Python, for real, against a loopback stand-in of
 * actions/python-versions: a manifest of the same shape and a `.tar.gz` made
 * from one of this machine's interpreters with a `setup.sh` that installs it
 * into the tool cache the way the real archives' script does. Also the
 * archive path PyPy and GraalPy take (url + sha256), and retries.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { check, tempDir } from '../helpers/tools.js'
import {
  installArchive,
  installFromManifest,
  type InstallContext
} from '../../src/python/install.js'
import { findCachedPython } from '../../src/python/toolcache.js'
import { provideInterpreters, type ProvideRules } from '../../src/python/provide.js'
import { LINUX } from '../../src/platforms/linux.js'

const LINUX_LAYOUT = LINUX.python.layout

/** Interpreter rules for installing onto this Linux machine: the host's tool-cache arch. */
const LINUX_RULES: ProvideRules = {
  layout: LINUX_LAYOUT,
  toolCacheTarget: (_config, hostMachine) => ({ machine: hostMachine }),
  anyArchSibling: false
}
import type { PythonConfiguration } from '../../src/plan/identifiers.js'
import { UserError } from '../../src/util/errors.js'

const PYENV = path.join(os.homedir(), '.pyenv', 'versions')

/** The smallest-numbered pyenv CPython 3.9+ here: its full version and prefix. */
function pickInterpreter(): { version: string; prefix: string } {
  const versions = (fs.existsSync(PYENV) ? fs.readdirSync(PYENV) : [])
    .filter(v => /^3\.(9|[1-9]\d)\.\d+$/.test(v))
    .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]))
  if (versions.length === 0) {
    throw new Error(`no pyenv CPython 3.9+ under ${PYENV}: run scripts/test-env.sh`)
  }
  return { version: versions[0], prefix: path.join(PYENV, versions[0]) }
}

/** What python-versions' setup.sh does, in short: copy into the tool cache, link, mark complete. */
const SETUP_SH = (version: string, arch: string) => `set -e
VERSION="${version}"
ARCH="${arch}"
MINOR="\${VERSION%.*}"
ROOT="\${AGENT_TOOLSDIRECTORY:-$RUNNER_TOOL_CACHE}"
DEST="$ROOT/Python/$VERSION/$ARCH"
rm -rf "$ROOT/Python/$VERSION"
mkdir -p "$DEST"
cp -R ./* "$DEST"
rm "$DEST/setup.sh"
cd "$DEST"
ln -s "./bin/python$MINOR" python
[ -e bin/python3 ] || ln -s "python$MINOR" bin/python3
[ -e bin/python ] || ln -s "python$MINOR" bin/python
./python -c 'import encodings, sys; print(sys.version)'
touch "$ROOT/Python/$VERSION/$ARCH.complete"
`

/** A copy of a real interpreter without its test suite, site-packages and caches. */
function stageInterpreter(prefix: string, version: string, into: string): void {
  const minor = version.split('.').slice(0, 2).join('.')
  const skip = new Set(['test', 'site-packages', '__pycache__', 'idlelib', 'tkinter', 'turtledemo'])
  fs.mkdirSync(path.join(into, 'bin'), { recursive: true })
  fs.copyFileSync(
    path.join(prefix, 'bin', `python${minor}`),
    path.join(into, 'bin', `python${minor}`)
  )
  fs.chmodSync(path.join(into, 'bin', `python${minor}`), 0o755)
  fs.cpSync(path.join(prefix, 'lib'), path.join(into, 'lib'), {
    recursive: true,
    verbatimSymlinks: true,
    filter: source =>
      !skip.has(path.basename(source)) && !path.basename(source).startsWith('config-')
  })
}

interface Served {
  readonly body: Buffer
  /** Serve garbage for the first `corruptFirst` requests. */
  corruptFirst: number
}

const files = new Map<string, Served>()
const hits = new Map<string, number>()
const server = http.createServer((request, response) => {
  const name = request.url ?? ''
  const served = files.get(name)
  hits.set(name, (hits.get(name) ?? 0) + 1)
  if (!served) {
    response.writeHead(404).end()
    return
  }
  const body =
    served.corruptFirst > 0 ? crypto.randomBytes(Math.min(served.body.length, 4096)) : served.body
  if (served.corruptFirst > 0) served.corruptFirst--
  response.writeHead(200, { 'content-length': body.length }).end(body)
})
let base = ''

const interpreter = pickInterpreter()
const minor = interpreter.version.split('.').slice(0, 2).join('.')
const spec = { version: minor, arch: 'x64', freeThreaded: false }
const ARCHIVE = `/python-${interpreter.version}-linux-24.04-x64.tar.gz`
let archive: Buffer
let topLevelArchive: Buffer

beforeAll(async () => {
  const stage = tempDir('stage')
  stageInterpreter(interpreter.prefix, interpreter.version, stage)
  fs.writeFileSync(path.join(stage, 'setup.sh'), SETUP_SH(interpreter.version, 'x64'))
  const tarball = path.join(tempDir('tar'), 'python.tar.gz')
  check(['tar', '-C', stage, '-czf', tarball, '.'], { env: { ...process.env, GZIP: '-1' } })
  archive = fs.readFileSync(tarball)
  // An archive with one top directory, as PyPy and GraalPy ship theirs.
  const topStage = tempDir('top-stage')
  fs.rmSync(path.join(stage, 'setup.sh'))
  fs.symlinkSync(`python${minor}`, path.join(stage, 'bin', 'pypy3'))
  fs.renameSync(stage, path.join(topStage, 'pypy3.10-v7.3.19-linux64'))
  const topTarball = path.join(tempDir('tar'), 'pypy.tar.gz')
  check(['tar', '-C', topStage, '-czf', topTarball, 'pypy3.10-v7.3.19-linux64'], {
    env: { ...process.env, GZIP: '-1' }
  })
  topLevelArchive = fs.readFileSync(topTarball)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const address = server.address() as { port: number }
  base = `http://127.0.0.1:${address.port}`
}, 300_000)

afterAll(() => new Promise<void>(resolve => server.close(() => resolve())))

function serveManifest(version: string, archiveName: string, corruptFirst = 0): string {
  const manifest = [
    {
      version,
      stable: true,
      release_url: `${base}/releases/${version}`,
      files: [
        {
          filename: archiveName.slice(1),
          arch: 'x64',
          platform: 'linux',
          platform_version: '24.04',
          download_url: `${base}${archiveName}`
        }
      ]
    }
  ]
  const name = `/manifest-${crypto.randomBytes(4).toString('hex')}.json`
  files.set(name, { body: Buffer.from(JSON.stringify(manifest)), corruptFirst: 0 })
  files.set(archiveName, { body: archive, corruptFirst })
  hits.set(archiveName, 0)
  return `${base}${name}`
}

function context(manifestUrl: string): InstallContext & { toolCache: string } {
  return {
    env: { ...process.env, WHEELWRIGHT_PYTHON_MANIFEST_URL: manifestUrl },
    layout: LINUX_LAYOUT,
    toolCache: tempDir('tool-cache'),
    tempDir: tempDir('downloads'),
    retry: { attempts: 3, delayMs: 10 }
  }
}

describe('install from the python-versions manifest', () => {
  test('download, extract, run setup.sh, and find it in the tool cache', async () => {
    const ctx = context(serveManifest(interpreter.version, ARCHIVE))
    const installed = await installFromManifest(spec, ctx)
    const dir = path.join(ctx.toolCache, 'Python', interpreter.version, 'x64')
    expect(installed).toEqual({
      version: interpreter.version,
      dir,
      python: path.join(dir, 'bin', 'python3')
    })
    expect(fs.existsSync(`${dir}.complete`)).toBe(true)
    expect(fs.existsSync(path.join(dir, 'setup.sh'))).toBe(false)
    const reported = check([
      installed.python,
      '-c',
      'import platform; print(platform.python_version())'
    ])
    expect(reported.trim()).toBe(interpreter.version)
    expect(findCachedPython(ctx.toolCache, spec, LINUX_LAYOUT)?.python).toBe(installed.python)
    expect(hits.get(ARCHIVE)).toBe(1)
  }, 300_000)

  test('a corrupted download is retried', async () => {
    const ctx = context(serveManifest(interpreter.version, ARCHIVE, 1))
    const installed = await installFromManifest(spec, ctx)
    expect(installed.version).toBe(interpreter.version)
    expect(hits.get(ARCHIVE)).toBe(2)
  }, 300_000)

  test('a download that stays corrupted fails, naming version, arch and URL', async () => {
    const ctx = context(serveManifest(interpreter.version, ARCHIVE, 99))
    const failure = installFromManifest(spec, ctx)
    await expect(failure).rejects.toBeInstanceOf(UserError)
    await expect(failure).rejects.toThrow(
      `could not install Python ${interpreter.version} (x64) from ${base}${ARCHIVE}`
    )
    expect(hits.get(ARCHIVE)).toBe(3)
    expect(findCachedPython(ctx.toolCache, spec, LINUX_LAYOUT)).toBeUndefined()
  }, 300_000)

  test('a version the manifest lacks fails, naming where it looked', async () => {
    const url = serveManifest(interpreter.version, ARCHIVE)
    const ctx = context(url)
    const failure = installFromManifest({ version: '3.8', arch: 'x64', freeThreaded: false }, ctx)
    await expect(failure).rejects.toThrow(
      `Python 3.8 (x64) is not in the tool cache and not in the manifest for linux`
    )
    await expect(failure).rejects.toThrow(
      `looked in ${path.join(ctx.toolCache, 'Python', '3.8.*', 'x64')} and ${url}`
    )
  })

  test('an unreachable manifest fails with the URL', async () => {
    const ctx = context(`${base}/missing.json`)
    await expect(installFromManifest(spec, ctx)).rejects.toThrow(
      `cannot read the Python versions manifest at ${base}/missing.json: HTTP 404`
    )
  })
})

describe('archives by url and sha256 (PyPy, GraalPy)', () => {
  const sha = () => crypto.createHash('sha256').update(topLevelArchive).digest('hex')

  test('checked, unpacked without its top directory, and runnable', async () => {
    files.set('/pypy.tar.gz', { body: topLevelArchive, corruptFirst: 1 })
    const ctx = context(`${base}/unused.json`)
    const dest = path.join(tempDir('cache'), 'interpreters', 'pypy3.10-v7.3.19-linux64')
    const dir = await installArchive(
      { url: `${base}/pypy.tar.gz`, sha256: sha(), dest, label: 'pp310' },
      ctx
    )
    expect(dir).toBe(dest)
    const python = path.join(dest, 'bin', `python${minor}`)
    expect(check([python, '-c', 'print(42)']).trim()).toBe('42')
    // Present: no second download.
    const before = hits.get('/pypy.tar.gz')
    await installArchive({ url: `${base}/pypy.tar.gz`, sha256: sha(), dest, label: 'pp310' }, ctx)
    expect(hits.get('/pypy.tar.gz')).toBe(before)
  }, 300_000)

  test('two installs of one archive at once (two runs, one cache) both succeed', async () => {
    files.set('/pypy-twice.tar.gz', { body: topLevelArchive, corruptFirst: 0 })
    const ctx = context(`${base}/unused.json`)
    const dest = path.join(tempDir('cache'), 'interpreters', 'pypy-twice')
    const request = { url: `${base}/pypy-twice.tar.gz`, sha256: sha(), dest, label: 'pp310' }
    const both = await Promise.all([installArchive(request, ctx), installArchive(request, ctx)])
    expect(both).toEqual([dest, dest])
    expect(check([path.join(dest, 'bin', `python${minor}`), '-c', 'print(7)']).trim()).toBe('7')
    expect(fs.readdirSync(path.dirname(dest))).toEqual(['pypy-twice'])
  }, 300_000)

  test('a sha256 mismatch is retried, then fails with the URL', async () => {
    files.set('/tampered.tar.gz', { body: topLevelArchive, corruptFirst: 0 })
    hits.set('/tampered.tar.gz', 0)
    const ctx = context(`${base}/unused.json`)
    const dest = path.join(tempDir('cache'), 'interpreters', 'tampered')
    const wrong = '0'.repeat(64)
    await expect(
      installArchive({ url: `${base}/tampered.tar.gz`, sha256: wrong, dest, label: 'pp310' }, ctx)
    ).rejects.toThrow(`could not install pp310 from ${base}/tampered.tar.gz: sha256 mismatch`)
    expect(hits.get('/tampered.tar.gz')).toBe(3)
    expect(fs.existsSync(dest)).toBe(false)
  }, 300_000)
})

describe('providing every identifier its interpreter', () => {
  const sha = () => crypto.createHash('sha256').update(topLevelArchive).digest('hex')
  const configurations = (): PythonConfiguration[] => [
    {
      identifier: `cp3${minor.split('.')[1]}-macosx_x86_64`,
      platform: 'macos',
      arch: 'x86_64',
      version: minor
    },
    {
      identifier: 'pp310-macosx_x86_64',
      platform: 'macos',
      arch: 'x86_64',
      version: '3.10',
      url: `${base}/archives/pypy3.10-v7.3.19-linux64.tar.gz`,
      sha256: sha()
    }
  ]

  test('a runner installs what it lacks: CPython from the manifest, PyPy from its archive', async () => {
    files.set('/archives/pypy3.10-v7.3.19-linux64.tar.gz', {
      body: topLevelArchive,
      corruptFirst: 0
    })
    const ctx = context(serveManifest(interpreter.version, ARCHIVE))
    const cacheDir = tempDir('ww-cache')
    const input = {
      configurations: configurations(),
      discovered: new Map(),
      rules: LINUX_RULES,
      hostMachine: 'x86_64',
      env: { ...ctx.env, RUNNER_TOOL_CACHE: ctx.toolCache },
      cacheDir,
      tempDir: ctx.tempDir,
      retry: ctx.retry
    }
    // A dry run installs nothing.
    expect(await provideInterpreters({ ...input, install: false })).toEqual(new Map())
    const provided = await provideInterpreters({ ...input, install: true })
    const [cp, pp] = configurations()
    expect(provided.get(cp.identifier)).toEqual({
      path: path.join(ctx.toolCache, 'Python', interpreter.version, 'x64', 'bin', 'python3'),
      version: interpreter.version,
      implementation: 'cpython',
      freeThreaded: false
    })
    const pypy = path.join(cacheDir, 'interpreters', 'pypy3.10-v7.3.19-linux64', 'bin', 'pypy3')
    expect(provided.get(pp.identifier)).toEqual({
      path: pypy,
      version: '3.10',
      implementation: 'pypy',
      freeThreaded: false
    })
    expect(check([pypy, '-c', 'print(7)']).trim()).toBe('7')
    // Installed once: the next run finds both without downloading.
    const before = hits.get(ARCHIVE)
    expect(await provideInterpreters({ ...input, install: true })).toEqual(provided)
    expect(hits.get(ARCHIVE)).toBe(before)
  }, 300_000)

  test('without a tool cache (not a runner) nothing is installed', async () => {
    const ctx = context(serveManifest(interpreter.version, ARCHIVE))
    const provided = await provideInterpreters({
      configurations: configurations().slice(0, 1),
      discovered: new Map(),
      rules: LINUX_RULES,
      hostMachine: 'x86_64',
      env: ctx.env,
      cacheDir: tempDir('ww-cache'),
      tempDir: ctx.tempDir,
      install: true
    })
    expect(provided).toEqual(new Map())
    expect(hits.get(ARCHIVE)).toBe(0)
  })
})
