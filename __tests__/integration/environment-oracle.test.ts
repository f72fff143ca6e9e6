/**
 * The `environment` grammar against cibuildwheel's own parser (the pinned
 * cibuildwheel of the test venv): which values it accepts or refuses, and the
 * variables each one produces. wheelwright evaluates with bash where the
 * build runs; cibuildwheel evaluates with its bashlex-based evaluator. The
 * table marks the few values where wheelwright differs on purpose.
 */
import { spawnSync } from 'node:child_process'
import { describe, expect, test } from '@jest/globals'
import {
  changedVariables,
  environmentScript,
  parseEnvironment,
  parseEnvZ
} from '../../src/steps/environment.js'
import { isUserError } from '../../src/util/errors.js'
import { venvTool } from '../helpers/tools.js'

const BASE = { HOME: '/home/u', PATH: '/usr/bin:/bin' }

/** What cibuildwheel makes of `value`: the changed variables, or `refused`. */
const ORACLE = `
import json, subprocess, sys
from cibuildwheel.environment import parse_environment, EnvironmentParseError
base = json.loads(sys.argv[1])
def run(command, env):
    return subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
out = []
for value in json.loads(sys.stdin.read()):
    try:
        env = parse_environment(value).as_dictionary(dict(base), executor=run)
        out.append({k: v for k, v in env.items() if base.get(k) != v})
    except EnvironmentParseError:
        out.append('refused')
    except Exception as e:
        out.append('crashed: ' + type(e).__name__)
print(json.dumps(out))
`

function cibuildwheel(values: readonly string[]): (Record<string, string> | string)[] {
  const run = spawnSync(venvTool('python'), ['-c', ORACLE, JSON.stringify(BASE)], {
    input: JSON.stringify(values),
    encoding: 'utf8',
    env: { ...BASE }
  })
  if (run.status !== 0) throw new Error(`the cibuildwheel oracle failed: ${run.stderr}`)
  return JSON.parse(run.stdout)
}

function wheelwright(value: string): Record<string, string> | 'refused' {
  let script: string
  try {
    parseEnvironment(value)
    script = environmentScript(value)
  } catch (error) {
    if (isUserError(error)) return 'refused'
    throw error
  }
  const run = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { ...BASE } })
  if (run.status !== 0) throw new Error(`bash failed on ${value}: ${run.stderr}`)
  return changedVariables(BASE, parseEnvZ(run.stdout))
}

/** Values both read the same way. */
const AGREED: readonly string[] = [
  'A=1',
  'A=1 B="$A x"',
  'A=$(echo hi) B=${A}2',
  "A='single $X'",
  'A=$HOME/x',
  'A="a b" C=d\\ e',
  'PATH=$PATH:/opt/tools',
  'A=`echo 1`',
  'A="$(echo "nested $HOME")"',
  'A=1 # a comment',
  'A=*.txt',
  'A=1  B=2',
  'A="x;y" B=\'a|b\'',
  '',
  // refused by both
  'FOO=1; touch x',
  'A',
  'A=1 B',
  'A=1 && B=2',
  'A=x|y',
  'A=1 > out',
  'A="unclosed'
]

/** Values where wheelwright differs on purpose: [value, cibuildwheel, wheelwright, why]. */
const DIFFERENT: readonly [
  string,
  Record<string, string> | string,
  Record<string, string> | 'refused',
  string
][] = [
  ['=value', { '': 'value' }, 'refused', 'an empty name can never be set'],
  ['1FOO=bar', { '1FOO': 'bar' }, 'refused', 'not a variable name bash can read'],
  ['A-B=1', { 'A-B': '1' }, 'refused', 'not a variable name bash can read'],
  ['A=1\nB=2', { A: '1' }, { A: '1', B: '2' }, 'cibuildwheel drops every line after the first'],
  ['A=${B:-def}', { A: '' }, { A: 'def' }, 'bash expands the default, as the docs promise'],
  ['A=$((1+2))', 'crashed: NotImplementedError', { A: '3' }, 'cibuildwheel crashes'],
  ['A=~/x', 'crashed: ValueError', { A: '/home/u/x' }, 'cibuildwheel crashes']
]

describe('the environment grammar, against cibuildwheel', () => {
  const oracle = cibuildwheel(AGREED)
  test.each(AGREED.map((value, i) => [value, i] as const))('%j', (value, i) => {
    expect(wheelwright(value)).toEqual(oracle[i])
  })

  const oracleOfDifferent = cibuildwheel(DIFFERENT.map(([value]) => value))
  test.each(DIFFERENT.map((row, i) => [...row, i] as const))(
    '%j differs on purpose: %j vs %j (%s)',
    (value, theirs, ours, _why, i) => {
      expect(oracleOfDifferent[i]).toEqual(theirs)
      expect(wheelwright(value)).toEqual(ours)
    }
  )

  test('a refusal names the key, the value and a hint', () => {
    expect(() => parseEnvironment('A=1; rm -rf x', 'test-environment')).toThrow(
      /^test-environment: malformed environment option: ";" is not allowed here \(got "A=1; rm -rf x"\)\. Hint: /
    )
  })
})
