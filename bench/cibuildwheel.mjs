// wheelwright against cibuildwheel, side by side in one run (see README, "Benchmark").
// Both build the same generated project with the same CIBW_* configuration in
// container mode under podman, in the same multi-CPython image (from
// scripts/test-env.sh), four identifiers (cp310-cp313 manylinux_x86_64), wheel
// cache off, with a test command. cibuildwheel (pinned, in the benchmark's own
// venv under bench/work) builds sequentially; wheelwright runs with
// `--parallel auto` and `--parallel 1`. Both must give the same wheel names and
// run the test for every identifier, or the benchmark fails.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { generateProject } from './heavy-project.mjs'
import { lastStepEnd, runWheelwright, stepSeconds, wheelsOf } from './events.mjs'
import { median, settle } from './machine.mjs'

export const CIBUILDWHEEL_PIN = 'cibuildwheel==4.3.5'
export const VERSIONS = ['310', '311', '312', '313']
export const MARKER = 'bench-tested'

/** A project with one trivial C function: the build is all overhead. */
export function generateTinyProject(dir) {
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true })
  fs.writeFileSync(
    path.join(dir, 'pyproject.toml'),
    [
      '[build-system]',
      'requires = ["setuptools>=64"]',
      'build-backend = "setuptools.build_meta"',
      '',
      '[project]',
      'name = "tiny-bench"',
      'version = "1.0.0"',
      '',
      '[tool.setuptools]',
      'ext-modules = [{ name = "tiny", sources = ["src/tiny.c"] }]',
      ''
    ].join('\n')
  )
  fs.writeFileSync(
    path.join(dir, 'src', 'tiny.c'),
    [
      '#include <Python.h>',
      'static PyObject *answer(PyObject *self, PyObject *unused) { return PyLong_FromLong(42); }',
      'static PyMethodDef methods[] = {{"answer", answer, METH_NOARGS, "42"}, {NULL, NULL, 0, NULL}};',
      'static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "tiny", NULL, -1, methods};',
      'PyMODINIT_FUNC PyInit_tiny(void) { return PyModule_Create(&module); }',
      ''
    ].join('\n')
  )
  return dir
}

/**
 * One configuration for both tools, in the variables both read: the
 * identifiers of `versions` in `image` under podman, and a test command that
 * imports `imports` (Python, after `import sys, `) and prints the marker.
 * The runner's and the Actions cache's variables of this process are dropped.
 */
export function toolEnv(image, versions, imports) {
  const own = /^(CIBW_|ACTIONS_|GITHUB_)/
  return {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !own.test(k))),
    SOURCE_DATE_EPOCH: '1700000000',
    CIBW_BUILD: versions.map(v => `cp${v}-*`).join(' '),
    CIBW_SKIP: '*-musllinux_*',
    CIBW_CONTAINER_ENGINE: 'podman',
    CIBW_MANYLINUX_X86_64_IMAGE: image,
    CIBW_TEST_COMMAND: `python -c "import sys, ${imports}; print('${MARKER}', sys.implementation.cache_tag)"`
  }
}

/** The multi-CPython image: --image, $WHEELWRIGHT_TEST_MULTI_IMAGE or scripts/test-env.sh's env file. */
export function multiImage(argv) {
  const flag = argv.indexOf('--image')
  if (flag >= 0 && argv[flag + 1]) return argv[flag + 1]
  if (process.env.WHEELWRIGHT_TEST_MULTI_IMAGE) return process.env.WHEELWRIGHT_TEST_MULTI_IMAGE
  const state =
    process.env.WHEELWRIGHT_TEST_HOME ?? path.join(os.homedir(), '.cache', 'wheelwright-test')
  const file = path.join(state, 'env')
  const line = fs.existsSync(file)
    ? fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .find(l => l.startsWith('WHEELWRIGHT_TEST_MULTI_IMAGE='))
    : undefined
  if (!line)
    throw new Error(
      'WHEELWRIGHT_TEST_MULTI_IMAGE is not set: run scripts/test-env.sh first (or pass --image)'
    )
  return line.slice(line.indexOf('=') + 1)
}

function check(argv, options = {}) {
  const result = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', ...options })
  if (result.status !== 0)
    throw new Error(
      `${argv.join(' ')} failed (${result.status})\n${result.stdout}\n${result.stderr}`
    )
  return result.stdout
}

/** bench/work/venv-cibuildwheel with the pinned cibuildwheel; reused while it has that version. */
export function ensureCibuildwheel(work) {
  const venv = path.join(work, 'venv-cibuildwheel')
  const exe = path.join(venv, 'bin', 'cibuildwheel')
  const version = CIBUILDWHEEL_PIN.split('==')[1]
  const venvPython = path.join(venv, 'bin', 'python')
  const have = fs.existsSync(exe)
    ? spawnSync(
        venvPython,
        ['-c', 'import importlib.metadata as m; print(m.version("cibuildwheel"))'],
        { encoding: 'utf8' }
      ).stdout.trim()
    : ''
  if (have === version) return exe
  const python = process.env.PYTHON ?? 'python3'
  const pyVersion = check([python, '-c', 'import sys; print("%d.%d" % sys.version_info[:2])'])
  if (Number(pyVersion.trim().split('.')[1]) < 11)
    throw new Error(
      `${python} is Python ${pyVersion.trim()}: cibuildwheel needs 3.11+ (set PYTHON)`
    )
  console.error(`benchmark: installing ${CIBUILDWHEEL_PIN} into ${venv}`)
  fs.rmSync(venv, { recursive: true, force: true })
  check([python, '-m', 'venv', venv])
  check([venvPython, '-m', 'pip', 'install', '-q', '--disable-pip-version-check', CIBUILDWHEEL_PIN])
  return exe
}

/** Runs argv to the end, noting when each output line arrived. Throws unless it exits 0. */
export function runTimed(argv, options) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint()
    const now = () => Number(process.hrtime.bigint() - start) / 1e9
    const child = spawn(argv[0], argv.slice(1), {
      env: options.env,
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const lines = []
    const partial = { stdout: '', stderr: '' }
    for (const stream of ['stdout', 'stderr']) {
      child[stream].setEncoding('utf8')
      child[stream].on('data', chunk => {
        const parts = (partial[stream] + chunk).split('\n')
        partial[stream] = parts.pop()
        for (const text of parts) lines.push({ t: now(), stream, text })
      })
    }
    child.on('error', reject)
    child.on('close', code => {
      const seconds = now()
      for (const stream of ['stdout', 'stderr'])
        if (partial[stream]) lines.push({ t: seconds, stream, text: partial[stream] })
      const text = lines.map(l => l.text).join('\n')
      // Every line with the second it arrived at, for a closer look: <output-dir>.log.
      if (options.log)
        fs.writeFileSync(
          options.log,
          lines.map(l => `${l.t.toFixed(2).padStart(7)} ${l.stream}: ${l.text}`).join('\n') + '\n'
        )
      if (code !== 0) reject(new Error(`${argv.join(' ')} failed (${code})\n${text.slice(-6000)}`))
      else resolve({ seconds, lines, text })
    })
  })
}

/** Sorted wheel file names in dir. */
export const wheelsIn = dir =>
  fs
    .readdirSync(dir)
    .filter(f => f.endsWith('.whl'))
    .sort()

/** The test-command marker lines: which interpreters ran the test. */
export const testedTags = text =>
  [...new Set([...text.matchAll(new RegExp(`^${MARKER} (\\S+)$`, 'gm'))].map(m => m[1]))].sort()

/**
 * Where wheelwright's time went, from its events: its own step timings (which
 * include the engine's exec), summed over identifiers, plus the time to its
 * first step (start-up, container create, start, copy-in) and after its last
 * one (copying wheels, removing the container).
 */
function wheelwrightSteps(run) {
  const first = run.events.find(e => e.event === 'step-started' && e.identifier !== 'setup')
  return {
    'to the first step': first?.at,
    ...stepSeconds(run.events),
    'after the last step': run.seconds - lastStepEnd(run.events)
  }
}

/** cibuildwheel's own step timings (a step header line, then `✓ X.XXs`), summed over identifiers. */
function cibuildwheelSteps(run) {
  const steps = {}
  let current
  for (const { text } of run.lines) {
    const header = /^([A-Z][\w ]+?)(?: [\w./:@-]+)?\.\.\.$/.exec(text)
    if (header && !text.startsWith('info:')) current = header[1]
    const done = /^\s+✓ ([\d.]+)s$/.exec(text)
    if (done && current) {
      steps[current] = (steps[current] ?? 0) + Number(done[1])
      current = undefined
    }
  }
  const first = run.lines.find(l => /^Starting container image/.test(l.text))
  return { 'to the container start': first?.t, ...steps }
}

/** Milliseconds one `podman exec <container> true` takes (median of 9), in a container of image. */
function execLatencyMs(image) {
  const name = `wheelwright-bench-probe-${process.pid}`
  check(['podman', 'create', '--name', name, image, 'sleep', '600'])
  try {
    check(['podman', 'start', name])
    const times = []
    for (let i = 0; i < 9; i++) {
      const start = process.hrtime.bigint()
      check(['podman', 'exec', name, 'true'])
      times.push(Number(process.hrtime.bigint() - start) / 1e6)
    }
    return median(times)
  } finally {
    spawnSync('podman', ['rm', '--force', '--time', '0', name])
  }
}

/**
 * Runs the comparison; returns the results object (for bench/results.json)
 * after printing a table.
 */
export async function compareWithCibuildwheel({ work, cli, functions, argv, settleSeconds }) {
  const image = multiImage(argv)
  const repeat = Number(argv[argv.indexOf('--repeat') + 1]) || 1
  const cibuildwheel = ensureCibuildwheel(work)
  const dir = path.join(work, 'cibuildwheel')
  fs.rmSync(dir, { recursive: true, force: true })
  const projects = {
    heavy: generateProject(path.join(dir, 'projects', 'heavy'), functions),
    tiny: generateTinyProject(path.join(dir, 'projects', 'tiny'))
  }
  const modules = { heavy: 'heavy; heavy.run(0.5)', tiny: 'tiny; assert tiny.answer() == 42' }
  const envFor = name => toolEnv(image, VERSIONS, modules[name])
  const wwCache = path.join(dir, 'wheelwright-cache')
  let counter = 0
  const runOurs = (name, parallel) => {
    const out = path.join(dir, 'out', `${name}-wheelwright-${parallel}-${++counter}`)
    return runWheelwright(
      cli,
      [
        'build',
        projects[name],
        '--platform',
        'linux',
        '--container',
        'on',
        '--cache=false',
        '--cache-dir',
        wwCache,
        '--parallel',
        parallel,
        '--output-dir',
        out
      ],
      // From the project, as cibuildwheel runs: the project dir is what is copied in.
      { env: envFor(name), cwd: projects[name], log: `${out}.events.jsonl` }
    ).then(run => ({
      ...run,
      out,
      // What the test command printed: the step output of every test step.
      text: run.events
        .filter(e => e.event === 'step-output')
        .map(e => e.text)
        .join('\n'),
      wheels: wheelsOf(run.events)
    }))
  }
  const runCibuildwheel = name => {
    const out = path.join(dir, 'out', `${name}-cibuildwheel-${++counter}`)
    // From inside the project directory, as its documentation says.
    return runTimed([cibuildwheel, '--platform', 'linux', '--output-dir', out], {
      env: envFor(name),
      cwd: projects[name],
      log: `${out}.log`
    }).then(run => ({ ...run, out }))
  }
  const want = VERSIONS.map(v => `cpython-${v}`)
  const verify = (label, run) => {
    const tested = testedTags(run.text)
    if (JSON.stringify(tested) !== JSON.stringify(want))
      throw new Error(`${label}: the test ran for [${tested}], not for [${want}]`)
    return wheelsIn(run.out)
  }

  console.error(
    `benchmark: wheelwright against ${CIBUILDWHEEL_PIN} in ${image}, ${VERSIONS.length} identifiers, ${os.availableParallelism()} cores, podman`
  )
  // Untimed: the image into the page cache, wheelwright's download cache
  // (pip's, mounted into its containers; cibuildwheel has none) filled.
  await runOurs('tiny', 'auto')
  await runCibuildwheel('tiny')

  const results = {}
  let tinySteps
  for (const name of ['heavy', 'tiny']) {
    const seconds = { auto: [], sequential: [], cibuildwheel: [] }
    // The share of the cores other work kept busy right before each run.
    const busyBefore = { auto: [], sequential: [], cibuildwheel: [] }
    let wheels
    for (let i = 0; i < repeat; i++) {
      console.error(`benchmark: ${name} project, round ${i + 1}/${repeat}`)
      // Each round in another order, so that a drift in the machine's speed
      // does not always land on the same side.
      const runs = {
        auto: () => runOurs(name, 'auto'),
        sequential: () => runOurs(name, '1'),
        cibw: () => runCibuildwheel(name)
      }
      const order = Object.keys(runs)
      for (let k = 0; k < i % order.length; k++) order.push(order.shift())
      const done = {}
      const busy = {}
      for (const key of order) {
        busy[key] = await settle(settleSeconds)
        done[key] = await runs[key]()
      }
      const { auto, sequential, cibw } = done
      const names = {
        'wheelwright --parallel auto': verify(`${name}: wheelwright --parallel auto`, auto),
        'wheelwright --parallel 1': verify(`${name}: wheelwright --parallel 1`, sequential),
        cibuildwheel: verify(`${name}: cibuildwheel`, cibw)
      }
      wheels = names.cibuildwheel
      if (wheels.length !== VERSIONS.length)
        throw new Error(`${name}: cibuildwheel gave ${wheels.length} wheels: ${wheels}`)
      for (const [label, list] of Object.entries(names))
        if (JSON.stringify(list) !== JSON.stringify(wheels))
          throw new Error(
            `${name}: ${label} gave other wheels than cibuildwheel:\n  ${list.join('\n  ')}\nagainst\n  ${wheels.join('\n  ')}`
          )
      seconds.auto.push(auto.seconds)
      seconds.sequential.push(sequential.seconds)
      seconds.cibuildwheel.push(cibw.seconds)
      busyBefore.auto.push(busy.auto)
      busyBefore.sequential.push(busy.sequential)
      busyBefore.cibuildwheel.push(busy.cibw)
      if (name === 'tiny' && i === 0)
        tinySteps = {
          wheelwright: wheelwrightSteps(sequential),
          cibuildwheel: cibuildwheelSteps(cibw)
        }
    }
    const s = {
      wheelwrightAuto: median(seconds.auto),
      wheelwrightSequential: median(seconds.sequential),
      cibuildwheel: median(seconds.cibuildwheel)
    }
    results[name] = {
      seconds: s,
      runs: seconds,
      busyBefore,
      ratios: {
        parallelAuto: s.wheelwrightAuto / s.cibuildwheel,
        parallel1: s.wheelwrightSequential / s.cibuildwheel
      },
      wheels
    }
  }

  const summary = {
    date: new Date().toISOString(),
    podmanExecMs: execLatencyMs(image),
    cibuildwheel: CIBUILDWHEEL_PIN.split('==')[1],
    image,
    engine: 'podman',
    identifiers: VERSIONS.map(v => `cp${v}-manylinux_x86_64`),
    generatedFunctions: functions,
    repeat,
    note: 'wall seconds (median of the rounds); ratio = wheelwright / cibuildwheel, below 1 is faster; wheel cache off',
    projects: results,
    tinyParallel1Steps: tinySteps
  }
  printTable(summary)
  return summary
}

function printTable(summary) {
  // Median, with the range over the rounds when there were several.
  const cell = (median, runs) =>
    runs.length > 1
      ? `${median.toFixed(1)} (${Math.min(...runs).toFixed(1)}-${Math.max(...runs).toFixed(1)})`
      : median.toFixed(1)
  const rows = [['project', 'wheelwright', 'seconds', 'cibuildwheel', 'ratio']]
  for (const [name, r] of Object.entries(summary.projects)) {
    const cibw = cell(r.seconds.cibuildwheel, r.runs.cibuildwheel)
    rows.push([
      name,
      '--parallel auto',
      cell(r.seconds.wheelwrightAuto, r.runs.auto),
      cibw,
      r.ratios.parallelAuto.toFixed(2)
    ])
    rows.push([
      name,
      '--parallel 1',
      cell(r.seconds.wheelwrightSequential, r.runs.sequential),
      cibw,
      r.ratios.parallel1.toFixed(2)
    ])
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map(r => r[i].length)))
  for (const row of rows) console.log(row.map((c, i) => c.padEnd(widths[i])).join('  '))
  const fmt = steps =>
    Object.entries(steps ?? {})
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
      .join(', ')
  console.log(`one \`podman exec\`: ${summary.podmanExecMs.toFixed(0)} ms`)
  console.log(`tiny, --parallel 1, seconds summed over identifiers:`)
  console.log(`  wheelwright: ${fmt(summary.tinyParallel1Steps?.wheelwright)}`)
  console.log(`  cibuildwheel: ${fmt(summary.tinyParallel1Steps?.cibuildwheel)}`)
}
