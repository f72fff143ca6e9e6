/** A hosted tool cache laid out on disk, and the platform rules the interpreter lookups use. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { platformNamed, type PlatformName } from '../../src/platforms/index.js'
import { provideRules, type ProvideRules } from '../../src/python/provide.js'

export const layoutOf = (platform: PlatformName) => platformNamed(platform).python.layout
/** The install rules of a platform that installs interpreters (macOS, Windows). */
export const rulesOf = (platform: 'macos' | 'windows'): ProvideRules =>
  provideRules(platformNamed(platform).python)!

/**
 * A tool cache in a new temp dir (remove it when done): complete and
 * incomplete CPython entries of several arches, and one that is no version.
 */
export function toolCacheFixture(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ww-toolcache-'))
  /** A tool-cache entry: `files` inside the arch dir, and the marker unless `complete` is false. */
  const entry = (version: string, arch: string, files: string[], complete = true) => {
    const dir = path.join(root, 'Python', version, arch)
    for (const file of files) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
      fs.writeFileSync(path.join(dir, file), '')
    }
    if (complete) fs.writeFileSync(`${dir}.complete`, '')
  }
  entry('3.12.1', 'x64', ['bin/python3'])
  entry('3.12.10', 'x64', ['bin/python3'])
  entry('3.12.11', 'x64', ['bin/python3'], false)
  entry('3.12.10', 'x86', ['python.exe'])
  entry('3.13.2', 'x64-freethreaded', ['bin/python3.13t'])
  entry('3.15.0-rc.1', 'arm64', ['bin/python3'])
  entry('3.11.9', 'arm64', ['bin/python3'])
  fs.mkdirSync(path.join(root, 'Python', 'not-a-version', 'x64'), { recursive: true })
  fs.writeFileSync(path.join(root, 'Python', 'not-a-version', 'x64.complete'), '')
  return root
}
