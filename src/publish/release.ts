/**
 * Publishing a set of files: verify (names, one version, no duplicates, the
 * tag), twine check, find what the index already has, get credentials (the
 * password, or trusted publishing), attestations, then twine upload. Every
 * refusal happens before the first upload.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Env } from '../options/env.js'
import type { PublishOptions } from '../options/types.js'
import type { Reporter } from '../report/log.js'
import { UserError } from '../util/errors.js'
import { makeAttestations } from './attest.js'
import { existingFiles } from './existing.js'
import { sha256File } from './files.js'
import { oidcIndexBase, parseRepositoryUrl, pypiInstance, simpleIndexUrl } from './index-url.js'
import { trustedPublishingToken } from './oidc.js'
import { publishPython, type ToolsContext } from './tools.js'
import { twineCheck, twineUpload } from './twine-run.js'
import { verifyRelease, type VerifiedFile } from './verify.js'

export interface ReleaseRequest {
  readonly files: readonly string[]
  readonly settings: PublishOptions
  readonly env: Env
  readonly reporter: Reporter
  readonly tools: ToolsContext
  /** The input that named the files (`dist-dir`, `output-dir`), for messages. */
  readonly key: string
  /** False: verify and check only (publish: tag off a tag ref). */
  readonly upload: boolean
}

export interface ReleaseResult {
  readonly version: string
  readonly published: string[]
  readonly skipped: string[]
}

/** `<sha256>  <file name>`, as `sha256sum` prints it and `sha256sum -c` reads it. */
export function hashLine(file: VerifiedFile): string {
  return `${file.sha256}  ${file.dist.filename}`
}

function basicAuth(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`
}

export async function publishRelease(request: ReleaseRequest): Promise<ReleaseResult> {
  const { settings, env, reporter, key } = request
  if (settings.password) reporter.setSecret(settings.password)
  parseRepositoryUrl(settings.repositoryUrl)

  const release = verifyRelease(
    request.files.map(file => ({ path: file, sha256: sha256File(file) })),
    { ref: env.GITHUB_REF, verifyTag: settings.verifyTag, key }
  )
  for (const note of release.notes) reporter.info(note)
  for (const warning of release.warnings) reporter.warning(warning)
  reporter.info(
    `release ${release.projects.join(', ')} ${release.version}: ${release.files.length} file${release.files.length === 1 ? '' : 's'}` +
      (release.tag ? `, matching tag ${release.tag}` : '')
  )

  if (settings.printHash) {
    reporter.info(
      ['sha256 of each file (sha256sum format):', ...release.files.map(hashLine)].join('\n')
    )
  }
  const python = await publishPython(request.tools)
  if (settings.verifyMetadata) {
    await twineCheck(
      python,
      release.files.map(f => f.path),
      env,
      reporter,
      key
    )
  } else reporter.info('verify-metadata: false; twine check skipped')
  if (!request.upload) {
    reporter.info(
      `publish: ${settings.mode} and ${env.GITHUB_REF ?? 'no ref'} is not a tag: not uploading`
    )
    return { version: release.version, published: [], skipped: [] }
  }

  const pending = await withoutExisting(release.files, request)
  if (pending.files.length === 0) {
    reporter.info('every file is already on the index; nothing to upload')
    return { version: release.version, published: [], skipped: pending.skipped }
  }

  let password = settings.password
  const trusted = !password
  if (trusted) {
    if (settings.username !== '__token__') {
      throw new UserError('is empty; trusted publishing needs username __token__', {
        key: 'password',
        hint: `give the password of ${settings.username}, or drop username to use trusted publishing`
      })
    }
    password = await trustedPublishingToken(
      oidcIndexBase(settings.repositoryUrl, env),
      env,
      reporter
    )
  }

  let attestations: string[] = []
  const scratch = fs.mkdtempSync(path.join(env.RUNNER_TEMP || os.tmpdir(), 'ww-attest-'))
  try {
    if (trusted && settings.attestations) {
      attestations = await makeAttestations({
        files: pending.files.map(f => f.path),
        outDir: scratch,
        env,
        reporter,
        tools: request.tools
      })
    } else if (settings.attestations && !trusted) {
      reporter.info('attestations are made only with trusted publishing (password is set); skipped')
    }
    const result = await twineUpload(
      python,
      pending.files.map(f => f.path),
      attestations,
      {
        repositoryUrl: settings.repositoryUrl,
        username: settings.username,
        password: password as string,
        skipExisting: settings.skipExisting && pypiInstance(settings.repositoryUrl) !== undefined,
        attestations: attestations.length > 0,
        verbose: settings.verbose
      },
      env,
      reporter
    )
    return {
      version: release.version,
      published: result.uploaded,
      skipped: [...pending.skipped, ...result.skipped]
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true })
  }
}

/**
 * Drops the files the index already has (skip-existing), or refuses before
 * uploading anything when it has some and skip-existing is off.
 */
async function withoutExisting(
  files: readonly VerifiedFile[],
  request: ReleaseRequest
): Promise<{ files: VerifiedFile[]; skipped: string[] }> {
  const { settings, reporter } = request
  const simpleUrl = simpleIndexUrl(settings.repositoryUrl)
  const sameHost = new URL(simpleUrl).origin === new URL(settings.repositoryUrl).origin
  const present = new Map<string, string | undefined>()
  for (const project of new Set(files.map(f => f.dist.project))) {
    try {
      const found = await existingFiles({
        simpleUrl,
        project,
        ...(sameHost && settings.password
          ? { authorization: basicAuth(settings.username, settings.password) }
          : {})
      })
      for (const [name, sha] of found) present.set(name, sha)
    } catch (error) {
      reporter.warning(
        `cannot list the files of ${project} already on the index (${(error as Error).message}); the index itself will refuse duplicates`
      )
    }
  }
  const already = files.filter(f => present.has(f.dist.filename))
  if (already.length === 0) return { files: [...files], skipped: [] }
  if (!settings.skipExisting) {
    throw new UserError(
      `the index already has ${already.length} of these files (${already.map(f => f.dist.filename).join(', ')}); nothing was uploaded`,
      {
        key: 'skip-existing',
        hint: 'files on an index can never be replaced: set skip-existing: true to make re-runs safe, or release a new version'
      }
    )
  }
  for (const file of already) {
    const theirs = present.get(file.dist.filename)
    if (theirs && theirs !== file.sha256) {
      reporter.warning(
        `${file.dist.filename} is already on the index with different contents (sha256 ${theirs.slice(0, 16)}… there, ${file.sha256.slice(0, 16)}… here); skipped, the index keeps its copy`
      )
    } else {
      reporter.info(`${file.dist.filename} is already on the index; skipped`)
    }
  }
  return {
    files: files.filter(f => !present.has(f.dist.filename)),
    skipped: already.map(f => f.dist.filename)
  }
}
