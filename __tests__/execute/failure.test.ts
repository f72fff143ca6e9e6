/** A failed build's error, with cibuildwheel's exit status, and a step stopped by our own signal. */
import { describe, expect, test } from '@jest/globals'
import { asBuildFailure, BuildFailure, Interrupted } from '../../src/execute/failure.js'
import { EXIT, UserError } from '../../src/util/errors.js'

describe('asBuildFailure', () => {
  const failure = new BuildFailure('cp312-x', 'repair', 'log', 'exit code 1', EXIT.repairNoWheel, [
    'no wheel'
  ])

  test.each<[string, unknown, { step: string; message: string; exitCode: number }]>([
    [
      'a failure is kept as it is',
      failure,
      {
        step: 'repair',
        message: 'cp312-x: repair failed: exit code 1',
        exitCode: EXIT.repairNoWheel
      }
    ],
    [
      'a user error keeps its status',
      new UserError('is no wheel', { key: 'repair-wheel-command', exitCode: EXIT.pureWheel }),
      {
        step: 'build',
        message: 'cp312-manylinux_x86_64: build failed: repair-wheel-command: is no wheel',
        exitCode: EXIT.pureWheel
      }
    ],
    [
      'another error fails with 1',
      new Error('ENOSPC: no space left on device'),
      {
        step: 'build',
        message: 'cp312-manylinux_x86_64: build failed: ENOSPC: no space left on device',
        exitCode: EXIT.failed
      }
    ],
    [
      'a thrown string',
      'boom',
      {
        step: 'build',
        message: 'cp312-manylinux_x86_64: build failed: boom',
        exitCode: EXIT.failed
      }
    ]
  ])('%s', (_name, error, expected) => {
    const result = asBuildFailure(error, 'cp312-manylinux_x86_64', 'the log so far')
    expect(result).toBeInstanceOf(BuildFailure)
    expect({ step: result.step, message: result.message, exitCode: result.exitCode }).toEqual(
      expected
    )
    if (error === failure) expect(result).toBe(failure)
    else expect(result.log).toBe('the log so far')
  })
})

test('Interrupted names the step and the signal', () => {
  const stopped = new Interrupted('before-build', 'SIGTERM')
  expect(stopped.message).toBe('before-build interrupted by SIGTERM')
  expect([stopped.step, stopped.signal]).toEqual(['before-build', 'SIGTERM'])
})
