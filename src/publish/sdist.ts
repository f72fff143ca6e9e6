/**
 * The sdist: `python -m build --sdist` of a copy of the project (the build
 * writes `*.egg-info`, which must never land in the user's tree) into a
 * scratch dir, `twine check`, then an atomic move into output-dir (never
 * silently replacing a different file).
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Options } from '../model/options.js'
import { checkWritableDir } from '../util/dirs.js'
import { UserError } from '../util/errors.js'
import { exec } from '../util/exec.js'
import { toolEnv } from './twine.js'
import { twineCheck } from './twine-run.js'
import { publishPython, type ToolsContext } from './tools.js'

export interface SdistRequest extends Pick<ToolsContext, 'env' | 'reporter'> {
  readonly packageDir: string
  /** An sdist given as package-dir: it is checked and copied, not rebuilt. */
  readonly sdistInput?: string
  readonly outputDir: string
  readonly python: string
}

/** Builds the sdist of the options into output-dir and returns its path; sets the `sdist` output. */
export async function makeSdist(options: Options, tools: ToolsContext): Promise<string> {
  checkWritableDir(options.outputDir, 'output-dir')
  const sdist = await buildSdist({
    ...tools,
    packageDir: options.packageDir,
    ...(options.sdistInput ? { sdistInput: options.sdistInput } : {}),
    outputDir: options.outputDir,
    python: await publishPython(tools)
  })
  tools.reporter.setOutput('sdist', sdist)
  tools.reporter.info(`sdist: ${sdist}`)
  return sdist
}

export function sdistBuildArgv(python: string, packageDir: string, outDir: string): string[] {
  return [python, '-m', 'build', '--sdist', '--outdir', outDir, packageDir]
}

/** Builds (or takes) the sdist and returns its path in output-dir. */
export async function buildSdist(request: SdistRequest): Promise<string> {
  const { reporter } = request
  const scratch = fs.mkdtempSync(path.join(request.env.RUNNER_TEMP || os.tmpdir(), 'ww-sdist-'))
  try {
    let built: string
    if (request.sdistInput) {
      built = path.join(scratch, path.basename(request.sdistInput))
      fs.copyFileSync(request.sdistInput, built)
    } else {
      const started = Date.now()
      const copy = copyProject(request.packageDir, path.join(scratch, 'project'), request.outputDir)
      const result = await exec(sdistBuildArgv(request.python, copy, scratch), {
        env: toolEnv(request.env),
        cwd: copy,
        timeoutMs: 1_800_000
      })
      reporter.group(
        `sdist: python -m build --sdist (${((Date.now() - started) / 1000).toFixed(1)} s)`,
        result.output
      )
      if (result.code !== 0) {
        const tail = result.output.trimEnd().split('\n').slice(-15).join('\n')
        throw new UserError(`python -m build --sdist failed:\n${tail}\n`, {
          key: 'package-dir',
          value: request.packageDir,
          hint: 'run `python -m build --sdist` in the project to see the whole error'
        })
      }
      const made = fs
        .readdirSync(scratch)
        .filter(f => f.endsWith('.tar.gz') && fs.statSync(path.join(scratch, f)).isFile())
      if (made.length !== 1) {
        throw new UserError(`python -m build --sdist made ${made.length} .tar.gz files`, {
          key: 'package-dir',
          value: request.packageDir
        })
      }
      built = path.join(scratch, made[0])
    }
    await twineCheck(request.python, [built], request.env, reporter, 'sdist')
    return placeFile(built, request.outputDir)
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true })
  }
}

/** Top-level folders of build output and tool state, left out of the copy. */
const NOT_COPIED: ReadonlySet<string> = new Set([
  'build',
  'dist',
  'wheelhouse',
  '.tox',
  '.nox',
  '.venv',
  'venv',
  'node_modules',
  '__pycache__'
])

/** Copies the project (with its .git, which setuptools-scm reads) without build output. */
function copyProject(project: string, dest: string, outputDir: string): string {
  fs.cpSync(project, dest, {
    recursive: true,
    verbatimSymlinks: true,
    filter: source => {
      const relative = path.relative(project, source)
      if (relative === '') return true
      if (path.resolve(source) === path.resolve(outputDir)) return false
      return !(path.dirname(relative) === '.' && NOT_COPIED.has(relative))
    }
  })
  return dest
}

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')
}

/**
 * Moves `file` into `dir` atomically (copy to a temp name there, then rename).
 * An identical file already there is kept; a different one is an error.
 */
export function placeFile(file: string, dir: string): string {
  fs.mkdirSync(dir, { recursive: true })
  const dest = path.join(dir, path.basename(file))
  if (fs.existsSync(dest)) {
    if (sha256(dest) === sha256(file)) return dest
    throw new UserError(`already holds a different ${path.basename(file)}`, {
      key: 'output-dir',
      value: dir,
      hint: 'remove the old file (or use an empty output-dir) so that the new one is not confused with it'
    })
  }
  const temp = `${dest}.tmp-${process.pid}-${crypto.randomBytes(3).toString('hex')}`
  fs.copyFileSync(file, temp)
  fs.renameSync(temp, dest)
  return dest
}
