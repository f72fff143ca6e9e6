/**
 * POSIX shell quoting and splitting with the same rules as Python's `shlex`
 * (quote / split in posix mode). cibuildwheel formats TOML lists and tables
 * into strings with these rules, so we need byte-compatible behaviour; the npm
 * shell-quote package quotes differently (backslashes), which is why this is
 * written here.
 */
import { UserError } from './errors.js'

const SAFE = /^[\w@%+=:,./-]+$/

export function quote(value: string): string {
  if (value === '') return "''"
  if (SAFE.test(value)) return value
  return `'${value.replace(/'/g, `'"'"'`)}'`
}

/** An argv as one line a shell would read back the same (for display only, never run). */
export function join(argv: readonly string[]): string {
  return argv.map(quote).join(' ')
}

/** Splits like `shlex.split(value)`; `key` names the option for errors. */
export function split(value: string, key = 'value'): string[] {
  const result: string[] = []
  let current = ''
  let inWord = false
  let i = 0
  while (i < value.length) {
    const c = value[i]
    if (/\s/.test(c)) {
      if (inWord) result.push(current)
      current = ''
      inWord = false
      i++
    } else if (c === "'") {
      const end = value.indexOf("'", i + 1)
      if (end < 0) throw unclosed(key, value)
      current += value.slice(i + 1, end)
      inWord = true
      i = end + 1
    } else if (c === '"') {
      i++
      for (;;) {
        if (i >= value.length) throw unclosed(key, value)
        const d = value[i]
        if (d === '"') break
        if (d === '\\' && i + 1 < value.length && '\\"$`\n'.includes(value[i + 1])) {
          current += value[i + 1]
          i += 2
        } else {
          current += d
          i++
        }
      }
      inWord = true
      i++
    } else if (c === '\\') {
      if (i + 1 >= value.length) throw new UserError('ends with a lone backslash', { key, value })
      current += value[i + 1]
      inWord = true
      i += 2
    } else if (c === '#' && !inWord) {
      const newline = value.indexOf('\n', i)
      i = newline < 0 ? value.length : newline
    } else {
      current += c
      inWord = true
      i++
    }
  }
  if (inWord) result.push(current)
  return result
}

function unclosed(key: string, value: string): UserError {
  return new UserError('has an unclosed quote', { key, value, hint: 'balance the quotes' })
}
