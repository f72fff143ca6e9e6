/**
 * Minimal distributions for publish tests: a wheel (a zip with
 * `<name>-<version>.dist-info/METADATA`) and an sdist (a .tar.gz with
 * `<name>-<version>/PKG-INFO`), whose metadata may say something else than
 * their file name, as a renamed file does.
 */
import fs from 'node:fs'
import { gzipSync } from 'node:zlib'
import { zipSync, strToU8 } from 'fflate'
import { pack } from 'tar-stream'

export interface Meta {
  readonly name: string
  readonly version: string
}

const metadata = ({ name, version }: Meta) =>
  `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\nSummary: test\n\nlong description\n`

/** A wheel at `file` whose METADATA says `meta` (a dist-info dir of the same spelling). */
export function writeWheel(file: string, meta: Meta): string {
  const stem = `${meta.name.replace(/-/g, '_')}-${meta.version}`
  fs.writeFileSync(
    file,
    zipSync({
      [`${stem}.dist-info/METADATA`]: strToU8(metadata(meta)),
      [`${stem}.dist-info/WHEEL`]: strToU8('Wheel-Version: 1.0\nRoot-Is-Purelib: true\n'),
      'demo.py': strToU8('X = 1\n')
    })
  )
  return file
}

/** An sdist at `file` whose PKG-INFO says `meta`. */
export async function writeSdist(file: string, meta: Meta): Promise<string> {
  const stem = `${meta.name.replace(/-/g, '_')}-${meta.version}`
  const tar = pack()
  const chunks: Buffer[] = []
  tar.on('data', (chunk: unknown) => void chunks.push(chunk as Buffer))
  const done = new Promise<void>(resolve => tar.on('end', () => resolve()))
  tar.entry({ name: `${stem}/PKG-INFO` }, metadata(meta))
  tar.entry({ name: `${stem}/pyproject.toml` }, `[project]\nname = "${meta.name}"\n`)
  tar.finalize()
  await done
  fs.writeFileSync(file, gzipSync(Buffer.concat(chunks)))
  return file
}
