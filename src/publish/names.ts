/**
 * Distribution file names: wheels (PEP 427) and sdists (PEP 625,
 * `{name}-{version}.tar.gz`), reduced to what the publish checks compare.
 */
import { parseWheelName } from '../wheel/filename.js'
import { versionKey } from './version.js'

export type DistributionKind = 'wheel' | 'sdist'

export interface DistributionName {
  readonly filename: string
  readonly kind: DistributionKind
  /** The project name as spelled in the file name. */
  readonly name: string
  /** PEP 503 normalised project name: `Spam_Ext` → `spam-ext`. */
  readonly project: string
  /** The version as spelled in the file name. */
  readonly version: string
  /**
   * What makes two files the same upload on an index: project, version and
   * (for wheels) build tag and compatibility tags. Two files with one key
   * are duplicates even when their names are spelled differently.
   */
  readonly key: string
}

export const SDIST_SUFFIXES = ['.tar.gz', '.zip'] as const

export function normalizeProject(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-')
}

export function isDistributionFile(filename: string): boolean {
  return filename.endsWith('.whl') || SDIST_SUFFIXES.some(s => filename.endsWith(s))
}

/** Parses a wheel or sdist file name; undefined when it is neither. */
export function parseDistributionName(path: string): DistributionName | undefined {
  const filename = path.replace(/^.*[\\/]/, '')
  if (filename.endsWith('.whl')) {
    let wheel
    try {
      wheel = parseWheelName(filename)
    } catch {
      return undefined
    }
    const project = normalizeProject(wheel.distribution)
    const version = versionKey(wheel.version)
    if (!version || !wheel.distribution) return undefined
    const tags = [wheel.pythonTags, wheel.abiTags, wheel.platformTags]
      .map(list => [...list].sort().join('.'))
      .join('-')
    return {
      filename,
      kind: 'wheel',
      name: wheel.distribution,
      project,
      version: wheel.version,
      key: `${project} ${version} ${wheel.build ?? ''} ${tags}`
    }
  }
  const suffix = SDIST_SUFFIXES.find(s => filename.endsWith(s))
  if (!suffix) return undefined
  const stem = filename.slice(0, -suffix.length)
  const dash = stem.lastIndexOf('-')
  if (dash <= 0) return undefined
  const name = stem.slice(0, dash)
  const version = stem.slice(dash + 1)
  const key = versionKey(version)
  if (!key) return undefined
  const project = normalizeProject(name)
  return { filename, kind: 'sdist', name, project, version, key: `${project} ${key} sdist` }
}
