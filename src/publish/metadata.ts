/**
 * The version guard's reading of the files themselves: the core metadata
 * (`Name`, `Version`) of each wheel (`*.dist-info/METADATA`) and sdist
 * (`<name>-<version>/PKG-INFO`), and the pure check that it agrees with the
 * file name. A renamed file is refused before the first upload, naming it:
 * an index keys a release on the name, so the wrong file would be published
 * as that version, for ever.
 */
import fs from 'node:fs'
import path from 'node:path'
import { createGunzip } from 'node:zlib'
import { unzipSync } from 'fflate'
import { extract } from 'tar-stream'
import { UserError } from '../util/errors.js'
import { normalizeProject, type DistributionName } from './names.js'
import { normalizeVersion, versionKey } from './version.js'

export interface CoreMetadata {
  readonly name: string
  readonly version: string
}

/** `Name` and `Version` of an RFC 822 metadata file (the headers before the first blank line). */
export function parseCoreMetadata(text: string): Partial<CoreMetadata> {
  const result: { name?: string; version?: string } = {}
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') break
    const match = /^(Name|Version):\s*(.*?)\s*$/i.exec(line)
    if (!match) continue
    const field = match[1].toLowerCase() as 'name' | 'version'
    result[field] ??= match[2]
  }
  return result
}

const METADATA_IN_WHEEL = /^[^/]+\.dist-info\/METADATA$/
const PKG_INFO_IN_SDIST = /^[^/]+\/PKG-INFO$/

/** The one member of a zip whose name matches `pattern`, as text. */
function zipMember(file: string, pattern: RegExp): string | undefined {
  let entries: Record<string, Uint8Array>
  try {
    entries = unzipSync(fs.readFileSync(file), { filter: entry => pattern.test(entry.name) })
  } catch {
    return undefined
  }
  const names = Object.keys(entries)
  return names.length === 1 ? Buffer.from(entries[names[0]]).toString('utf8') : undefined
}

/** PKG-INFO of a .tar.gz sdist, read as a stream (only that member is kept). */
function tarSdistMetadata(file: string): Promise<string | undefined> {
  return new Promise(resolve => {
    const found: string[] = []
    const tar = extract()
    tar.on('entry', (header, stream, next) => {
      const chunks: Buffer[] = []
      const wanted = header.type === 'file' && PKG_INFO_IN_SDIST.test(header.name)
      stream.on('data', (chunk: unknown) => {
        if (wanted) chunks.push(chunk as Buffer)
      })
      stream.on('end', () => {
        if (wanted) found.push(Buffer.concat(chunks).toString('utf8'))
        next()
      })
      stream.resume()
    })
    tar.on('finish', () => resolve(found.length === 1 ? found[0] : undefined))
    tar.on('error', () => resolve(undefined))
    const gunzip = createGunzip()
    gunzip.on('error', () => resolve(undefined))
    const source = fs.createReadStream(file)
    source.on('error', () => resolve(undefined))
    source.pipe(gunzip).pipe(tar)
  })
}

/** The metadata text of a wheel or sdist, or undefined when the file has none that can be read. */
export async function readMetadataText(
  file: string,
  kind: DistributionName['kind']
): Promise<string | undefined> {
  if (kind === 'wheel') return zipMember(file, METADATA_IN_WHEEL)
  return file.endsWith('.zip') ? zipMember(file, PKG_INFO_IN_SDIST) : tarSdistMetadata(file)
}

const where = (kind: DistributionName['kind']) =>
  kind === 'wheel' ? '.dist-info/METADATA' : 'PKG-INFO'

/**
 * Throws unless the metadata names the project and version of the file name.
 * `key` is the input that named the files.
 */
export function checkMetadataMatches(
  dist: DistributionName,
  metadata: Partial<CoreMetadata> | undefined,
  key: string
): CoreMetadata {
  if (!metadata?.name || !metadata.version) {
    throw new UserError(
      `${dist.filename} is not a valid ${dist.kind}: it has no readable ${where(dist.kind)} with a Name and a Version; nothing was uploaded`,
      {
        key,
        hint: 'the file is damaged or not a distribution: rebuild it (python -m build, or wheelwright build / sdist)'
      }
    )
  }
  const nameAgrees = normalizeProject(metadata.name) === dist.project
  const versionAgrees =
    versionKey(metadata.version) !== undefined &&
    versionKey(metadata.version) === versionKey(dist.version)
  if (!nameAgrees || !versionAgrees) {
    throw new UserError(
      `${dist.filename}: its ${where(dist.kind)} says ${metadata.name} ${metadata.version}, but its file name says ${dist.name} ${dist.version}; nothing was uploaded`,
      {
        key,
        hint: 'a renamed file would be published under a name and version that are not its own, and an index never takes a file name back: rebuild the distribution with the version set in the project instead of renaming it'
      }
    )
  }
  return { name: metadata.name, version: normalizeVersion(metadata.version) ?? metadata.version }
}

/** Reads and checks every file's metadata; the first disagreement throws, naming the file. */
export async function verifyMetadataOfFiles(
  files: readonly { readonly path: string; readonly dist: DistributionName }[],
  key: string
): Promise<void> {
  for (const file of files) {
    const text = await readMetadataText(file.path, file.dist.kind)
    checkMetadataMatches(
      { ...file.dist, filename: path.basename(file.path) },
      text === undefined ? undefined : parseCoreMetadata(text),
      key
    )
  }
}
