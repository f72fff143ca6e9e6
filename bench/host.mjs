// The host-mode benchmark (see README, "Benchmark"): a generated, compile-heavy
// C extension built for up to four of this machine's CPythons, measured side
// by side in one run and reported as ratios:
// - overhead: wheelwright with `parallel: 1`, wheel cache off, against the raw
//   `python -m build --wheel` + `auditwheel repair` from prepared venvs, over
//   rounds in a rotating order; once with the kept build venvs of earlier
//   runs, once with none (what each run would pay if `cache: false` dropped them);
// - where wheelwright's time goes, from its own events (never its human log);
// - parallel speedup, warm ÷ cold with the wheel cache, start-up times.
// The smoke mode does one small round of the overhead only, to prove that all
// of this still runs.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  finishedBuilds,
  firstBuildStep,
  lastStepEnd,
  runWheelwright,
  stepSeconds,
  wheelsOf
} from './events.mjs'
import { generateProject } from './heavy-project.mjs'
import { cpuBetween, cpuSnapshot, median, settle } from './machine.mjs'

function run(argv, options = {}) {
  const result = spawnSync(argv[0], argv.slice(1), {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    ...options
  })
  if (result.status !== 0)
    throw new Error(
      `${argv.join(' ')} failed (${result.status})\n${result.stdout}\n${result.stderr}`
    )
  return result
}

function timed(argv, options) {
  const start = process.hrtime.bigint()
  const result = run(argv, options)
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, result }
}

/** Distinct CPython 3.9+ interpreters of this machine (pyenv), newest first, at most `most`. */
export function hostPythons(most) {
  const versions = path.join(
    process.env.PYENV_ROOT ?? path.join(os.homedir(), '.pyenv'),
    'versions'
  )
  const found = fs.existsSync(versions) ? fs.readdirSync(versions) : []
  const byMinor = new Map()
  for (const v of found) {
    const m = /^3\.(\d+)\.\d+$/.exec(v)
    if (m && Number(m[1]) >= 9) byMinor.set(Number(m[1]), path.join(versions, v, 'bin', 'python'))
  }
  const minors = [...byMinor.keys()]
    .sort((a, b) => b - a)
    .slice(0, most)
    .sort((a, b) => a - b)
  if (minors.length < 2)
    throw new Error('the benchmark needs at least two CPythons (pyenv versions 3.9+)')
  return minors.map(minor => ({
    minor,
    python: byMinor.get(minor),
    id: `cp3${minor}-manylinux_x86_64`
  }))
}

/** A venv with `build`, kept while it works (the raw baseline's prepared venv). */
function preparedVenv(dir, python) {
  const venvPython = path.join(dir, 'bin', 'python')
  const current = 'import build, pip; assert int(pip.__version__.split(".")[0]) >= 25'
  const ok =
    fs.existsSync(venvPython) &&
    spawnSync(venvPython, ['-c', current], { stdio: 'ignore' }).status === 0
  if (ok) return venvPython
  fs.rmSync(dir, { recursive: true, force: true })
  run([python, '-m', 'venv', dir])
  // pip upgraded too: build installs the isolated build env with this pip,
  // and an old one is slower than the current pip of wheelwright's venvs.
  run([
    venvPython,
    '-m',
    'pip',
    'install',
    '-q',
    '--disable-pip-version-check',
    '-U',
    'pip',
    'build'
  ])
  return venvPython
}

/**
 * Runs the host benchmark in `work` (kept between runs: the raw venvs, and in
 * smoke mode the cache dir with its tools venv). Returns the results object.
 */
export async function hostBenchmark({ work, cli, functions, repeat, smoke, settleSeconds }) {
  fs.mkdirSync(work, { recursive: true })
  const keep = new Set(['raw-venvs', ...(smoke ? ['cache'] : [])])
  for (const entry of fs.readdirSync(work))
    if (!keep.has(entry)) fs.rmSync(path.join(work, entry), { recursive: true, force: true })
  const project = generateProject(path.join(work, 'heavy'), functions)
  const pythons = hostPythons(smoke ? 2 : 4)
  const ids = pythons.map(p => p.id).join(' ')
  const cacheDir = path.join(work, 'cache')
  const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' }
  let outputs = 0
  const wheelwright = async (label, extra) => {
    const out = path.join(work, 'out', `${++outputs}-${label}`)
    const result = await runWheelwright(
      cli,
      [
        'build',
        project,
        '--container',
        'off',
        '--build',
        ids,
        '--cache-dir',
        cacheDir,
        '--output-dir',
        out,
        ...extra
      ],
      { env, log: `${out}.events.jsonl` }
    )
    const built = finishedBuilds(result.events)
    if (built.length !== pythons.length)
      throw new Error(`${label}: ${built.length} of ${pythons.length} builds ended well`)
    return {
      ...result,
      wheels: wheelsOf(result.events)
        .map(w => path.basename(w))
        .sort()
    }
  }
  console.error(
    `benchmark${smoke ? ' (smoke)' : ''}: ${pythons.length} CPythons (${pythons.map(p => `3.${p.minor}`).join(', ')}), ${os.availableParallelism()} cores, ${functions} generated functions`
  )

  // Untimed: the raw baseline's venvs, wheelwright's tools venv and kept build venvs.
  const rawPython = new Map(
    pythons.map(p => [
      p.minor,
      preparedVenv(path.join(work, 'raw-venvs', String(p.minor)), p.python)
    ])
  )
  await wheelwright('warmup', ['--parallel', 'auto', '--cache=false'])
  const auditwheel = path.join(cacheDir, 'tools', 'bin', 'auditwheel')
  const toolsEnv = { ...env, PATH: `${path.dirname(auditwheel)}${path.delimiter}${env.PATH}` }

  /** The raw commands, one interpreter after the other, each from a clean tree. */
  const raw = label => {
    const seconds = { build: 0, repair: 0 }
    const wheels = []
    for (const p of pythons) {
      const dir = path.join(work, 'out', `${++outputs}-${label}`, String(p.minor))
      fs.rmSync(path.join(project, 'build'), { recursive: true, force: true })
      seconds.build += timed(
        [rawPython.get(p.minor), '-m', 'build', '--wheel', `--outdir=${dir}/built`, project],
        { env, cwd: project }
      ).seconds
      const [wheel] = fs.readdirSync(`${dir}/built`)
      seconds.repair += timed(
        [auditwheel, 'repair', '-w', `${dir}/repaired`, `${dir}/built/${wheel}`],
        { env: toolsEnv }
      ).seconds
      wheels.push(...fs.readdirSync(`${dir}/repaired`))
    }
    return { seconds: seconds.build + seconds.repair, parts: seconds, wheels: wheels.sort() }
  }

  // 1. Overhead rounds: each in another order, so that a drift in the
  //    machine's speed does not always land on the same side.
  const kinds = {
    raw: async () => raw('raw'),
    kept: () => wheelwright('kept', ['--parallel', '1', '--cache=false']),
    fresh: async () => {
      fs.rmSync(path.join(cacheDir, 'venvs'), { recursive: true, force: true })
      return wheelwright('fresh', ['--parallel', '1', '--cache=false'])
    }
  }
  const order0 = smoke ? ['raw', 'kept'] : ['raw', 'kept', 'fresh']
  const rounds = []
  for (let i = 0; i < repeat; i++) {
    const order = [...order0.slice(i % order0.length), ...order0.slice(0, i % order0.length)]
    const round = { busyBefore: {} }
    for (const kind of order) {
      round.busyBefore[kind] = await settle(settleSeconds)
      const before = cpuSnapshot()
      const result = await kinds[kind]()
      round[kind] = { ...result, ...cpuBetween(before, cpuSnapshot(), result.seconds) }
    }
    for (const kind of order0.filter(k => k !== 'raw'))
      if (JSON.stringify(round[kind].wheels) !== JSON.stringify(round.raw.wheels))
        throw new Error(
          `wheelwright (${kind}) made other wheels than the raw commands:\n  ${round[kind].wheels.join('\n  ')}\nagainst\n  ${round.raw.wheels.join('\n  ')}`
        )
    const shown = k =>
      `${k} ${round[k].seconds.toFixed(1)} s (CPU ${round[k].cpuSeconds?.toFixed(1)} s, others ${((round[k].othersShare ?? 0) * 100).toFixed(0)}%)`
    const ratios = order0
      .filter(k => k !== 'raw')
      .map(k => `${k} ${(round[k].seconds / round.raw.seconds).toFixed(3)}`)
    console.error(`round ${i + 1}/${repeat}: ${order0.map(shown).join(', ')}; ${ratios.join(', ')}`)
    rounds.push(round)
  }
  const ratiosOf = kind => rounds.map(r => r[kind].seconds / r.raw.seconds)
  const cpuRatiosOf = kind => rounds.map(r => r[kind].cpuSeconds / r.raw.cpuSeconds)
  const figures = kind => ({
    ratio: median(ratiosOf(kind)),
    runs: ratiosOf(kind),
    cpuRatio: median(cpuRatiosOf(kind)),
    cpuRuns: cpuRatiosOf(kind)
  })
  const overhead = median(ratiosOf('kept'))
  // Where the time went, in the round whose ratio is the median.
  const middle = rounds[ratiosOf('kept').indexOf(overhead)]
  const stepsOf = result => {
    const steps = stepSeconds(result.events)
    const inSteps = Object.values(steps).reduce((a, b) => a + b, 0)
    const usage = result.events.find(e => e.event === 'usage')
    return {
      steps,
      toFirstBuildCommand: firstBuildStep(result.events),
      afterLastStep: result.seconds - lastStepEnd(result.events),
      outsideSteps: result.seconds - inSteps,
      ownCpuSeconds: usage ? usage.cpuMs / 1000 : undefined
    }
  }
  const results = {
    interpreters: pythons.map(p => `3.${p.minor}`),
    generatedFunctions: functions,
    rounds: repeat,
    overhead: {
      keptVenvs: figures('kept'),
      ...(smoke ? {} : { freshVenvs: figures('fresh') }),
      seconds: Object.fromEntries(order0.map(k => [k, rounds.map(r => r[k].seconds)])),
      cpuSeconds: Object.fromEntries(order0.map(k => [k, rounds.map(r => r[k].cpuSeconds)])),
      // The share of the cores other work kept busy: just before, and during, each run.
      busyBefore: Object.fromEntries(order0.map(k => [k, rounds.map(r => r.busyBefore[k])])),
      othersDuring: Object.fromEntries(order0.map(k => [k, rounds.map(r => r[k].othersShare)])),
      raw: middle.raw.parts,
      wheelwright: stepsOf(middle.kept),
      ...(smoke ? {} : { wheelwrightFreshVenvs: stepsOf(middle.fresh) })
    }
  }
  if (smoke) return results

  // 2. Parallel speedup, wheel cache off.
  await settle(settleSeconds)
  const parallel = (await wheelwright('parallel', ['--parallel', 'auto', '--cache=false'])).seconds
  // 3. Cold, then warm, with the wheel cache.
  fs.rmSync(path.join(cacheDir, 'wheels'), { recursive: true, force: true })
  await settle(settleSeconds)
  const cold = (await wheelwright('cold', ['--parallel', 'auto'])).seconds
  const warm = (await wheelwright('warm', ['--parallel', 'auto'])).seconds
  // 4. Start-up.
  const nodeTimes = []
  for (let i = 0; i < 9; i++) nodeTimes.push(timed([process.execPath, '-e', '0']).seconds * 1000)
  const planTimes = []
  for (let i = 0; i < 9; i++)
    planTimes.push(
      timed([process.execPath, cli, 'plan', project, '--print-identifiers']).seconds * 1000
    )
  const sequential = median(results.overhead.seconds.kept)
  return {
    ...results,
    seconds: { raw: median(results.overhead.seconds.raw), sequential, parallel, cold, warm },
    ratios: {
      overhead,
      overheadFreshVenvs: results.overhead.freshVenvs.ratio,
      parallelSpeedup: sequential / parallel,
      warmOverCold: warm / cold
    },
    startup: {
      planMs: median(planTimes),
      nodeStartMs: median(nodeTimes),
      firstBuildCommandMs: results.overhead.wheelwright.toFirstBuildCommand * 1000
    },
    targets: {
      overhead: '<= 1.10',
      parallelSpeedup: '>= 1.8',
      warmOverCold: '<= 0.05',
      planMs: '<= 150'
    }
  }
}
