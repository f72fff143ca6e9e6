// The benchmark: ratios measured side by side in one run (see README, "Benchmark").
//   node bench/run.mjs [--functions N] [--repeat N] [--units N] [--unit-functions N]
//                      [--backend cmake|setuptools]
//                      [--only host|cibuildwheel|compiler-cache]
//                      [--image IMAGE] [--settle SECONDS]
//   node bench/run.mjs --smoke [--out FILE]
// The host part (bench/host.mjs) builds a generated, compile-heavy C extension
// for up to four host CPythons: overhead against the raw build + repair
// commands (--repeat rounds), where wheelwright's time goes, parallel speedup,
// warm/cold cache and start-up. The cibuildwheel part (bench/cibuildwheel.mjs)
// builds the same projects with wheelwright and cibuildwheel in containers.
// The compiler-cache part (bench/compiler-cache.mjs) builds a generated
// multi-file C project cold against cibuildwheel, after a one-file edit,
// and as a second job restoring the compiler cache through a stand-in of the
// Actions cache service.
// wheelwright is read only through its --log-format json events (the action,
// which has none, through its outputs and step summary).
// Writes bench/results.json (with --only, just that part); `npm run docs`
// turns it into the README's figures. --smoke runs one small overhead round
// (two CPythons, a small project) and the compiler-cache part in a tiny form
// (3 units, one identifier, in a container), checks that every figure came
// out, and writes bench/work/smoke-results.json (or --out) instead.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as prettier from 'prettier'
import { compareWithCibuildwheel } from './cibuildwheel.mjs'
import { compilerCacheBenchmark } from './compiler-cache.mjs'
import { BACKENDS, FUNCTIONS_PER_UNIT } from './multi-file-project.mjs'
import { hostBenchmark } from './host.mjs'
import { commitInfo, machineInfo } from './machine.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const work = path.join(root, 'bench', 'work')
const cli = path.join(root, 'dist', 'cli.js')
const action = path.join(root, 'dist', 'index.js')
const argv = process.argv.slice(2)
const flag = (name, fallback) => {
  const at = argv.indexOf(name)
  return at >= 0 && argv[at + 1] !== undefined ? argv[at + 1] : fallback
}
const smoke = argv.includes('--smoke')
const functions = Number(flag('--functions', smoke ? '10' : '600'))
const repeat = Number(flag('--repeat', smoke ? '1' : '3'))
const units = Number(flag('--units', smoke ? '3' : '40'))
const unitFunctions = Number(flag('--unit-functions', smoke ? '10' : String(FUNCTIONS_PER_UNIT)))
const backend = flag('--backend', 'cmake')
if (!BACKENDS.includes(backend))
  throw new Error(`--backend takes ${BACKENDS.join(', ')}, not ${backend}`)
const settleSeconds = Number(flag('--settle', smoke ? '0' : '60'))
const only = flag('--only', undefined)
const PARTS = ['host', 'cibuildwheel', 'compiler-cache']
if (only !== undefined && !PARTS.includes(only))
  throw new Error(`--only takes ${PARTS.join(', ')}, not ${only}`)
const runs = part => only === undefined || only === part
for (const [name, value] of Object.entries({
  functions,
  repeat,
  units,
  unitFunctions,
  settleSeconds
}))
  if (!Number.isInteger(value) || value < 0 || (name !== 'settleSeconds' && value < 1))
    throw new Error(`--${name}: not a whole number of the right size: ${value}`)
const resultsFile = smoke
  ? path.resolve(flag('--out', path.join(work, 'smoke-results.json')))
  : path.join(root, 'bench', 'results.json')

/** Where and when: the machine, the date and the commit measured. */
const stamp = () => ({
  date: new Date().toISOString(),
  ...commitInfo(root),
  machine: machineInfo()
})

function printHost(host) {
  const o = host.overhead
  const range = runs => `${Math.min(...runs).toFixed(3)}-${Math.max(...runs).toFixed(3)}`
  console.log(
    `overhead (parallel=1 / raw build + repair), kept build venvs: ${o.keptVenvs.ratio.toFixed(3)} (${range(o.keptVenvs.runs)} over ${o.keptVenvs.runs.length} rounds)`
  )
  if (o.freshVenvs)
    console.log(
      `overhead, build venvs made in the run: ${o.freshVenvs.ratio.toFixed(3)} (${range(o.freshVenvs.runs)})`
    )
  const fmt = steps =>
    Object.entries(steps)
      .map(([k, v]) => `${k} ${v.toFixed(2)}`)
      .join(', ')
  const w = o.wheelwright
  console.log(`raw commands, seconds: ${fmt(o.raw)}`)
  console.log(`wheelwright steps, seconds summed over identifiers: ${fmt(w.steps)}`)
  console.log(
    `wheelwright outside its steps: ${w.outsideSteps.toFixed(2)} s (to the first build command ${w.toFirstBuildCommand.toFixed(2)} s, after the last step ${w.afterLastStep.toFixed(2)} s; its own process used ${w.ownCpuSeconds?.toFixed(2)} s of CPU)`
  )
  if (!host.ratios) return
  console.log(`parallel speedup: ${host.ratios.parallelSpeedup.toFixed(2)}x (target >= 1.8x)`)
  console.log(`warm / cold: ${host.ratios.warmOverCold.toFixed(3)} (target <= 0.05)`)
  console.log(
    `plan: ${host.startup.planMs.toFixed(0)} ms (Node.js alone ${host.startup.nodeStartMs.toFixed(0)} ms), first build command after ${host.startup.firstBuildCommandMs.toFixed(0)} ms`
  )
}

/** The smoke round gave every figure, as a number. */
function checkSmoke(host) {
  const o = host.overhead
  const numbers = [
    o.keptVenvs.ratio,
    o.raw.build,
    o.raw.repair,
    o.wheelwright.steps.build,
    o.wheelwright.steps.repair,
    o.wheelwright.steps.prepare,
    o.wheelwright.toFirstBuildCommand,
    o.wheelwright.afterLastStep,
    o.wheelwright.ownCpuSeconds
  ]
  if (!numbers.every(n => Number.isFinite(n) && n > 0))
    throw new Error(`the smoke round is missing figures: ${JSON.stringify(o, null, 2)}`)
}

/** The compiler-cache part gave every figure and every count, as numbers. */
function checkCompilerCacheSmoke(part) {
  const numbers = [
    ...Object.values(part.seconds),
    ...Object.values(part.ratios),
    ...Object.values(part.compilerCache).flatMap(byId =>
      Object.values(byId).flatMap(c => [c.hits, c.misses])
    )
  ]
  const runsCounted = Object.values(part.compilerCache).map(byId => Object.keys(byId).length)
  if (
    !numbers.every(n => Number.isFinite(n) && n >= 0) ||
    !Object.values(part.ratios).every(r => r > 0) ||
    runsCounted.length !== 4 ||
    !runsCounted.every(n => n === part.identifiers.length)
  )
    throw new Error(
      `the smoke round is missing compiler-cache figures: ${JSON.stringify(part, null, 2)}`
    )
}

const compilerCacheSettings = {
  work,
  dirName: smoke ? 'compiler-cache-smoke' : 'compiler-cache',
  cli,
  action,
  argv: process.argv,
  units,
  functions: unitFunctions,
  backend,
  settleSeconds,
  ...(smoke ? { versions: ['312'], warmUp: false } : {})
}

const hostSettings = {
  work: path.join(work, smoke ? 'smoke' : 'host'),
  cli,
  functions,
  repeat,
  smoke,
  settleSeconds
}

async function main() {
  if (smoke) {
    const host = await hostBenchmark(hostSettings)
    printHost(host)
    checkSmoke(host)
    const compilerCache = await compilerCacheBenchmark(compilerCacheSettings)
    checkCompilerCacheSmoke(compilerCache)
    fs.mkdirSync(path.dirname(resultsFile), { recursive: true })
    fs.writeFileSync(
      resultsFile,
      JSON.stringify({ ...stamp(), host, compilerCache }, null, 2) + '\n'
    )
    console.log(`smoke: every figure came out; ${path.relative(root, resultsFile)} written`)
    return
  }
  // With --only, the other part's figures stay as they were.
  const previous = fs.existsSync(resultsFile)
    ? JSON.parse(fs.readFileSync(resultsFile, 'utf8'))
    : {}
  let results = {
    host: previous.host,
    againstCibuildwheel: previous.againstCibuildwheel,
    compilerCache: previous.compilerCache
  }
  // Formatted as `npm run format` would, so that the file is committed as written.
  const write = async () => {
    const options = (await prettier.resolveConfig(resultsFile)) ?? {}
    const text = await prettier.format(JSON.stringify(results), { ...options, parser: 'json' })
    fs.writeFileSync(resultsFile, text)
  }
  if (runs('host')) {
    const host = await hostBenchmark(hostSettings)
    printHost(host)
    results = { ...results, host: { ...stamp(), ...host } }
    await write()
  }
  if (runs('cibuildwheel')) {
    console.log('')
    const compared = await compareWithCibuildwheel({
      work,
      cli,
      functions,
      argv: process.argv,
      settleSeconds
    })
    results = { ...results, againstCibuildwheel: { ...stamp(), ...compared } }
    await write()
  }
  if (runs('compiler-cache')) {
    console.log('')
    const measured = await compilerCacheBenchmark(compilerCacheSettings)
    results = { ...results, compilerCache: { ...stamp(), ...measured } }
    await write()
  }
}

await main()
