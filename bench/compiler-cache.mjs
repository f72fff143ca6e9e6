// The compiler cache, measured side by side in one run (see README,
// "Benchmark"): a generated multi-file C project (bench/multi-file-project.mjs: `units`
// translation units that do not include Python, plus one binding file),
// built in containers under podman in the multi-CPython image, for the
// identifiers of VERSIONS, with a test command and the wheel cache off.
//   1. cold: wheelwright (`--parallel auto`, its compiler cache emptied)
//      against cibuildwheel on the same image;
//   2. one unit edited: wheelwright again (the wheel cache is off, the
//      compiler cache warm) against its own cold run;
//   3. the Actions cache path: two runs of the bundled action, each as a
//      job on a fresh machine (its cache dir removed, then given the
//      download caches but no compiler cache), against a stand-in of the
//      cache service: the first builds the original project and saves the
//      compiler cache, the second restores it and builds the edited one.
// Every run must give cibuildwheel's wheel names and run the test for every
// identifier, or the benchmark fails.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  CIBUILDWHEEL_PIN,
  VERSIONS,
  ensureCibuildwheel,
  multiImage,
  runTimed,
  testedTags,
  toolEnv,
  wheelsIn
} from './cibuildwheel.mjs'
import { FUNCTIONS_PER_UNIT, editUnit, generateMultiFileProject } from './multi-file-project.mjs'
import { runWheelwright, stepSeconds, wheelsOf } from './events.mjs'
import { runActionJob } from './action-job.mjs'
import { startCacheService } from './cache-service.mjs'
import { settle } from './machine.mjs'

/** Per identifier, the compiler cache counts of a run's `build-finished` events. */
export function compilerCacheOf(events) {
  const counts = {}
  for (const e of events)
    if (e.event === 'build-finished' && e.identifier !== 'setup' && e.compilerCache) {
      const { hits, misses, savedSeconds } = e.compilerCache
      counts[e.identifier] = {
        hits,
        misses,
        ...(savedSeconds !== undefined ? { savedSeconds } : {})
      }
    }
  return counts
}

/** The compiler cache places (`compiler-cache/<place>`, not the `sccache-<version>` binaries) of a cache dir. */
function compilerCachePlaces(cacheDir) {
  const root = path.join(cacheDir, 'container-cache', 'compiler-cache')
  if (!fs.existsSync(root)) return []
  return fs
    .readdirSync(root)
    .filter(name => !name.startsWith('sccache-'))
    .map(name => path.join(root, name))
}

/** Empties the compiler cache of a cache dir, keeping the sccache binaries. */
function emptyCompilerCache(cacheDir) {
  for (const place of compilerCachePlaces(cacheDir))
    fs.rmSync(place, { recursive: true, force: true })
}

/** A job's machine: its cache dir removed, then the download caches of `from` copied in, no compiler cache. */
function freshMachine(home, from) {
  fs.rmSync(home, { recursive: true, force: true })
  const cacheDir = path.join(home, 'wheelwright')
  fs.cpSync(from, cacheDir, { recursive: true })
  emptyCompilerCache(cacheDir)
  return cacheDir
}

/** Runs the part; returns its results object (for bench/results.json) after printing it. */
export async function compilerCacheBenchmark({
  work,
  dirName = 'compiler-cache',
  cli,
  action,
  argv,
  units,
  backend = 'cmake',
  functions = FUNCTIONS_PER_UNIT,
  versions = VERSIONS,
  settleSeconds,
  warmUp = true
}) {
  const image = multiImage(argv)
  const cibuildwheel = ensureCibuildwheel(work)
  const dir = path.join(work, dirName)
  fs.rmSync(dir, { recursive: true, force: true })
  const project = generateMultiFileProject(path.join(dir, 'project'), units, {
    backend,
    functions
  })
  const edited = Math.floor(units / 2)
  const env = toolEnv(image, versions, `multi; assert multi.units() == ${units}; multi.run(0.5)`)
  const cacheDir = path.join(dir, 'wheelwright-cache')
  const want = versions.map(v => `cpython-${v}`)
  let wheels
  const verify = (label, text, made) => {
    const tested = testedTags(text)
    if (JSON.stringify(tested) !== JSON.stringify(want))
      throw new Error(`${label}: the test ran for [${tested}], not for [${want}]`)
    const names = made.map(f => path.basename(f)).sort()
    if (wheels && JSON.stringify(names) !== JSON.stringify(wheels))
      throw new Error(`${label} gave other wheels than cibuildwheel: ${names} against ${wheels}`)
  }
  let counter = 0
  const out = label => path.join(dir, 'out', `${++counter}-${label}`)

  const runOurs = async label => {
    const output = out(label)
    const run = await runWheelwright(
      cli,
      [
        'build',
        project,
        '--platform',
        'linux',
        '--container',
        'on',
        '--cache=false',
        '--cache-dir',
        cacheDir,
        '--parallel',
        'auto',
        '--output-dir',
        output
      ],
      // From the project, as cibuildwheel runs: the project dir is what is copied in.
      { env, cwd: project, log: `${output}.events.jsonl` }
    )
    const text = run.events
      .filter(e => e.event === 'step-output')
      .map(e => e.text)
      .join('\n')
    verify(`wheelwright (${label})`, text, wheelsOf(run.events))
    const compilerCache = compilerCacheOf(run.events)
    if (Object.keys(compilerCache).length !== versions.length)
      throw new Error(
        `wheelwright (${label}): compiler cache counts for ${Object.keys(compilerCache)}, not every identifier (is the compiler cache on?)`
      )
    return { seconds: run.seconds, compilerCache, steps: stepSeconds(run.events) }
  }

  const runCibuildwheel = async () => {
    const output = out('cibuildwheel')
    const run = await runTimed([cibuildwheel, '--platform', 'linux', '--output-dir', output], {
      env,
      cwd: project,
      log: `${output}.log`
    })
    wheels = wheelsIn(output)
    if (wheels.length !== versions.length)
      throw new Error(`cibuildwheel gave ${wheels.length} wheels: ${wheels}`)
    verify('cibuildwheel', run.text, wheels)
    return { seconds: run.seconds }
  }

  // One job of the Actions path: a fresh machine at the same paths (the
  // service keys an entry by its paths too), a run id of its own.
  const home = path.join(dir, 'job-home')
  const workspace = path.join(dir, 'job-workspace')
  const service = await startCacheService(path.join(dir, 'cache-service'))
  const runJob = async (label, runId) => {
    freshMachine(home, cacheDir)
    fs.mkdirSync(workspace, { recursive: true })
    const output = out(label)
    const run = await runActionJob(
      action,
      {
        command: 'build',
        'package-dir': project,
        'output-dir': output,
        platform: 'linux',
        container: 'on',
        cache: 'false',
        parallel: 'auto',
        'upload-artifact': 'false'
      },
      {
        env: { ...env, ...service.env, GITHUB_RUN_ID: String(runId), GITHUB_RUN_ATTEMPT: '1' },
        home,
        workspace,
        temp: path.join(dir, `runner-temp-${label}`),
        log: `${output}.log`
      }
    )
    verify(`the action (${label})`, run.text, JSON.parse(run.outputs.wheels ?? '[]'))
    return { seconds: run.seconds, compilerCache: run.compilerCache }
  }

  const busyBefore = {}
  const measure = async (key, fn) => {
    busyBefore[key] = await settle(settleSeconds)
    console.error(`benchmark: compiler cache, ${key}`)
    return fn()
  }
  try {
    console.error(
      `benchmark: the compiler cache, ${units} units + a binding, ${versions.length} identifiers, in ${image}, against ${CIBUILDWHEEL_PIN}`
    )
    if (warmUp) {
      // Untimed: the image into the page cache, the download caches (pip's,
      // uv's, the sccache binary) filled, then the compiler cache emptied.
      await runOurs('warm-up')
    }
    emptyCompilerCache(cacheDir)
    const cibw = await measure('cold-cibuildwheel', runCibuildwheel)
    const cold = await measure('cold-wheelwright', () => runOurs('cold'))
    if (compilerCachePlaces(cacheDir).length === 0)
      throw new Error(
        `the cold run left no compiler cache under ${cacheDir}: the bench would measure nothing`
      )
    editUnit(project, edited, 1, functions)
    const edit = await measure('one-file-edit', () => runOurs('one-file-edit'))
    editUnit(project, edited, 0, functions)
    const jobA = await measure('actions-job-1', () => runJob('actions-job-1', 1001))
    editUnit(project, edited, 1, functions)
    const jobB = await measure('actions-job-2', () => runJob('actions-job-2', 1002))
    editUnit(project, edited, 0, functions)
    const saved = service.log.filter(e => e.op === 'save').map(e => e.key)
    const downloaded = service.log.filter(e => e.op === 'download').map(e => e.key)
    if (saved.length < 1 || !downloaded.includes(saved[0]))
      throw new Error(
        `the second job did not restore what the first saved: ${JSON.stringify(service.log)}`
      )
    const results = {
      date: new Date().toISOString(),
      cibuildwheel: CIBUILDWHEEL_PIN.split('==')[1],
      image,
      engine: 'podman',
      identifiers: versions.map(v => `cp${v}-manylinux_x86_64`),
      units,
      backend,
      unitFunctions: functions,
      editedUnit: edited,
      note: 'wall seconds, one round; wheelwright with --parallel auto, the wheel cache off, sccache; cibuildwheel sequential, no compiler cache',
      seconds: {
        cibuildwheel: cibw.seconds,
        cold: cold.seconds,
        oneFileEdit: edit.seconds,
        actionsFirstJob: jobA.seconds,
        actionsSecondJob: jobB.seconds
      },
      ratios: {
        coldOverCibuildwheel: cold.seconds / cibw.seconds,
        editOverCold: edit.seconds / cold.seconds,
        actionsEditOverCold: jobB.seconds / cold.seconds
      },
      compilerCache: {
        cold: cold.compilerCache,
        oneFileEdit: edit.compilerCache,
        actionsFirstJob: jobA.compilerCache,
        actionsSecondJob: jobB.compilerCache
      },
      steps: { cold: cold.steps, oneFileEdit: edit.steps },
      actionsCache: service.log.filter(e => e.op !== 'lookup' || e.hit),
      busyBefore,
      wheels
    }
    printResults(results)
    return results
  } finally {
    await service.close()
  }
}

const total = counts =>
  Object.values(counts).reduce(
    (sum, c) => ({ hits: sum.hits + c.hits, misses: sum.misses + c.misses }),
    { hits: 0, misses: 0 }
  )

function printResults(r) {
  const s = r.seconds
  console.log(
    `compiler cache: ${r.units} units + binding, ${r.identifiers.length} identifiers, ${os.availableParallelism()} cores`
  )
  console.log(
    `cold: wheelwright ${s.cold.toFixed(1)} s / cibuildwheel ${s.cibuildwheel.toFixed(1)} s = ${r.ratios.coldOverCibuildwheel.toFixed(3)} (goal <= 0.35)`
  )
  console.log(
    `one file edited: ${s.oneFileEdit.toFixed(1)} s / cold ${s.cold.toFixed(1)} s = ${r.ratios.editOverCold.toFixed(3)} (goal <= 0.15)`
  )
  console.log(
    `Actions cache, second job: ${s.actionsSecondJob.toFixed(1)} s / cold = ${r.ratios.actionsEditOverCold.toFixed(3)} (first job, cold: ${s.actionsFirstJob.toFixed(1)} s)`
  )
  for (const [run, counts] of Object.entries(r.compilerCache)) {
    const per = Object.entries(counts)
      .map(([id, c]) => `${id.split('-')[0]} ${c.hits}/${c.hits + c.misses}`)
      .join(', ')
    const t = total(counts)
    console.log(`  hits ${run}: ${per} (job ${t.hits} hits, ${t.misses} misses)`)
  }
}
