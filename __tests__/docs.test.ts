/**
 * action.yml and the README tables are generated from src/options/inputs.ts
 * (scripts/gen-docs.mjs). These tests parse both files on their own and fail
 * when either disagrees with INPUTS/OUTPUTS or with the other.
 */
import { describe, expect, it } from '@jest/globals'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { INPUTS, OUTPUTS } from '../src/options/inputs.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const read = (name: string): string => fs.readFileSync(path.join(ROOT, name), 'utf8')

type YamlMap = Map<string, string | YamlMap>

/** A YAML flow scalar: plain, 'single' (with '') or "double" (with \ escapes). */
function scalar(text: string, where: string): string {
  if (text.startsWith("'")) {
    if (!/^'(?:[^']|'')*'$/.test(text)) throw new Error(`${where}: bad single-quoted string`)
    return text.slice(1, -1).replace(/''/g, "'")
  }
  if (text.startsWith('"')) return JSON.parse(text) as string
  return text
}

/**
 * Just enough YAML for what the generator writes: nested block mappings of
 * `key: scalar` lines, two spaces per level, full-line comments.
 */
function parseYaml(text: string): YamlMap {
  const root: YamlMap = new Map()
  const stack: { indent: number; map: YamlMap }[] = [{ indent: -1, map: root }]
  text.split('\n').forEach((line, index) => {
    const where = `action.yml:${index + 1}`
    if (line.trim() === '' || line.trimStart().startsWith('#')) return
    const match = /^( *)([A-Za-z0-9_-]+):(?: (.*))?$/.exec(line)
    if (!match) throw new Error(`${where}: cannot parse ${JSON.stringify(line)}`)
    const indent = match[1].length
    while (stack.length > 1 && indent <= stack[stack.length - 1].indent) stack.pop()
    const parent = stack[stack.length - 1].map
    if (parent.has(match[2])) throw new Error(`${where}: duplicate key ${match[2]}`)
    if (match[3] === undefined || match[3] === '') {
      const child: YamlMap = new Map()
      parent.set(match[2], child)
      stack.push({ indent, map: child })
    } else {
      parent.set(match[2], scalar(match[3], where))
    }
  })
  return root
}

function mapAt(map: YamlMap, key: string): YamlMap {
  const value = map.get(key)
  if (!(value instanceof Map)) throw new Error(`action.yml: ${key} is not a mapping`)
  return value
}

function stringAt(map: YamlMap, key: string): string | undefined {
  const value = map.get(key)
  return typeof value === 'string' ? value : undefined
}

/** GitHub evaluates `${{ }}` in action.yml descriptions, so the generator drops the braces. */
const withoutExpressions = (text: string): string =>
  text.replace(/\$\{\{\s*([\s\S]*?)\s*\}\}/g, '$1')

/** Rows of the Markdown table between `<!-- NAME:start -->` and `<!-- NAME:end -->`. */
function tableRows(markdown: string, name: string): string[][] {
  const start = markdown.indexOf(`<!-- ${name}:start -->`)
  const end = markdown.indexOf(`<!-- ${name}:end -->`)
  if (start < 0 || end < start) throw new Error(`README.md has no ${name} markers`)
  const lines = markdown
    .slice(start, end)
    .split('\n')
    .filter(l => l.startsWith('|'))
  // Skip the header and the |---| line; split on | not preceded by a backslash.
  return lines.slice(2).map(line =>
    line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map(c => c.trim().replace(/\\\|/g, '|'))
  )
}

const unquoteCode = (cell: string): string => cell.replace(/^`(.*)`$/, '$1')

const actionInputs = INPUTS.filter(i => !i.cliOnly)
const action = parseYaml(read('action.yml'))
const readme = read('README.md')

describe('action.yml', () => {
  it('has no ${{ }} expression, which would stop GitHub from loading it', () => {
    expect(read('action.yml')).not.toContain('${{')
  })

  it('declares exactly the action inputs, in order, with their defaults and descriptions', () => {
    const inputs = mapAt(action, 'inputs')
    expect([...inputs.keys()]).toEqual(actionInputs.map(i => i.name))
    for (const spec of actionInputs) {
      const entry = mapAt(inputs, spec.name)
      const literal = spec.actionDefault ?? ''
      const suffix = spec.default !== literal ? ` Default: ${spec.default}.` : ''
      expect({ name: spec.name, ...Object.fromEntries(entry) }).toEqual({
        name: spec.name,
        description: withoutExpressions(spec.description + suffix),
        required: 'false',
        default: literal
      })
    }
  })

  it('leaves the CLI-only flags out', () => {
    const names = [...mapAt(action, 'inputs').keys()]
    for (const spec of INPUTS.filter(i => i.cliOnly)) expect(names).not.toContain(spec.name)
  })

  it('runs dist/index.js on node24 and declares every output', () => {
    const runs = mapAt(action, 'runs')
    expect(stringAt(runs, 'using')).toBe('node24')
    expect(stringAt(runs, 'main')).toBe('dist/index.js')
    const outputs = mapAt(action, 'outputs')
    expect([...outputs.keys()]).toEqual(OUTPUTS.map(o => o.name))
    for (const output of OUTPUTS) {
      expect(stringAt(mapAt(outputs, output.name), 'description')).toBe(
        withoutExpressions(output.description)
      )
    }
  })

  it('has a name, a description and branding', () => {
    expect(stringAt(action, 'name')).toBe('wheelwright')
    expect(stringAt(action, 'description')).toBeTruthy()
    const branding = mapAt(action, 'branding')
    expect(stringAt(branding, 'icon')).toBe('package')
    expect(stringAt(branding, 'color')).toBe('orange')
  })
})

describe('README.md', () => {
  const inputRows = tableRows(readme, 'inputs')

  it('lists the same inputs with the same effective defaults as action.yml', () => {
    const inputs = mapAt(action, 'inputs')
    const fromAction = [...inputs.entries()].map(([name, value]) => {
      const entry = value as YamlMap
      // action.yml states the effective default in the description when its own is a placeholder.
      const stated = / Default: (.*)\.$/.exec(stringAt(entry, 'description') ?? '')
      return [name, stated ? stated[1] : (stringAt(entry, 'default') ?? '')]
    })
    const fromReadme = inputRows.map(([name, effective]) => [
      unquoteCode(name),
      unquoteCode(effective)
    ])
    expect(fromReadme).toEqual(fromAction)
  })

  it('matches INPUTS: names, effective defaults and descriptions', () => {
    expect(inputRows.map(r => r.length)).toEqual(actionInputs.map(() => 3))
    expect(
      inputRows.map(([name, effective, description]) => [
        unquoteCode(name),
        unquoteCode(effective),
        description
      ])
    ).toEqual(actionInputs.map(i => [i.name, i.default, i.description]))
  })

  it('lists the outputs of action.yml and OUTPUTS', () => {
    const rows = tableRows(readme, 'outputs')
    const names = rows.map(([name]) => unquoteCode(name))
    expect(names).toEqual([...mapAt(action, 'outputs').keys()])
    expect(rows.map(([name, description]) => [unquoteCode(name), description])).toEqual(
      OUTPUTS.map(o => [o.name, o.description])
    )
  })

  it('has a migrating table of every input another action also has, and what it means here', () => {
    const rows = tableRows(readme, 'migrating')
    const actions = [...new Set(INPUTS.flatMap(i => i.from ?? []))].sort()
    expect(actions).toEqual([
      'actions/upload-artifact',
      'pypa/cibuildwheel',
      'pypa/gh-action-pypi-publish'
    ])
    expect(rows.map(([action, input]) => [action, unquoteCode(input)])).toEqual(
      actions.flatMap(action =>
        INPUTS.filter(i => i.from?.includes(action)).map(i => [action, i.name])
      )
    )
    for (const [, input, meaning] of rows) {
      const spec = INPUTS.find(i => i.name === unquoteCode(input))!
      if (spec.aliasOf) expect(meaning).toBe(`read as \`${spec.aliasOf}\``)
      else if (spec.noEffect) expect(meaning).toContain('no effect')
      else expect(meaning).toBe(`the same input: ${spec.description}`)
    }
  })

  it('starts with the two quick-start commands in one shell block', () => {
    const head = readme.split('\n').slice(0, 40).join('\n')
    const blocks = [...head.matchAll(/^```[a-z]*\n([\s\S]*?)^```$/gm)].map(m => m[1].trim())
    expect(blocks).toContain(
      [
        'npm ci && npm run bundle && node dist/cli.js build examples/ --container off',
        'npm test'
      ].join('\n')
    )
  })

  it('has its test command run by CI (.ci/run calls npm test)', () => {
    const file = path.join(ROOT, '.ci', 'run')
    if (!fs.existsSync(file)) throw new Error('.ci/run does not exist; it must call `npm test`')
    expect(fs.readFileSync(file, 'utf8')).toMatch(/(^|[\s;&|(])npm test(\s|$)/m)
  })

  it('has the benchmark smoke round run by CI (.ci/run)', () => {
    expect(fs.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8')).toMatch(
      /^node bench\/run\.mjs --smoke$/m
    )
  })
})

describe('the benchmark figures in README.md', () => {
  const results = JSON.parse(read('bench/results.json'))
  /** The text between a pair of markers. */
  const block = (name: string) =>
    readme.slice(readme.indexOf(`<!-- ${name}:start -->`), readme.indexOf(`<!-- ${name}:end -->`))

  it('are those of bench/results.json, with where and when they were measured', () => {
    const host = results.host
    const text = block('bench-host')
    for (const part of [
      host.date.slice(0, 10),
      `commit \`${host.commit}\``,
      host.machine.cpu,
      `${host.machine.cores} cores`,
      host.overhead.keptVenvs.ratio.toFixed(3),
      host.overhead.freshVenvs.ratio.toFixed(3),
      `${host.ratios.parallelSpeedup.toFixed(2)}×`,
      host.ratios.warmOverCold.toFixed(3),
      `${host.startup.planMs.toFixed(0)} ms`,
      `${host.overhead.raw.build.toFixed(1)} s`,
      `${host.overhead.wheelwright.steps.build.toFixed(1)} s`
    ])
      expect(text).toContain(part)
    const compared = block('bench-cibuildwheel')
    expect(compared).toContain(results.againstCibuildwheel.date.slice(0, 10))
    for (const project of Object.values(results.againstCibuildwheel.projects) as {
      ratios: { parallelAuto: number; parallel1: number }
    }[])
      for (const value of [project.ratios.parallelAuto, project.ratios.parallel1])
        expect(compared).toContain(` ${value.toFixed(2)} |`)
  })

  it('show the compiler cache figures and hits of bench/results.json', () => {
    const c = results.compilerCache
    const text = block('bench-compiler-cache')
    for (const part of [
      c.date.slice(0, 10),
      `commit \`${c.commit}\``,
      `${c.units} units`,
      ...Object.values(c.ratios as Record<string, number>).map(r => ` ${r.toFixed(3)} |`),
      ...Object.values(c.seconds as Record<string, number>).map(v => `${v.toFixed(1)} s`)
    ])
      expect(text).toContain(part)
    const cold = c.compilerCache.cold as Record<string, { hits: number; misses: number }>
    const id = c.identifiers[0] as string
    expect(text).toContain(`${cold[id].hits} / ${cold[id].hits + cold[id].misses}`)
  })
})
