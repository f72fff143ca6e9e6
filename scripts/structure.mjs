// The structure drawing of docs/architecture.md: the folders of src/ and the
// imports between them, drawn bottom to top in the layer order the same file
// states. Used by scripts/gen-docs.mjs; the rules themselves are checked by
// __tests__/architecture.test.ts.
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

/** The files directly in src/ (index.ts, cli.ts, main.ts) form the top layer. */
export const ENTRY = 'entry'

/** `1. \`util\`` lines between the `layers` markers, bottom first. */
export function statedLayers(markdown) {
  const start = markdown.indexOf('<!-- layers:start -->')
  const end = markdown.indexOf('<!-- layers:end -->')
  if (start < 0 || end < start)
    throw new Error('docs/architecture.md needs <!-- layers:start --> and <!-- layers:end -->')
  const layers = [...markdown.slice(start, end).matchAll(/^\d+\. `([a-z-]+)`/gm)].map(m => m[1])
  if (layers.length === 0)
    throw new Error('docs/architecture.md states no layer between its markers')
  return layers
}

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return entry.name.endsWith('.ts') ? [full] : []
  })
}

/** Relative specifiers of every import, export-from and dynamic import in a file. */
function specifiers(file) {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest)
  const found = []
  const visit = node => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      found.push(node.moduleSpecifier.text)
    if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    )
      found.push(node.arguments[0].text)
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found.filter(s => s.startsWith('.'))
}

/** `options/load.ts` → `options`; `main.ts` → `entry`; outside src/ → undefined. */
export function folderOf(relative) {
  if (relative.startsWith('..')) return undefined
  const parts = relative.split('/')
  return parts.length > 1 ? parts[0] : ENTRY
}

/** Map of "from → to" folder arrows to the number of imports behind each. */
export function folderGraph(srcDir) {
  const arrows = new Map()
  for (const file of sourceFiles(srcDir)) {
    const from = folderOf(path.relative(srcDir, file).split(path.sep).join('/'))
    for (const specifier of specifiers(file)) {
      const target = path.resolve(path.dirname(file), specifier)
      const to = folderOf(path.relative(srcDir, target).split(path.sep).join('/'))
      if (to === undefined || to === from) continue
      const key = `${from} → ${to}`
      arrows.set(key, (arrows.get(key) ?? 0) + 1)
    }
  }
  return arrows
}

/** Arrows whose target is not below their source in `layers` (unknown folders count as up). */
export function upwardArrows(arrows, layers) {
  return [...arrows.keys()].filter(key => {
    const [from, to] = key.split(' → ')
    const a = layers.indexOf(from)
    const b = layers.indexOf(to)
    return a < 0 || b < 0 || b >= a
  })
}

/** Folder pairs that import each other. */
export function twoWayPairs(arrows) {
  return [...arrows.keys()]
    .map(key => key.split(' → '))
    .filter(([from, to]) => from < to && arrows.has(`${to} → ${from}`))
    .map(([from, to]) => `${from} ↔ ${to}`)
}

/** Groups of folders that reach each other through their arrows (each a cycle). */
export function folderCycles(arrows) {
  const next = new Map()
  for (const key of arrows.keys()) {
    const [from, to] = key.split(' → ')
    next.set(from, [...(next.get(from) ?? []), to])
  }
  const reaches = (from, goal) => {
    const seen = new Set()
    const stack = [...(next.get(from) ?? [])]
    while (stack.length > 0) {
      const folder = stack.pop()
      if (folder === goal) return true
      if (seen.has(folder)) continue
      seen.add(folder)
      stack.push(...(next.get(folder) ?? []))
    }
    return false
  }
  const groups = new Map()
  for (const folder of next.keys()) {
    if (!reaches(folder, folder)) continue
    const members = [...next.keys()].filter(o => reaches(folder, o) && reaches(o, folder)).sort()
    groups.set(members.join(' '), members)
  }
  return [...groups.values()]
}

/** The drawing: a mermaid graph, top layer first, and a line of counts. */
export function renderStructure(arrows, layers) {
  const upward = new Set(upwardArrows(arrows, layers))
  const folders = [...new Set([...arrows.keys()].flatMap(key => key.split(' → ')))]
  const order = name => (layers.includes(name) ? layers.indexOf(name) : layers.length)
  const sorted = [...arrows.keys()].sort((x, y) => {
    const [a, b] = x.split(' → ')
    const [c, d] = y.split(' → ')
    return order(c) - order(a) || order(d) - order(b) || x.localeCompare(y)
  })
  const lines = ['```mermaid', 'flowchart TD']
  for (const folder of [...folders].sort((a, b) => order(b) - order(a)))
    lines.push(`  ${folder}[${folder}]`)
  for (const key of sorted) {
    const [from, to] = key.split(' → ')
    lines.push(upward.has(key) ? `  ${from} -. UP .-> ${to}` : `  ${from} --> ${to}`)
  }
  lines.push('```', '', '| folder | imports (number of imports) |', '| --- | --- |')
  for (const folder of [...folders].sort((x, y) => order(y) - order(x))) {
    const targets = sorted
      .filter(key => key.startsWith(`${folder} → `))
      .map(key => `${key.split(' → ')[1]}${upward.has(key) ? ' (UP)' : ''} (${arrows.get(key)})`)
    lines.push(`| \`${folder}\` | ${targets.join(', ') || '—'} |`)
  }
  const imports = [...arrows.values()].reduce((a, b) => a + b, 0)
  lines.push(
    '',
    `${folders.length} folders, ${arrows.size} arrows (${imports} imports), ` +
      `${upward.size} upward, ${twoWayPairs(arrows).length} two-way pairs, ` +
      `${folderCycles(arrows).length} cycles.`
  )
  return lines.join('\n')
}
