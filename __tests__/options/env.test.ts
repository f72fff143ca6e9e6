/** cibuildwheel's names of its variables. */
import { expect, test } from '@jest/globals'
import { envName } from '../../src/model/env.js'

test.each<[string, string | undefined, string]>([
  ['build', undefined, 'CIBW_BUILD'],
  ['test-command', undefined, 'CIBW_TEST_COMMAND'],
  ['test-command', 'linux', 'CIBW_TEST_COMMAND_LINUX'],
  ['manylinux-x86_64-image', undefined, 'CIBW_MANYLINUX_X86_64_IMAGE'],
  ['manylinux-pypy_aarch64-image', undefined, 'CIBW_MANYLINUX_PYPY_AARCH64_IMAGE'],
  ['before-all', 'macos', 'CIBW_BEFORE_ALL_MACOS'],
  ['environment-pass', 'windows', 'CIBW_ENVIRONMENT_PASS_WINDOWS']
])('%s on %s → %s', (option, platform, name) => {
  expect(envName(option, platform)).toBe(name)
})
