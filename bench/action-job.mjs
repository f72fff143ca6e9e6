// Runs the bundled action (dist/index.js) as a runner runs one job step: the
// inputs as INPUT_* variables, the GITHUB_* files, a RUNNER_TEMP of its own.
// The action has no json event stream, so what a job did is read from its
// outputs (GITHUB_OUTPUT) and its step summary's table, by column name.
import fs from 'node:fs'
import path from 'node:path'
import { runTimed } from './cibuildwheel.mjs'

/** GITHUB_OUTPUT's `name<<delimiter` blocks and `name=value` lines. */
export function parseOutputs(text) {
  const outputs = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const block = /^([^=<]+)<<(.+)$/.exec(lines[i])
    if (block) {
      const body = []
      while (++i < lines.length && lines[i] !== block[2]) body.push(lines[i])
      outputs[block[1]] = body.join('\n')
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=')
      outputs[lines[i].slice(0, at)] = lines[i].slice(at + 1)
    }
  }
  return outputs
}

/**
 * The compiler cache's counts per identifier from a step summary: the table
 * whose header has `identifier` and `compiler cache` columns, cells such as
 * `3 hits, 1 miss, 2.5 s saved`. Throws when there is no such table.
 */
export function compilerCacheFromSummary(markdown) {
  const rows = markdown
    .split('\n')
    .filter(l => l.startsWith('|'))
    .map(l =>
      l
        .slice(1, l.endsWith('|') ? -1 : undefined)
        .split(/(?<!\\)\|/)
        .map(c => c.trim())
    )
  const header = rows.findIndex(r => r.includes('identifier') && r.includes('compiler cache'))
  if (header < 0)
    throw new Error(`the step summary has no table with a compiler cache column:\n${markdown}`)
  const id = rows[header].indexOf('identifier')
  const cache = rows[header].indexOf('compiler cache')
  const counts = {}
  for (const row of rows.slice(header + 2)) {
    if (row[id] === 'sdist' || !row[cache]) continue
    const m = /^(\d+) hits?, (\d+) miss(?:es)?(?:, ([\d.]+) s saved)?$/.exec(row[cache])
    if (!m) throw new Error(`unreadable compiler cache cell for ${row[id]}: ${row[cache]}`)
    counts[row[id]] = {
      hits: Number(m[1]),
      misses: Number(m[2]),
      ...(m[3] !== undefined ? { savedSeconds: Number(m[3]) } : {})
    }
  }
  return counts
}

/**
 * Runs the action once. `env` is the job's environment (without INPUT_*);
 * `home` its XDG_CACHE_HOME, `workspace` GITHUB_WORKSPACE, `temp` a fresh
 * RUNNER_TEMP. Resolves with the wall seconds, the log, the outputs and the
 * step summary; rejects unless the action exits 0.
 */
export async function runActionJob(action, inputs, { env, home, workspace, temp, log }) {
  fs.rmSync(temp, { recursive: true, force: true })
  fs.mkdirSync(temp, { recursive: true })
  const files = Object.fromEntries(
    ['output', 'summary', 'env', 'path'].map(name => [name, path.join(temp, `github-${name}`)])
  )
  for (const file of Object.values(files)) fs.writeFileSync(file, '')
  const jobEnv = {
    ...Object.fromEntries(Object.entries(env).filter(([k]) => !k.startsWith('INPUT_'))),
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_WORKSPACE: workspace,
    GITHUB_REF: 'refs/heads/main',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: temp,
    RUNNER_TOOL_CACHE: path.join(temp, 'toolcache'),
    XDG_CACHE_HOME: home,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]))
  }
  const run = await runTimed([process.execPath, action], { env: jobEnv, cwd: workspace, log })
  const summary = fs.readFileSync(files.summary, 'utf8')
  return {
    ...run,
    outputs: parseOutputs(fs.readFileSync(files.output, 'utf8')),
    summary,
    compilerCache: compilerCacheFromSummary(summary)
  }
}
