/**
 * The job's artifact, with upload-artifact v4's contract: no service fails,
 * if-no-files-found, overwrite, and the artifact-id/url/digest outputs
 * (through @actions/artifact against the artifact service stand-in).
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { requireArtifactService, uploadJobArtifact } from '../../src/publish/job-artifact.js'
import { artifactUrl } from '../../src/publish/artifacts.js'
import { recordingReporter } from '../../__fixtures__/reporter.js'
import {
  startArtifactStandIn,
  type ArtifactStandIn
} from '../../__fixtures__/standins/artifact-service.js'
import { resolvePublishSettings } from '../helpers/options.js'
import { tempDir } from '../helpers/tools.js'

const SERVICE = { ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/' }
const settingsWith = (given: Record<string, string> = {}) =>
  resolvePublishSettings(new Map(Object.entries(given)), {}, '/w')

describe('nothing to upload (if-no-files-found)', () => {
  test.each([
    ['warn', ['no files to upload: artifact wheels-linux-x86_64 was not created']],
    ['ignore', []]
  ])('%s', async (mode, warnings) => {
    const reporter = recordingReporter()
    const uploaded = await uploadJobArtifact({
      name: 'wheels-linux-x86_64',
      files: [],
      rootDirectory: '/w',
      settings: settingsWith({ 'if-no-files-found': mode }),
      env: SERVICE,
      reporter
    })
    expect(uploaded).toBe(false)
    expect(reporter.texts('warning')).toEqual(warnings)
    expect(reporter.outputs).toEqual({})
  })

  test('error fails, naming the input', async () => {
    await expect(
      uploadJobArtifact({
        name: 'n',
        files: [],
        rootDirectory: '/w',
        settings: settingsWith({ 'if-no-files-found': 'error' }),
        env: SERVICE,
        reporter: recordingReporter()
      })
    ).rejects.toThrow('if-no-files-found: no files to upload: artifact n was not created')
  })

  test('any other value is refused', () => {
    expect(() => settingsWith({ 'if-no-files-found': 'fail' })).toThrow(
      'if-no-files-found: is not one of the accepted values (got "fail"). Hint: use warn, error, ignore'
    )
  })
})

describe('no artifact service', () => {
  test('fails the step, naming upload-artifact', async () => {
    const request = {
      name: 'n',
      files: ['/w/a.whl'],
      rootDirectory: '/w',
      settings: settingsWith(),
      env: {},
      reporter: recordingReporter()
    }
    await expect(uploadJobArtifact(request)).rejects.toThrow(
      'upload-artifact: the artifact service is not available here (ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL unset), so the artifact cannot be uploaded'
    )
    expect(() => requireArtifactService(settingsWith(), { ACTIONS_RESULTS_URL: 'x' })).toThrow(
      '(ACTIONS_RUNTIME_TOKEN unset)'
    )
  })

  test('upload-artifact: false needs none', () => {
    expect(() =>
      requireArtifactService(settingsWith({ 'upload-artifact': 'false' }), {})
    ).not.toThrow()
  })
})

test('artifact-url is the run page link, or empty without the run variables', () => {
  const env = {
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'octo/spam',
    GITHUB_RUN_ID: '42'
  }
  expect(artifactUrl(env, 7)).toBe('https://github.com/octo/spam/actions/runs/42/artifacts/7')
  expect(artifactUrl(env, undefined)).toBe('')
  expect(artifactUrl({}, 7)).toBe('')
})

describe('against the artifact service stand-in', () => {
  let service: ArtifactStandIn
  const saved = { ...process.env }
  beforeAll(async () => {
    service = await startArtifactStandIn()
    delete process.env.GITHUB_SERVER_URL
  })
  afterAll(async () => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
    Object.assign(process.env, saved)
    await service.close()
  })

  const upload = async (job: string, content: string, given: Record<string, string> = {}) => {
    Object.assign(process.env, service.env(job))
    const root = tempDir('art')
    fs.writeFileSync(path.join(root, 'a-1.0-py3-none-any.whl'), content)
    const reporter = recordingReporter()
    await uploadJobArtifact({
      name: 'wheels-linux-x86_64',
      files: [path.join(root, 'a-1.0-py3-none-any.whl')],
      rootDirectory: root,
      settings: settingsWith(given),
      env: {
        ...service.env(job),
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: 'octo/spam',
        GITHUB_RUN_ID: '42'
      },
      reporter
    })
    return reporter.outputs
  }

  test('outputs artifact-id, artifact-url and artifact-digest as upload-artifact does', async () => {
    const outputs = await upload('job-1', 'first')
    const stored = service.artifacts.find(a => a.finalized && a.name === 'wheels-linux-x86_64')!
    expect(outputs).toEqual({
      'artifact-name': 'wheels-linux-x86_64',
      'artifact-id': String(stored.id),
      'artifact-url': `https://github.com/octo/spam/actions/runs/42/artifacts/${stored.id}`,
      'artifact-digest': stored.digest!.replace('sha256:', '')
    })
  })

  test('a name taken fails; with overwrite the old artifact is replaced', async () => {
    await expect(upload('job-2', 'second')).rejects.toThrow(
      'artifact-name: an artifact named "wheels-linux-x86_64" already exists in this workflow run'
    )
    const before = service.artifacts.filter(a => a.finalized).map(a => a.id)
    const outputs = await upload('job-2', 'second', { overwrite: 'true' })
    const after = service.artifacts.filter(a => a.finalized && a.name === 'wheels-linux-x86_64')
    expect(after).toHaveLength(1)
    expect(before).not.toContain(after[0].id)
    expect(outputs['artifact-id']).toBe(String(after[0].id))
    expect(service.calls.map(c => c.method)).toContain('DeleteArtifact')
  })

  test('overwrite with nothing to replace just uploads', async () => {
    Object.assign(process.env, service.env('job-3'))
    const root = tempDir('art')
    fs.writeFileSync(path.join(root, 'b-1.0-py3-none-any.whl'), 'b')
    await uploadJobArtifact({
      name: 'sdist',
      files: [path.join(root, 'b-1.0-py3-none-any.whl')],
      rootDirectory: root,
      settings: settingsWith({ overwrite: 'true' }),
      env: service.env('job-3'),
      reporter: recordingReporter()
    })
    expect(service.artifacts.filter(a => a.finalized).map(a => a.name)).toContain('sdist')
  })
})
