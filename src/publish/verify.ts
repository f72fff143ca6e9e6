/**
 * The checks that stand between a directory of files and the index, all
 * pure: every file is a distribution, there is one version, no distribution
 * comes twice, and on a tag ref the tag names that version. Any failure
 * throws before anything is uploaded.
 */
import { UserError } from '../util/errors.js'
import { parseDistributionName, type DistributionName } from './names.js'
import { checkTagMatchesVersion, tagOfRef } from './tag.js'
import { normalizeVersion, versionKey } from './version.js'

export interface DistFile {
  readonly path: string
  readonly sha256: string
}

export interface VerifiedFile extends DistFile {
  readonly dist: DistributionName
}

export interface VerifiedRelease {
  /** The files to upload, one per distribution, sdists first. */
  readonly files: readonly VerifiedFile[]
  /** The version of every file, in PEP 440 normal form. */
  readonly version: string
  /** The normalised project names. */
  readonly projects: readonly string[]
  /** The tag that was checked, when the ref is a tag and verify-tag is on. */
  readonly tag?: string
  /** Informational lines (identical copies dropped). */
  readonly notes: readonly string[]
  readonly warnings: readonly string[]
}

export interface VerifyOptions {
  /** GITHUB_REF (refs/tags/... is checked against the version). */
  readonly ref?: string
  readonly verifyTag: boolean
  /** The input that named the files, for error messages (`dist-dir`). */
  readonly key: string
}

const basename = (p: string) => p.replace(/^.*[\\/]/, '')

export function verifyRelease(
  files: readonly DistFile[],
  { ref, verifyTag, key }: VerifyOptions
): VerifiedRelease {
  if (files.length === 0) {
    throw new UserError('holds no wheels (.whl) or sdists (.tar.gz); nothing to publish', {
      key,
      hint: 'build them first (command: build / sdist), or point it at the directory that has them'
    })
  }
  const notes: string[] = []
  const warnings: string[] = []

  const parsed: VerifiedFile[] = files.map(file => {
    const dist = parseDistributionName(file.path)
    if (!dist) {
      throw new UserError('holds a file that is not a valid wheel or sdist name', {
        key,
        value: basename(file.path),
        hint: 'wheels are name-version[-build]-python-abi-platform.whl and sdists name-version.tar.gz with a PEP 440 version; remove other files'
      })
    }
    return { ...file, dist }
  })

  // The same file name twice: identical copies (one wheel in two artifacts)
  // are dropped; different contents under one name cannot both be uploaded.
  const byName = new Map<string, VerifiedFile>()
  for (const file of parsed) {
    const seen = byName.get(file.dist.filename)
    if (!seen) {
      byName.set(file.dist.filename, file)
    } else if (seen.sha256 === file.sha256) {
      notes.push(`${file.dist.filename} appears twice with identical contents; uploading it once`)
    } else {
      throw new UserError(
        `two different files are both named ${file.dist.filename} (${seen.path} and ${file.path})`,
        {
          key,
          hint: 'each wheel and the sdist must come from exactly one job: give the jobs disjoint identifiers, and build the sdist in one job only'
        }
      )
    }
  }
  const unique = [...byName.values()]

  // One distribution under two spellings (spam-ext vs spam_ext, .tar.gz and .zip).
  const byKey = new Map<string, VerifiedFile>()
  for (const file of unique) {
    const seen = byKey.get(file.dist.key)
    if (seen) {
      throw new UserError(
        `${seen.dist.filename} and ${file.dist.filename} are the same ${file.dist.kind === 'sdist' ? 'sdist' : 'wheel'}; an index accepts only one of them`,
        {
          key,
          hint:
            file.dist.kind === 'sdist'
              ? 'keep one sdist per release (python -m build --sdist makes the .tar.gz)'
              : 'remove one of the two files'
        }
      )
    }
    byKey.set(file.dist.key, file)
  }

  const versions = new Map<string, VerifiedFile[]>()
  for (const file of unique) {
    const v = versionKey(file.dist.version) as string
    versions.set(v, [...(versions.get(v) ?? []), file])
  }
  if (versions.size > 1) {
    const listing = [...versions.values()]
      .map(
        group =>
          `${normalizeVersion(group[0].dist.version)} (${group.map(f => f.dist.filename).join(', ')})`
      )
      .join('; ')
    throw new UserError(`holds more than one version: ${listing}`, {
      key,
      hint: 'publish one release at a time: start from an empty directory and rebuild, or remove the files of other versions'
    })
  }
  const version = normalizeVersion(unique[0].dist.version) as string

  const tag = verifyTag ? tagOfRef(ref) : undefined
  if (tag !== undefined) checkTagMatchesVersion(tag, version)

  const projects = [...new Set(unique.map(f => f.dist.project))].sort()
  for (const project of projects) {
    const own = unique.filter(f => f.dist.project === project)
    if (!own.some(f => f.dist.kind === 'sdist')) {
      warnings.push(
        `no sdist of ${project} ${version} among the files: this release is binary-only, so platforms without a wheel cannot install it. Build one with sdist: true (in one job) or command: sdist`
      )
    }
  }
  const ordered = [...unique].sort(
    (a, b) =>
      Number(a.dist.kind === 'wheel') - Number(b.dist.kind === 'wheel') ||
      a.dist.filename.localeCompare(b.dist.filename)
  )
  return { files: ordered, version, projects, ...(tag ? { tag } : {}), notes, warnings }
}
