/**
 * Publishing a set of files: verify (names, one version, no duplicates, the
 * tag), the metadata inside each file against its name, twine check, find
 * what the index already has, get credentials (the password, or trusted
 * publishing), attestations, then twine upload, one file at a time within
 * the index's bounds. Every refusal happens before the first upload. A dry
 * run does every check and says what it would upload, and where.
 */
import os from 'node:os'
import type { PublishOptions } from '../model/options.js'
import { UserError } from '../util/errors.js'
import type { InterruptScope } from '../util/interrupt.js'
import { makeAttestations, attestationPath } from './attest.js'
import { indexBounds, NoAnswerError, type Bounds } from './bounded.js'
import { existingFiles } from './existing.js'
import { sha256File } from './files.js'
import {
  oidcIndexBase,
  parseRepositoryUrl,
  pypiInstance,
  redactUrl,
  simpleIndexUrl
} from './index-url.js'
import { verifyMetadataOfFiles } from './metadata.js'
import { missingIdTokenReason, trustedPublishingToken } from './oidc.js'
import { publishPython, type ToolsContext } from './tools.js'
import { twineCheck, twineUpload } from './twine-run.js'
import { verifyRelease, type VerifiedFile } from './verify.js'

export interface ReleaseRequest extends ToolsContext {
  readonly files: readonly string[]
  readonly settings: PublishOptions
  /** The input that named the files (`dist-dir`, `output-dir`), for messages. */
  readonly key: string
  /** False: verify and check only (publish: tag off a tag ref). */
  readonly upload: boolean
  /** Every check, including the index lookups, and no upload. */
  readonly dryRun: boolean
  /** Temp dirs and children that an interrupt must clean up. */
  readonly scope: InterruptScope
}

export interface ReleaseResult {
  readonly version: string
  readonly published: string[]
  readonly skipped: string[]
  /** A dry run: the files a real run would upload. */
  readonly wouldUpload?: string[]
}

/** `<sha256>  <file name>`, as `sha256sum` prints it and `sha256sum -c` reads it. */
export function hashLine(file: VerifiedFile): string {
  return `${file.sha256}  ${file.dist.filename}`
}

function basicAuth(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`
}

export async function publishRelease(request: ReleaseRequest): Promise<ReleaseResult> {
  const { settings, env, reporter, key, scope } = request
  if (settings.password) reporter.setSecret(settings.password)
  parseRepositoryUrl(settings.repositoryUrl)
  const bounds = indexBounds(settings.indexTimeoutSeconds)

  const release = verifyRelease(
    request.files.map(file => ({ path: file, sha256: sha256File(file) })),
    { ref: env.GITHUB_REF, verifyTag: settings.verifyTag, key }
  )
  for (const note of release.notes) reporter.info(note)
  for (const warning of release.warnings) reporter.warning(warning)
  // The names agree with each other and the tag; now each file's own metadata with its name.
  await verifyMetadataOfFiles(release.files, key)
  reporter.info(
    `release ${release.projects.join(', ')} ${release.version}: ${release.files.length} file${release.files.length === 1 ? '' : 's'}` +
      (release.tag ? `, matching tag ${release.tag}` : '') +
      ' (names and versions read from each file agree)'
  )

  if (settings.printHash) {
    reporter.info(
      ['sha256 of each file (sha256sum format):', ...release.files.map(hashLine)].join('\n')
    )
  }
  const python = await publishPython(request)
  if (settings.verifyMetadata) {
    await twineCheck(
      python,
      release.files.map(f => f.path),
      env,
      reporter,
      key,
      scope.children
    )
  } else reporter.info('verify-metadata: false; twine check skipped')
  if (!request.upload) {
    reporter.info(
      `publish: ${settings.mode} and ${env.GITHUB_REF ?? 'no ref'} is not a tag: not uploading`
    )
    return { version: release.version, published: [], skipped: [] }
  }

  const pending = await withoutExisting(release.files, request, bounds)
  const trusted = !settings.password
  if (request.dryRun) return dryRunReport(release.version, pending, request, trusted)
  if (pending.files.length === 0) {
    reporter.info('every file is already on the index; nothing to upload')
    return { version: release.version, published: [], skipped: pending.skipped }
  }

  let password = settings.password
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
      reporter,
      bounds
    )
  }

  let attestations: string[] = []
  const scratch = scope.tempDir(env.RUNNER_TEMP || os.tmpdir(), 'ww-attest-')
  if (trusted && settings.attestations) {
    attestations = await makeAttestations({
      files: pending.files.map(f => f.path),
      outDir: scratch,
      tools: request,
      bounds,
      children: scope.children
    })
  } else if (settings.attestations && !trusted) {
    reporter.info('attestations are made only with trusted publishing (password is set); skipped')
  }
  const byPath = new Map(pending.files.map(f => [f.path, f]))
  const result = await twineUpload({
    python,
    files: pending.files.map(f => f.path),
    attestationsOf: file => attestations.filter(a => a === attestationPath(scratch, file)),
    settings: {
      repositoryUrl: settings.repositoryUrl,
      username: settings.username,
      password: password as string,
      skipExisting: settings.skipExisting && pypiInstance(settings.repositoryUrl) !== undefined,
      attestations: attestations.length > 0,
      verbose: settings.verbose
    },
    env,
    reporter,
    bounds,
    landed: async file => {
      const own = byPath.get(file)
      if (!own) return false
      const present = await indexHas(own, request, { ...bounds, attempts: 1 })
      // A listing without hashes: the file of that name can only be the one just sent.
      return present === own.sha256 || present === ''
    },
    children: scope.children
  })
  return {
    version: release.version,
    published: result.uploaded,
    skipped: [...pending.skipped, ...result.skipped]
  }
}

/** What a real run would do now: the files, the index, the credentials; nothing is sent. */
function dryRunReport(
  version: string,
  pending: { files: VerifiedFile[]; skipped: string[] },
  request: ReleaseRequest,
  trusted: boolean
): ReleaseResult {
  const { settings, reporter, env } = request
  const where = redactUrl(settings.repositoryUrl)
  const how = trusted
    ? `trusted publishing (OIDC, token from ${oidcIndexBase(settings.repositoryUrl, env)})`
    : `user ${settings.username} and its password`
  if (trusted) {
    const missing = missingIdTokenReason(env)
    if (missing) reporter.warning(`dry run: a real run would stop here: ${missing.message}`)
  }
  const names = pending.files.map(f => f.dist.filename)
  reporter.info(
    [
      `dry run: would upload ${names.length} file${names.length === 1 ? '' : 's'} to ${where} with ${how}; nothing was uploaded`,
      ...names.map(name => `  ${name}`),
      ...pending.skipped.map(name => `  ${name} (already on the index: skipped)`)
    ].join('\n')
  )
  return { version, published: [], skipped: pending.skipped, wouldUpload: names }
}

/** The sha256 the index has for this file (`''` when it gives none), or undefined when it lacks it. */
async function indexHas(
  file: VerifiedFile,
  request: ReleaseRequest,
  bounds: Bounds
): Promise<string | undefined> {
  try {
    const found = await existingFiles(existingQuery(file.dist.project, request, bounds))
    return found.has(file.dist.filename) ? (found.get(file.dist.filename) ?? '') : undefined
  } catch {
    return undefined
  }
}

function existingQuery(project: string, request: ReleaseRequest, bounds: Bounds) {
  const { settings } = request
  const simpleUrl = simpleIndexUrl(settings.repositoryUrl)
  const sameHost = new URL(simpleUrl).origin === new URL(settings.repositoryUrl).origin
  return {
    simpleUrl,
    project,
    bounds,
    ...(sameHost && settings.password
      ? { authorization: basicAuth(settings.username, settings.password) }
      : {})
  }
}

/**
 * Drops the files the index already has (skip-existing), or refuses before
 * uploading anything when it has some and skip-existing is off. An index
 * that does not answer in time stops the release here, naming its URL.
 */
async function withoutExisting(
  files: readonly VerifiedFile[],
  request: ReleaseRequest,
  bounds: Bounds
): Promise<{ files: VerifiedFile[]; skipped: string[] }> {
  const { settings, reporter } = request
  const present = new Map<string, string | undefined>()
  for (const project of new Set(files.map(f => f.dist.project))) {
    try {
      const found = await existingFiles(existingQuery(project, request, bounds))
      for (const [name, sha] of found) present.set(name, sha)
    } catch (error) {
      // An index that never answers in time stops the release; a refusal only warns.
      if (error instanceof NoAnswerError && error.timedOut) throw error
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
