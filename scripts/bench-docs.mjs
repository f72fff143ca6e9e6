// The README's benchmark figures, generated from bench/results.json (written
// by `npm run bench`) by scripts/gen-docs.mjs: each table says the machine,
// the date and the commit it was measured on.

const ratio = (value, digits = 3) => value.toFixed(digits)
const seconds = value => (value === undefined ? '–' : `${value.toFixed(1)} s`)
const range = runs =>
  runs.length > 1
    ? ` (${Math.min(...runs).toFixed(3)}–${Math.max(...runs).toFixed(3)} over ${runs.length} rounds)`
    : ''
const day = iso => iso.slice(0, 10)
/** The range of the shares other work kept busy, over every run of the rounds. */
const share = byKind => {
  const all = Object.values(byKind).flat().filter(Number.isFinite)
  const pct = v => `${Math.round(v * 100)}%`
  return `${pct(Math.min(...all))}–${pct(Math.max(...all))}`
}

/** One line: where and when a part of the benchmark ran. */
function provenance(part) {
  const m = part.machine
  const machine = m
    ? `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node.js ${m.node.replace(/^v/, '')}`
    : 'machine not recorded'
  const commit = part.commit
    ? `commit \`${part.commit}\`${part.dirty ? ' with uncommitted changes' : ''}`
    : 'commit not recorded'
  return `Measured on ${day(part.date)}, ${commit}; ${machine}.`
}

function required(results, key) {
  const part = results[key]
  if (!part) throw new Error(`bench/results.json has no \`${key}\` part: run \`npm run bench\``)
  return part
}

/** The host-mode figures: overhead, where the time goes, speedup, cache, start-up. */
export function renderBenchHost(results) {
  const host = required(results, 'host')
  const o = host.overhead
  const versions = host.interpreters
  const cpu = figures =>
    figures.cpuRatio === undefined
      ? ''
      : `; CPU time ${ratio(figures.cpuRatio)}${range(figures.cpuRuns)}`
  const rows = [
    [
      'overhead: `parallel: 1` ÷ the raw commands, wall time, kept build venvs',
      `${ratio(o.keptVenvs.ratio)}${range(o.keptVenvs.runs)}${cpu(o.keptVenvs)}`,
      `≤ ${host.targets.overhead.replace(/^<= /, '')}`
    ],
    [
      'overhead, build venvs made in the run (what `cache: false` would cost if it dropped them)',
      `${ratio(o.freshVenvs.ratio)}${range(o.freshVenvs.runs)}${cpu(o.freshVenvs)}`,
      ''
    ],
    [
      'parallel speedup (`parallel: 1` ÷ `parallel: auto`)',
      `${ratio(host.ratios.parallelSpeedup, 2)}×`,
      '≥ 1.8×'
    ],
    [
      'warm ÷ cold (an unchanged re-run with the wheel cache)',
      ratio(host.ratios.warmOverCold),
      '≤ 0.05'
    ],
    [
      '`plan` wall time',
      `${host.startup.planMs.toFixed(0)} ms (Node.js alone: ${host.startup.nodeStartMs.toFixed(0)} ms)`,
      '≤ 150 ms'
    ],
    ['time to the first build command', `${host.startup.firstBuildCommandMs.toFixed(0)} ms`, '']
  ]
  const kept = o.wheelwright
  const fresh = o.wheelwrightFreshVenvs
  const step = (figures, ...names) => {
    const found = names.filter(n => figures.steps[n] !== undefined)
    return found.length === 0 ? undefined : found.reduce((sum, n) => sum + figures.steps[n], 0)
  }
  const setupOf = figures =>
    Object.entries(figures.steps)
      .filter(([name]) => name.startsWith('setup:'))
      .reduce((sum, [, value]) => sum + value, 0)
  const wall = kind => o.seconds[kind][o.keptVenvs.runs.indexOf(o.keptVenvs.ratio)]
  const steps = [
    ['build (`python -m build --wheel`)', o.raw.build, step(kept, 'build'), step(fresh, 'build')],
    ['repair (`auditwheel repair`)', o.raw.repair, step(kept, 'repair'), step(fresh, 'repair')],
    ['copy of the project (`prepare`)', undefined, step(kept, 'prepare'), step(fresh, 'prepare')],
    [
      'check of the kept build venv',
      undefined,
      step(kept, 'venv-check'),
      step(fresh, 'venv-check')
    ],
    [
      'build venv and frontend (`venv`, `install-frontend`, `venv-ready`)',
      undefined,
      step(kept, 'venv', 'install-frontend', 'venv-ready'),
      step(fresh, 'venv', 'install-frontend', 'venv-ready')
    ],
    ['group setup (tools venv check, constraints)', undefined, setupOf(kept), setupOf(fresh)],
    [
      'outside the steps (start-up, finding interpreters, planning, placing wheels)',
      undefined,
      kept.outsideSteps,
      fresh.outsideSteps
    ],
    ['wall time', wall('raw'), wall('kept'), wall('fresh')]
  ]
  return [
    `${provenance(host)} CPython ${versions[0]}–${versions.at(-1)}, ${host.generatedFunctions} generated functions, ${host.rounds} rounds; overhead is the median round, each round in another order.`,
    '',
    '| figure | measured | target |',
    '| --- | --- | --- |',
    ...rows.map(r => `| ${r.join(' | ')} |`),
    '',
    `Where the time goes in the median round, in seconds summed over the ${versions.length} identifiers (wheelwright's own step times, from its \`--log-format json\` events):`,
    '',
    '| | raw commands | wheelwright, kept venvs | wheelwright, venvs made in the run |',
    '| --- | --- | --- | --- |',
    ...steps.map(([name, ...cells]) => `| ${name} | ${cells.map(seconds).join(' | ')} |`),
    '',
    `wheelwright's own process used ${kept.ownCpuSeconds.toFixed(2)} s of CPU in that run (options, plan, reading the output of the steps), beside the steps it ran.`,
    ...(o.othersDuring
      ? [
          '',
          `Other work on the machine kept ${share(o.othersDuring)} of its cores busy during the runs; the CPU-time ratio (the process trees' user and system time) is the figure it moves least.`
        ]
      : [])
  ].join('\n')
}

/** wheelwright against cibuildwheel in containers. */
export function renderBenchCibuildwheel(results) {
  const c = required(results, 'againstCibuildwheel')
  const cell = (median, runs) =>
    runs.length > 1
      ? `${median.toFixed(1)} s (${Math.min(...runs).toFixed(1)}–${Math.max(...runs).toFixed(1)})`
      : `${median.toFixed(1)} s`
  const names = {
    heavy: `compile-heavy (${c.generatedFunctions} functions)`,
    tiny: 'tiny (one C function)'
  }
  const targets = { heavy: '≤ 0.55 / ≤ 0.9', tiny: '≤ 0.35 / ≤ 0.8' }
  const rows = Object.entries(c.projects).map(([name, p]) => [
    names[name] ?? name,
    cell(p.seconds.wheelwrightAuto, p.runs.auto),
    cell(p.seconds.wheelwrightSequential, p.runs.sequential),
    cell(p.seconds.cibuildwheel, p.runs.cibuildwheel),
    p.ratios.parallelAuto.toFixed(2),
    p.ratios.parallel1.toFixed(2),
    targets[name] ?? ''
  ])
  return [
    `${provenance(c)} cibuildwheel ${c.cibuildwheel}, ${c.engine}, median of ${c.repeat} round${c.repeat === 1 ? '' : 's'} (range in brackets); ratio = wheelwright ÷ cibuildwheel, below 1 is faster.`,
    '',
    '| project | wheelwright `parallel: auto` | wheelwright `parallel: 1` | cibuildwheel | ratio auto | ratio 1 | target auto / 1 |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(r => `| ${r.join(' | ')} |`)
  ].join('\n')
}

const BACKEND_NAMES = { cmake: 'scikit-build-core and CMake', setuptools: 'setuptools' }

/** The compiler cache: cold against cibuildwheel, a one-unit edit, the Actions cache path. */
export function renderBenchCompilerCache(results) {
  const c = required(results, 'compilerCache')
  const s = c.seconds
  const rows = [
    [
      'cold: wheelwright, compiler cache empty ÷ cibuildwheel',
      seconds(s.cold),
      `${seconds(s.cibuildwheel)} (cibuildwheel)`,
      ratio(c.ratios.coldOverCibuildwheel),
      '≤ 0.35'
    ],
    [
      'one unit edited: the wheel cache misses, the compiler cache is warm ÷ the cold run',
      seconds(s.oneFileEdit),
      `${seconds(s.cold)} (cold)`,
      ratio(c.ratios.editOverCold),
      '≤ 0.15'
    ],
    [
      'the Actions cache path: a second job restores the compiler cache, one unit edited ÷ the cold run',
      seconds(s.actionsSecondJob),
      `${seconds(s.cold)} (cold)`,
      ratio(c.ratios.actionsEditOverCold),
      '≤ 0.15'
    ]
  ]
  const runs = {
    cold: 'cold',
    oneFileEdit: 'one unit edited',
    actionsFirstJob: `Actions, first job (cold, saves; ${seconds(s.actionsFirstJob)})`,
    actionsSecondJob: 'Actions, second job (restores, one unit edited)'
  }
  const ids = c.identifiers
  const short = id => id.split('-')[0]
  const cell = counts => (counts ? `${counts.hits} / ${counts.hits + counts.misses}` : '–')
  const hits = Object.entries(runs).map(([key, label]) => {
    const byId = c.compilerCache[key] ?? {}
    const all = Object.values(byId)
    const job = {
      hits: all.reduce((n, x) => n + x.hits, 0),
      misses: all.reduce((n, x) => n + x.misses, 0)
    }
    return [label, ...ids.map(id => cell(byId[id])), cell(job)]
  })
  const stepNames = [
    ...new Set([...Object.keys(c.steps.cold), ...Object.keys(c.steps.oneFileEdit)])
  ]
  const steps = stepNames.map(name => [
    name,
    seconds(c.steps.cold[name]),
    seconds(c.steps.oneFileEdit[name])
  ])
  return [
    `${provenance(c)} cibuildwheel ${c.cibuildwheel}, ${c.engine}, ${ids.length} identifiers (${ids.map(short).join(', ')}), ${c.units} units${c.unitFunctions ? ` of ${c.unitFunctions} functions` : ''} + a binding file${c.backend ? `, built with ${BACKEND_NAMES[c.backend] ?? c.backend}` : ''}, one round; wheelwright with \`parallel: auto\` and sccache, wheel cache off; cibuildwheel sequential, without a compiler cache.`,
    '',
    '| figure | wheelwright | against | ratio | goal |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(r => `| ${r.join(' | ')} |`),
    '',
    "Compiler cache hits / compilations per identifier (from the `build-finished` events; the action's from its step summary):",
    '',
    `| run | ${ids.map(short).join(' | ')} | job |`,
    `| --- | ${ids.map(() => '---').join(' | ')} | --- |`,
    ...hits.map(r => `| ${r.join(' | ')} |`),
    '',
    `Where wheelwright's time goes, in seconds summed over the identifiers (its step times; with \`parallel: auto\` two builds run at once):`,
    '',
    '| step | cold | one unit edited |',
    '| --- | --- | --- |',
    ...steps.map(r => `| ${r.join(' | ')} |`),
    '',
    `Other work on the machine kept this share of its cores busy right before each run (after waiting up to the settle time for it to drop): ${Object.entries(
      c.busyBefore
    )
      .map(([run, busy]) => `${run} ${Math.round(busy * 100)}%`)
      .join(', ')}.`
  ].join('\n')
}
