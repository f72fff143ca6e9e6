// The benchmark: ratios measured side by side in one run (see README, "Benchmark").
//   node bench/run.mjs [--functions N] [--only host|cibuildwheel] [--repeat N] [--image IMAGE]
// Builds a generated, compile-heavy C extension for up to four host CPythons
// and reports parallel speedup, warm/cold cache, overhead against the raw
// build + repair commands, and start-up times; then wheelwright against
// cibuildwheel in containers (bench/cibuildwheel.mjs; --repeat rounds, in
// --image or the multi-CPython test image). Writes bench/results.json (with
// --only, just that part's keys).
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { compareWithCibuildwheel } from './cibuildwheel.mjs'
import { generateProject } from './heavy-project.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const work = path.join(root, 'bench', 'work')
const cli = path.join(root, 'dist', 'cli.js')
const functions = Number(process.argv[process.argv.indexOf('--functions') + 1]) || 800
const only = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1]
  : undefined
if (only !== undefined && !['host', 'cibuildwheel'].includes(only))
  throw new Error(`--only takes host or cibuildwheel, not ${only}`)
const resultsFile = path.join(root, 'bench', 'results.json')
// Kept between runs: the benchmark's own cibuildwheel venv.
const KEEP = new Set(['venv-cibuildwheel'])

function run(argv, options = {}) {
  const result = spawnSync(argv[0], argv.slice(1), {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    ...options
  })
  if (result.status !== 0) {
    throw new Error(
      `${argv.join(' ')} failed (${result.status})\n${result.stdout}\n${result.stderr}`
    )
  }
  return result
}

function timed(argv, options) {
  const start = process.hrtime.bigint()
  const result = run(argv, options)
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, result }
}

/** Distinct CPython 3.9+ interpreters of this machine (pyenv), newest first, at most four. */
function hostPythons() {
  const versions = path.join(os.homedir(), '.pyenv', 'versions')
  const found = fs.existsSync(versions) ? fs.readdirSync(versions) : []
  const byMinor = new Map()
  for (const v of found) {
    const m = /^3\.(\d+)\.\d+$/.exec(v)
    if (m && Number(m[1]) >= 9) byMinor.set(Number(m[1]), path.join(versions, v, 'bin', 'python'))
  }
  const minors = [...byMinor.keys()]
    .sort((a, b) => b - a)
    .slice(0, 4)
    .sort((a, b) => a - b)
  if (minors.length < 2)
    throw new Error('the benchmark needs at least two CPythons (pyenv versions 3.9+)')
  return minors.map(minor => ({
    minor,
    python: byMinor.get(minor),
    id: `cp3${minor}-manylinux_x86_64`
  }))
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/** Milliseconds from spawning `build` to its first step line on stderr. */
function timeToFirstStep(args) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint()
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
    let seen = false
    let buffer = ''
    child.stderr.on('data', chunk => {
      buffer += chunk
      if (!seen && /\[1\/\d+\] \S+: /.test(buffer)) {
        seen = true
        resolve(Number(process.hrtime.bigint() - start) / 1e6)
        child.kill('SIGTERM')
      }
    })
    child.on('exit', () => (seen ? undefined : reject(new Error(`no step started:\n${buffer}`))))
  })
}

async function hostBenchmark() {
  fs.mkdirSync(work, { recursive: true })
  for (const entry of fs.readdirSync(work))
    if (!KEEP.has(entry)) fs.rmSync(path.join(work, entry), { recursive: true, force: true })
  const project = generateProject(path.join(work, 'heavy'), functions)
  const pythons = hostPythons()
  const ids = pythons.map(p => p.id).join(' ')
  const cacheDir = path.join(work, 'cache')
  const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' }
  const build = (extra, out) =>
    timed(
      [
        process.execPath,
        cli,
        'build',
        project,
        '--container',
        'off',
        '--build',
        ids,
        '--cache-dir',
        cacheDir,
        '--output-dir',
        path.join(work, out),
        ...extra
      ],
      { env }
    )

  console.error(
    `benchmark: ${pythons.length} CPythons (${pythons.map(p => `3.${p.minor}`).join(', ')}), ${os.availableParallelism()} cores, ${functions} generated functions`
  )
  // Untimed preparation: the raw baseline's venvs, and wheelwright's tools and kept build venvs.
  for (const p of pythons) {
    const venv = path.join(work, 'raw-venvs', String(p.minor))
    run([p.python, '-m', 'venv', venv], { env })
    run(
      [
        path.join(venv, 'bin', 'python'),
        '-m',
        'pip',
        'install',
        '-q',
        '--disable-pip-version-check',
        'build'
      ],
      { env }
    )
  }
  build(['--parallel', 'auto', '--cache=false'], 'warmup')
  const auditwheel = path.join(cacheDir, 'tools', 'bin', 'auditwheel')

  // 1. The raw commands, one interpreter after the other.
  let raw = 0
  for (const p of pythons) {
    const built = path.join(work, 'raw', String(p.minor), 'built')
    const repaired = path.join(work, 'raw', String(p.minor), 'repaired')
    const python = path.join(work, 'raw-venvs', String(p.minor), 'bin', 'python')
    // Each raw build starts from a clean tree, as each wheelwright build does.
    fs.rmSync(path.join(project, 'build'), { recursive: true, force: true })
    raw += timed([python, '-m', 'build', '--wheel', `--outdir=${built}`, project], {
      env,
      cwd: project
    }).seconds
    const [wheel] = fs.readdirSync(built)
    const toolsEnv = { ...env, PATH: `${path.dirname(auditwheel)}${path.delimiter}${env.PATH}` }
    raw += timed([auditwheel, 'repair', '-w', repaired, path.join(built, wheel)], {
      env: toolsEnv
    }).seconds
  }
  // 2. wheelwright, sequential and parallel, cache off.
  const sequential = build(['--parallel', '1', '--cache=false'], 'sequential').seconds
  const parallel = build(['--parallel', 'auto', '--cache=false'], 'parallel').seconds
  // 3. Cold then warm with the wheel cache.
  fs.rmSync(path.join(cacheDir, 'wheels'), { recursive: true, force: true })
  const cold = build(['--parallel', 'auto'], 'cold').seconds
  const warm = build(['--parallel', 'auto'], 'warm').seconds
  // 4. Start-up.
  const nodeTimes = []
  for (let i = 0; i < 9; i++) nodeTimes.push(timed([process.execPath, '-e', '0']).seconds * 1000)
  const planTimes = []
  for (let i = 0; i < 9; i++)
    planTimes.push(
      timed([process.execPath, cli, 'plan', project, '--print-identifiers']).seconds * 1000
    )
  const firstStep = await timeToFirstStep([
    'build',
    project,
    '--container',
    'off',
    '--build',
    ids,
    '--cache-dir',
    cacheDir,
    '--cache=false',
    '--parallel',
    '1',
    '--output-dir',
    path.join(work, 'first')
  ])

  const results = {
    date: new Date().toISOString(),
    machine: {
      cores: os.availableParallelism(),
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version
    },
    interpreters: pythons.map(p => `3.${p.minor}`),
    generatedFunctions: functions,
    seconds: { raw, sequential, parallel, cold, warm },
    ratios: {
      parallelSpeedup: sequential / parallel,
      warmOverCold: warm / cold,
      overhead: sequential / raw
    },
    startup: {
      planMs: median(planTimes),
      nodeStartMs: median(nodeTimes),
      firstBuildCommandMs: firstStep
    },
    targets: {
      parallelSpeedup: '>= 1.8',
      warmOverCold: '<= 0.05',
      overhead: '<= 1.05',
      planMs: '<= 150'
    }
  }
  const rows = [
    [
      'parallel speedup (parallel=1 / parallel=auto)',
      results.ratios.parallelSpeedup.toFixed(2) + 'x',
      '>= 1.8x'
    ],
    [
      'warm / cold (unchanged re-run with the cache)',
      results.ratios.warmOverCold.toFixed(3),
      '<= 0.05'
    ],
    ['overhead (parallel=1 / raw build + repair)', results.ratios.overhead.toFixed(3), '<= 1.05'],
    ['plan wall time', `${results.startup.planMs.toFixed(0)} ms`, '<= 150 ms'],
    [
      '  of which Node.js itself starting (`node -e 0`)',
      `${results.startup.nodeStartMs.toFixed(0)} ms`,
      ''
    ],
    ['time to the first build command', `${results.startup.firstBuildCommandMs.toFixed(0)} ms`, '']
  ]
  const width = Math.max(...rows.map(r => r[0].length))
  console.log(`${'figure'.padEnd(width)}  ${'measured'.padEnd(10)}  target`)
  for (const [name, value, target] of rows)
    console.log(`${name.padEnd(width)}  ${value.padEnd(10)}  ${target}`)
  console.log(
    `(seconds: raw ${raw.toFixed(1)}, sequential ${sequential.toFixed(1)}, parallel ${parallel.toFixed(1)}, cold ${cold.toFixed(1)}, warm ${warm.toFixed(1)})`
  )
  return results
}

async function main() {
  // With --only, the other part's figures stay as they were.
  const previous = fs.existsSync(resultsFile)
    ? JSON.parse(fs.readFileSync(resultsFile, 'utf8'))
    : {}
  let results = previous
  const write = () => fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n')
  if (only !== 'cibuildwheel') {
    const host = await hostBenchmark()
    results = { ...host, againstCibuildwheel: previous.againstCibuildwheel }
    write()
  }
  if (only !== 'host') {
    console.log('')
    results.againstCibuildwheel = await compareWithCibuildwheel({
      work,
      cli,
      functions,
      argv: process.argv
    })
    write()
  }
}

await main()
