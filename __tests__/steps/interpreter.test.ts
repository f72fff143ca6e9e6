/** The check that python on PATH is the build's interpreter, run by bash. */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { checkPythonArgv } from '../../src/steps/interpreter.js'
import { tempDir } from '../helpers/tools.js'

/** A dir holding an executable `python`. */
function pythonDir(): string {
  const dir = tempDir('py')
  fs.writeFileSync(path.join(dir, 'python'), '#!/bin/sh\n', { mode: 0o755 })
  return dir
}

describe('checkPythonArgv', () => {
  const ours = pythonDir()
  const other = pythonDir()
  const empty = tempDir('no-py')
  const bash = spawnSync('sh', ['-c', 'command -v bash'], { encoding: 'utf8' }).stdout.trim()

  test.each<[string, string, number, RegExp]>([
    ["this build's python first", `${ours}:${other}`, 0, /^$/],
    [
      'another python first',
      `${other}:${ours}`,
      1,
      /^python on PATH is .*\/python, not this build's .*\/python: the environment option puts another python first on PATH\. Hint: add your entries after \$PATH \(PATH=\$PATH:\/my\/bin\)\n$/
    ],
    ['no python at all', empty, 1, /^python on PATH is missing, not this build's /]
  ])('%s', (_name, PATH, status, stderr) => {
    const argv = checkPythonArgv(path.join(ours, 'python'))
    // stdin not a socket: bash would take itself for a remote shell and read ~/.bashrc.
    const result = spawnSync(bash, argv.slice(1), {
      encoding: 'utf8',
      env: { PATH },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    expect(result.status).toBe(status)
    expect(result.stderr).toMatch(stderr)
    if (status === 1 && PATH.startsWith(other))
      expect(result.stderr).toContain(`is ${other}/python,`)
  })

  test('the interpreter travels as an argument, never inside the script', () => {
    const argv = checkPythonArgv('/opt/python/cp312-cp312/bin/python')
    expect(argv.slice(0, 2)).toEqual(['bash', '-c'])
    expect(argv.slice(3)).toEqual(['check-python', '/opt/python/cp312-cp312/bin/python'])
    expect(argv[2]).not.toContain('/opt/python')
  })
})
