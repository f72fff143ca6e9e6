/**
 * package.json tells the truth: every package the bundle is made of is
 * imported by src/ or needed by one that is, and `engines` promises no
 * Node version that one of them refuses.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from '@jest/globals'
import semver from 'semver'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const read = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'))
const pkg = read(path.join(ROOT, 'package.json')) as {
  engines: { node: string }
  devDependencies: Record<string, string>
}

/** The packages src/ imports (not node: built-ins, not relative paths). */
function importedBySrc(): Set<string> {
  const found = new Set<string>()
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(file)
      else if (file.endsWith('.ts')) {
        const text = fs.readFileSync(file, 'utf8')
        for (const match of text.matchAll(/(?:from|import\()\s*'([^.'][^']*)'/g)) {
          const name = match[1].startsWith('@')
            ? match[1].split('/').slice(0, 2).join('/')
            : match[1].split('/')[0]
          if (!name.startsWith('node:')) found.add(name)
        }
      }
    }
  }
  walk(path.join(ROOT, 'src'))
  return found
}

/** Every package reachable from `roots` through dependencies, with its package.json. */
function closure(roots: Iterable<string>): Map<string, { engines?: { node?: string } }> {
  const seen = new Map<string, { engines?: { node?: string } }>()
  const visit = (name: string, from: string) => {
    let dir = from
    let file: string | undefined
    for (;;) {
      const candidate = path.join(dir, 'node_modules', name, 'package.json')
      if (fs.existsSync(candidate)) {
        file = candidate
        break
      }
      if (dir === ROOT || path.dirname(dir) === dir) break
      dir = path.dirname(dir)
    }
    if (!file || seen.has(file)) return
    const json = read(file) as {
      engines?: { node?: string }
      dependencies?: Record<string, string>
    }
    seen.set(file, json)
    for (const dep of Object.keys(json.dependencies ?? {})) visit(dep, path.dirname(file))
  }
  for (const root of roots) visit(root, ROOT)
  return seen
}

describe('package.json', () => {
  const imported = importedBySrc()

  test('every package src/ imports is a dependency', () => {
    expect([...imported].filter(name => !(name in pkg.devDependencies))).toEqual([])
  })

  test('no runtime library is listed that nothing imports', () => {
    const libraries = Object.keys(pkg.devDependencies).filter(name => name.startsWith('@actions/'))
    expect(libraries.filter(name => !imported.has(name))).toEqual([])
  })

  test('engines: every Node version it allows, each bundled package allows too', () => {
    const refusing = [...closure(imported)]
      .filter(([, json]) => json.engines?.node)
      .filter(([, json]) => !semver.subset(pkg.engines.node, json.engines!.node!))
      .map(
        ([file, json]) => `${path.relative(ROOT, path.dirname(file))} wants ${json.engines!.node}`
      )
    expect(refusing).toEqual([])
  })
})
