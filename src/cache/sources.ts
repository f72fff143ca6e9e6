/**
 * A digest of the project's sources: the files git knows (tracked, in
 * submodules too, plus untracked files that are not ignored) when the project is a checkout,
 * otherwise every file except build outputs. Each file contributes its
 * relative path and its content hash, in sorted order.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { exec } from '../util/exec.js'

const OUTPUT_DIRS: ReadonlySet<string> = new Set([
  '.git',
  'build',
  'dist',
  'wheelhouse',
  '__pycache__',
  '.tox',
  '.nox',
  '.venv',
  'venv',
  'node_modules',
  '.eggs'
])

async function gitList(dir: string, args: readonly string[]): Promise<string[] | undefined> {
  const result = await exec(['git', '-C', dir, 'ls-files', '-z', ...args], {
    timeoutMs: 60000
  }).catch(() => undefined)
  if (!result || result.code !== 0) return undefined
  return result.stdout.split('\0').filter(Boolean)
}

/**
 * The files of a checkout: tracked ones, those of its submodules (so a
 * changed submodule is a miss), and untracked ones that are not ignored.
 */
async function gitFiles(dir: string): Promise<string[] | undefined> {
  const tracked = await gitList(dir, ['--cached', '--recurse-submodules'])
  const untracked = await gitList(dir, ['--others', '--exclude-standard'])
  if (!tracked || !untracked) return undefined
  return [...new Set([...tracked, ...untracked])]
}

function walk(dir: string, base = ''): string[] {
  const files: string[] = []
  for (const entry of fs.readdirSync(path.join(dir, base), { withFileTypes: true })) {
    const relative = base ? `${base}/${entry.name}` : entry.name
    if (entry.isDirectory()) {
      if (OUTPUT_DIRS.has(entry.name) || entry.name.endsWith('.egg-info')) continue
      files.push(...walk(dir, relative))
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      files.push(relative)
    }
  }
  return files
}

/**
 * Top-level folders no build reads: documentation and CI workflows. A commit
 * that touches only these is a cache hit.
 */
const NOT_READ_BY_BUILDS: readonly string[] = ['docs', 'doc', '.github']

export async function sourceDigest(dir: string, exclude: readonly string[] = []): Promise<string> {
  const listed = (await gitFiles(dir)) ?? walk(dir)
  const skipped = [...exclude, ...NOT_READ_BY_BUILDS]
  const files = listed.filter(f => !skipped.some(e => f === e || f.startsWith(`${e}/`))).sort()
  const hash = crypto.createHash('sha256')
  for (const file of files) {
    const full = path.join(dir, file)
    let content: Buffer
    try {
      content = fs.readFileSync(full)
    } catch {
      continue // listed by git but deleted in the work tree
    }
    hash.update(`${file}\0${crypto.createHash('sha256').update(content).digest('hex')}\0`)
  }
  return hash.digest('hex')
}
