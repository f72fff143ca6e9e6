/**
 * The artifact round trip through the bundled action and a protocol-faithful
 * stand-in of GitHub's artifact service (Twirp JSON + Azure block blobs):
 * a build job uploads its wheel and sdist (and, with publish: tag on a tag
 * ref, publishes them), a publish job downloads this run's artifacts by
 * pattern into one directory and uploads them to pypiserver. Name collisions,
 * missing artifacts and conflicting copies are clear errors.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { ROOT, tempDir } from '../helpers/tools.js'
import { startPypiServer, type IndexServer } from '../../__fixtures__/standins/pypiserver.js'
import {
  startArtifactStandIn,
  type ArtifactStandIn
} from '../../__fixtures__/standins/artifact-service.js'
import {
  LeakRecorder,
  publishEnv,
  readArgvLog,
  runActionAsync,
  type ChildRun
} from './publish-harness.js'

const TOKEN = `pypi-token-${crypto.randomBytes(12).toString('hex')}`
const WHEEL = 'spam_ext-1.0.0-cp311-cp311-manylinux1_x86_64.manylinux_2_5_x86_64.whl'
const SDIST = 'spam_ext-1.0.0.tar.gz'

const recorder = new LeakRecorder()
const argvLog = path.join(tempDir('argvlog'), 'argv.log')
let env: Record<string, string>
let service: ArtifactStandIn
let buildIndex: IndexServer
let publishIndex: IndexServer
let project: string
let buildWorkspace: string
let build: ChildRun

const sha256 = (file: string) =>
  crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')

beforeAll(async () => {
  env = publishEnv(argvLog)
  project = path.join(tempDir('proj'), 'c-ext')
  fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'c-ext'), project, {
    recursive: true,
    filter: source => !source.includes('.egg-info')
  })
  ;[service, buildIndex, publishIndex] = await Promise.all([
    startArtifactStandIn(),
    startPypiServer({ __token__: TOKEN }),
    startPypiServer({ __token__: TOKEN })
  ])
  buildWorkspace = tempDir('ws-build')
  build = await runActionAsync(
    {
      command: 'build',
      'package-dir': project,
      build: 'cp311-manylinux_x86_64',
      archs: 'x86_64',
      container: 'off',
      sdist: 'true',
      publish: 'tag',
      'repository-url': buildIndex.url,
      password: TOKEN,
      'artifact-retention-days': '5'
    },
    { ...env, ...service.env('build-job'), GITHUB_REF: 'refs/tags/v1.0.0' },
    { workspace: buildWorkspace, recorder }
  )
})

afterAll(async () => {
  await Promise.all([service?.close(), buildIndex?.close(), publishIndex?.close()])
})

describe('build job (upload-artifact, sdist: true, publish: tag)', () => {
  test('uploads one artifact named wheels-{os}-{arch} with the wheel and the sdist', () => {
    expect(build.stdout).not.toContain('::error')
    expect(build.status).toBe(0)
    expect(build.outputs['artifact-name']).toBe('wheels-linux-x86_64')
    const wheelhouse = path.join(buildWorkspace, 'wheelhouse')
    expect(build.outputs.sdist).toBe(path.join(wheelhouse, SDIST))
    expect(fs.readdirSync(wheelhouse).sort()).toEqual([WHEEL, SDIST].sort())
    const stored = service.artifacts.filter(a => a.finalized)
    expect(stored.map(a => a.name)).toEqual(['wheels-linux-x86_64'])
    expect(stored[0].mimeType).toBe('application/zip')
    expect(stored[0].version).toBe(7)
    const days = (Date.parse(stored[0].expiresAt ?? '') - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(4.9)
    expect(days).toBeLessThan(5.1)
    expect(service.calls.map(c => c.method)).toEqual(['CreateArtifact', 'FinalizeArtifact'])
  })

  test('publishes the wheel and the sdist on the tag ref (single-job workflow)', () => {
    expect(JSON.parse(build.outputs.published).sort()).toEqual([WHEEL, SDIST].sort())
    expect(buildIndex.files()).toEqual([WHEEL, SDIST].sort())
  })

  test('a second artifact under the same name is a clear error naming artifact-name', async () => {
    const run = await runActionAsync(
      { command: 'sdist', 'package-dir': project, 'artifact-name': 'wheels-{os}-{arch}' },
      { ...env, ...service.env('sdist-job') },
      { workspace: tempDir('ws-sdist'), recorder }
    )
    expect(run.stdout).toContain(
      '::error title=wheelwright%3A configuration error::artifact-name: an artifact named "wheels-linux-x86_64" already exists in this workflow run'
    )
    expect(run.stdout).toContain('every job needs its own artifact name')
    expect(run.status).toBe(1)
    expect(service.artifacts.filter(a => a.finalized).map(a => a.name)).toEqual([
      'wheels-linux-x86_64'
    ])
  })
})

describe('publish job (command: publish)', () => {
  test("downloads this run's wheel and sdist artifacts into dist-dir, byte for byte, and publishes them", async () => {
    const workspace = tempDir('ws-publish')
    const run = await runActionAsync(
      { command: 'publish', 'repository-url': publishIndex.url, password: TOKEN },
      { ...env, ...service.env('publish-job'), GITHUB_REF: 'refs/tags/v1.0.0' },
      { workspace, recorder }
    )
    expect(run.stdout).not.toContain('::error')
    expect(run.status).toBe(0)
    const distDir = path.join(workspace, 'dist')
    expect(fs.readdirSync(distDir).sort()).toEqual([WHEEL, SDIST].sort())
    for (const name of [WHEEL, SDIST]) {
      const built = path.join(buildWorkspace, 'wheelhouse', name)
      expect(sha256(path.join(distDir, name))).toBe(sha256(built))
      expect(fs.readFileSync(path.join(publishIndex.packagesDir, name))).toEqual(
        fs.readFileSync(built)
      )
    }
    expect(JSON.parse(run.outputs.published).sort()).toEqual([WHEEL, SDIST].sort())
    expect(run.summary).toContain(`| ${WHEEL} | uploaded |`)
    const methods = service.calls.slice(-3).map(c => c.method)
    expect(methods).toEqual(['ListArtifacts', 'ListArtifacts', 'GetSignedArtifactURL'])
  })

  test('no artifact matching artifact-pattern is a clear error', async () => {
    const run = await runActionAsync(
      {
        command: 'publish',
        'repository-url': publishIndex.url,
        password: TOKEN,
        'artifact-pattern': 'nightly-*'
      },
      { ...env, ...service.env('publish-job-2') },
      { workspace: tempDir('ws-none'), recorder }
    )
    expect(run.stdout).toContain(
      'artifact-pattern: no artifact of this workflow run matches (the run has wheels-linux-x86_64) (got "nightly-*")'
    )
    expect(run.status).toBe(1)
  })

  test('two artifacts holding different files of one name: refused before any upload', async () => {
    // A second job of the run uploads another spam_ext-1.0.0.tar.gz.
    const other = tempDir('other')
    fs.writeFileSync(path.join(other, SDIST), 'not the same sdist')
    const saved = { ...process.env }
    Object.assign(process.env, service.env('rogue-job'))
    try {
      const { DefaultArtifactClient } = await import('@actions/artifact')
      await new DefaultArtifactClient().uploadArtifact('sdist', [path.join(other, SDIST)], other)
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
    }
    const fresh = await startPypiServer({ __token__: TOKEN })
    try {
      const run = await runActionAsync(
        { command: 'publish', 'repository-url': fresh.url, password: TOKEN },
        { ...env, ...service.env('publish-job-3') },
        { workspace: tempDir('ws-conflict'), recorder }
      )
      expect(run.stdout).toContain(
        `artifacts "sdist" and "wheels-linux-x86_64" both hold ${SDIST}, with different contents`
      )
      expect(run.status).toBe(1)
      expect(fresh.files()).toEqual([])
    } finally {
      await fresh.close()
    }
  })
})

describe('secrets (runs last)', () => {
  test('no token appears in any output or argv; every one was masked first', () => {
    recorder.argvs.push(...readArgvLog(argvLog))
    expect(
      recorder.leaks([
        TOKEN,
        service.runtimeToken,
        ...['build-job', 'publish-job'].map(service.tokenFor)
      ])
    ).toEqual([])
    expect(build.stdout).toContain(`::add-mask::${TOKEN}`)
  })
})
