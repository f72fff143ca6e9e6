/**
 * The shape of src/, checked on every run: folders in layers, no import cycle, small modules, no
 * state held by a module, and no platform name compared outside
 * src/platforms/. The sources are read with the TypeScript compiler's own
 * parser. (eslint-plugin-import's no-cycle would cover the first rule, but it
 * does not support this ESLint major yet, and the other rules need the AST anyway.)
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import ts from 'typescript'
import { ROOT } from './helpers/tools.js'

const SRC = path.join(ROOT, 'src')
/** The one file allowed past the size limit: the table of every input. */
const SIZE_EXCEPTIONS = new Set(['options/inputs.ts'])
const MAX_LINES = 400
/**
 * The one module state allowed: the platform registry, which holds the
 * built-in platforms and any a caller registers (a platform defined elsewhere).
 */
const STATE_EXCEPTIONS = new Set(['platforms/index.ts: REGISTRY (a mutable new Map<Plat…)'])
/**
 * The folders of src/, bottom to top: a folder imports only folders before it
 * here. `entry` stands for the files directly in src/. docs/architecture.md
 * states the same list between its `layers` markers.
 */
const LAYERS = [
  'util',
  'model',
  'report',
  'container',
  'wheel',
  'steps',
  'python',
  'platforms',
  'plan',
  'options',
  'publish',
  'cache',
  'execute',
  'commands',
  'entry'
]

function sourceFiles(dir = SRC): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return entry.name.endsWith('.ts') ? [full] : []
  })
}

const FILES = sourceFiles()
const rel = (file: string) => path.relative(SRC, file).split(path.sep).join('/')
const parsed = new Map(
  FILES.map(file => [
    file,
    ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
  ])
)

/** Every module a file imports (static, type-only and dynamic), as absolute .ts paths. */
export function importsOf(file: string): string[] {
  const found: string[] = []
  const visit = (node: ts.Node) => {
    let specifier: string | undefined
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      specifier = node.moduleSpecifier.text
    if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    )
      specifier = node.arguments[0].text
    if (specifier?.startsWith('.')) {
      const target = path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts'))
      if (target.endsWith('.ts')) found.push(target)
    }
    ts.forEachChild(node, visit)
  }
  visit(parsed.get(file)!)
  return found
}

/**
 * What a file's code needs at run time: its imports and dynamic imports
 * other than type-only ones, relative ones as absolute .ts paths and package
 * ones as written (`node:fs`, `@actions/tool-cache`).
 */
function valueImportsOf(file: string): string[] {
  const found: string[] = []
  const add = (specifier: string) =>
    found.push(
      specifier.startsWith('.')
        ? path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts'))
        : specifier
    )
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause
      const named = clause?.namedBindings
      const typeOnly =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name &&
            !!named &&
            ts.isNamedImports(named) &&
            named.elements.length > 0 &&
            named.elements.every(e => e.isTypeOnly)))
      if (!typeOnly) add(node.moduleSpecifier.text)
    }
    if (
      ts.isExportDeclaration(node) &&
      !node.isTypeOnly &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      add(node.moduleSpecifier.text)
    if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    )
      add(node.arguments[0].text)
    ts.forEachChild(node, visit)
  }
  visit(parsed.get(file)!)
  return found
}

/** Every module the files of `folder` reach through value imports, and who imports each. */
function reachedFrom(folder: string): Map<string, string> {
  const reached = new Map<string, string>()
  const queue = FILES.filter(file => rel(file).startsWith(`${folder}/`))
  for (const file of queue) {
    for (const target of valueImportsOf(file)) {
      const name = path.isAbsolute(target) ? rel(target) : target
      if (reached.has(name)) continue
      reached.set(name, rel(file))
      if (parsed.has(target)) queue.push(target)
    }
  }
  return reached
}

/** Modules that act on the machine: files, processes, the runner's tool cache. */
const EFFECTS = /^(node:)?(fs|child_process)(\/|$)|^@actions\/|^util\/(exec|processes|lock)\.ts$/

/** `options/load.ts` → `options`; a file directly in src/ → `entry`. */
const layerOf = (file: string) => {
  const parts = rel(file).split('/')
  return parts.length > 1 ? parts[0] : 'entry'
}

/** Imports between folders that do not point down `layers`, as `from → to` lines. */
export function upwardImports(graph: Map<string, string[]>, layers: readonly string[]): string[] {
  return [...graph].flatMap(([file, targets]) =>
    targets
      .filter(target => {
        const from = layers.indexOf(layerOf(file))
        const to = layers.indexOf(layerOf(target))
        return layerOf(file) !== layerOf(target) && (from < 0 || to < 0 || to >= from)
      })
      .map(target => `${rel(file)} → ${rel(target)}`)
  )
}

/** Strongly connected components with more than one module, or a module importing itself. */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const result: string[][] = []
  const connect = (v: string) => {
    index.set(v, counter)
    low.set(v, counter++)
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!))
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = []
      let w: string
      do {
        w = stack.pop()!
        onStack.delete(w)
        component.push(rel(w))
      } while (w !== v)
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) result.push(component.sort())
    }
  }
  for (const v of graph.keys()) if (!index.has(v)) connect(v)
  return result
}

/** Top-level declarations that hold state: `let`/`var`, or a mutable Map, Set or array. */
function moduleState(file: string): string[] {
  const found: string[] = []
  for (const statement of parsed.get(file)!.statements) {
    if (!ts.isVariableStatement(statement)) continue
    const list = statement.declarationList
    const isConst = (list.flags & ts.NodeFlags.Const) !== 0
    for (const declaration of list.declarations) {
      const name = declaration.name.getText()
      if (!isConst) {
        found.push(`${rel(file)}: ${name} (let/var)`)
        continue
      }
      const init = declaration.initializer
      const type = declaration.type?.getText() ?? ''
      const mutableCollection =
        init &&
        ((ts.isNewExpression(init) &&
          /^(Map|Set|WeakMap|Array)$/.test(init.expression.getText())) ||
          ts.isArrayLiteralExpression(init))
      // `readonly T[]`, `ReadonlyMap<…>`, `ReadonlySet<…>` (`as const` is readonly too).
      if (mutableCollection && !/^(Readonly|readonly )/.test(type))
        found.push(
          `${rel(file)}: ${name} (a mutable ${init!.getText().slice(0, 12).replace(/\s+/g, ' ')}…)`
        )
    }
  }
  return found
}

/** `x === 'linux'`, `'macos' !== y`, `case 'windows':` */
const PLATFORM_NAMES = ['linux', 'macos', 'windows', 'pyodide', 'ios', 'android']
function platformComparisons(file: string): string[] {
  const found: string[] = []
  const isName = (node: ts.Node) => ts.isStringLiteral(node) && PLATFORM_NAMES.includes(node.text)
  const visit = (node: ts.Node) => {
    if (
      ts.isBinaryExpression(node) &&
      [
        ts.SyntaxKind.EqualsEqualsEqualsToken,
        ts.SyntaxKind.ExclamationEqualsEqualsToken,
        ts.SyntaxKind.EqualsEqualsToken,
        ts.SyntaxKind.ExclamationEqualsToken
      ].includes(node.operatorToken.kind) &&
      (isName(node.left) || isName(node.right))
    )
      found.push(`${rel(file)}: ${node.getText()}`)
    if (ts.isCaseClause(node) && isName(node.expression))
      found.push(`${rel(file)}: case ${node.expression.getText()}`)
    ts.forEachChild(node, visit)
  }
  visit(parsed.get(file)!)
  return found
}

describe('the structure of src/', () => {
  test('no import cycle, type-only and dynamic imports included', () => {
    const graph = new Map(FILES.map(file => [file, importsOf(file).filter(t => parsed.has(t))]))
    expect(cycles(graph)).toEqual([])
  })

  test('a folder imports only the folders below it', () => {
    const graph = new Map(FILES.map(file => [file, importsOf(file).filter(t => parsed.has(t))]))
    expect(upwardImports(graph, LAYERS)).toEqual([])
  })

  test('platforms/ plans without effects: its code reaches no file, process or tool-cache module', () => {
    const effects = [...reachedFrom('platforms')]
      .filter(([name]) => EFFECTS.test(name))
      .map(([name, by]) => `${by} → ${name}`)
    expect(effects).toEqual([])
  })

  test('every folder of src/ has its place in the layers', () => {
    const folders = fs
      .readdirSync(SRC, { withFileTypes: true })
      .filter(e => e.isDirectory())
      .map(e => e.name)
    expect(folders.filter(folder => !LAYERS.includes(folder))).toEqual([])
    expect(folders).not.toContain('entry')
  })

  test('docs/architecture.md states the same layers', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs', 'architecture.md'), 'utf8')
    const stated = /<!-- layers:start -->([\s\S]*?)<!-- layers:end -->/.exec(doc)?.[1] ?? ''
    expect([...stated.matchAll(/^\d+\. `([a-z-]+)`/gm)].map(m => m[1])).toEqual(LAYERS)
  })

  test('every import names a module that exists', () => {
    const missing = FILES.flatMap(file =>
      importsOf(file)
        .filter(target => !target.includes('resources') && !fs.existsSync(target))
        .map(target => `${rel(file)} → ${path.relative(SRC, target)}`)
    )
    expect(missing).toEqual([])
  })

  test(`no module over ${MAX_LINES} lines (the inputs table excepted)`, () => {
    const long = FILES.filter(file => !SIZE_EXCEPTIONS.has(rel(file)))
      .map(file => [rel(file), fs.readFileSync(file, 'utf8').split('\n').length - 1] as const)
      .filter(([, lines]) => lines > MAX_LINES)
    expect(long).toEqual([])
  })

  test('no module holds mutable state at module level (the platform registry excepted)', () => {
    expect(FILES.flatMap(moduleState).filter(found => !STATE_EXCEPTIONS.has(found))).toEqual([])
  })

  test('no platform name is compared outside src/platforms/', () => {
    const outside = FILES.filter(file => !rel(file).startsWith('platforms/'))
    expect(outside.flatMap(platformComparisons)).toEqual([])
  })

  test('a command imports no other command: what two share lives in a layer below', () => {
    const command = (file: string) => rel(file).startsWith('commands/')
    const across = FILES.filter(command).flatMap(file =>
      importsOf(file)
        .filter(command)
        .map(target => `${rel(file)} → ${rel(target)}`)
    )
    expect(across).toEqual([])
  })

  test('a folder is never named like build output', () => {
    const dirs = fs
      .readdirSync(SRC, { withFileTypes: true })
      .filter(e => e.isDirectory())
      .map(e => e.name)
    expect(dirs.filter(d => ['build', 'dist', 'out', 'target'].includes(d))).toEqual([])
  })

  // The checks themselves, on small inputs.
  test.each([
    ['let count = 0', ['x.ts: count (let/var)']],
    ['const seen = new Map<string, number>()', ['x.ts: seen (a mutable new Map<stri…)']],
    ['const names = ["a"]', ['x.ts: names (a mutable ["a"]…)']],
    ['const names: readonly string[] = ["a"]', []],
    ['const names: ReadonlySet<string> = new Set(["a"])', []],
    ['const LIMIT = 3', []]
  ])('module state in %j', (code, expected) => {
    const file = path.join(SRC, 'x.ts')
    parsed.set(file, ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true))
    try {
      expect(moduleState(file)).toEqual(expected)
    } finally {
      parsed.delete(file)
    }
  })

  test.each([
    ["if (p === 'linux') f()", 1],
    ["switch (p) { case 'macos': break }", 1],
    ["const label = 'windows-latest'", 0],
    ['if (p.name === other.name) f()', 0]
  ])('platform comparisons in %j', (code, count) => {
    const file = path.join(SRC, 'y.ts')
    parsed.set(file, ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true))
    try {
      expect(platformComparisons(file)).toHaveLength(count)
    } finally {
      parsed.delete(file)
    }
  })

  test.each([
    ['util/a.ts', 'model/b.ts', ['util/a.ts → model/b.ts']],
    ['model/b.ts', 'util/a.ts', []],
    ['main.ts', 'commands/c.ts', []],
    ['commands/c.ts', 'main.ts', ['commands/c.ts → main.ts']],
    ['nowhere/d.ts', 'util/a.ts', ['nowhere/d.ts → util/a.ts']],
    ['plan/e.ts', 'plan/f.ts', []]
  ])('an import from %s to %s', (from, to, expected) => {
    const graph = new Map([[path.join(SRC, from), [path.join(SRC, to)]]])
    expect(upwardImports(graph, LAYERS)).toEqual(expected)
  })

  test('a cycle is found', () => {
    const a = path.join(SRC, 'a.ts')
    const b = path.join(SRC, 'b.ts')
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, [a]]
        ])
      )
    ).toEqual([['a.ts', 'b.ts']])
  })
})
