/** The binfmt_misc check before foreign-arch containers start. */
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { checkEmulation, emulationReady } from '../../src/container/emulation.js'
import { tempDir, writeTree } from '../helpers/tools.js'

describe('emulation handlers', () => {
  const dir = writeTree(tempDir('binfmt'), {
    'qemu-aarch64': 'enabled\ninterpreter /usr/bin/qemu-aarch64-static\nflags: FPC\n',
    'qemu-s390x': 'disabled\ninterpreter /usr/bin/qemu-s390x-static\n',
    status: 'enabled\n',
    register: ''
  })

  test.each([
    ['aarch64', true],
    ['s390x', false],
    ['ppc64le', false],
    ['armv7l', false]
  ])('%s: ready %s', (arch, ready) => {
    expect(emulationReady(arch, dir)).toBe(ready)
  })

  test('a missing or disabled handler stops the run, naming the archs and the fix', () => {
    expect(() => checkEmulation(['aarch64', 's390x', 'ppc64le'], dir)).toThrow(
      /^archs: this machine cannot run s390x, ppc64le containers \(got "s390x ppc64le"\)\. Hint: no enabled QEMU handler in .*docker\/setup-qemu-action.*F flag/
    )
    expect(() => checkEmulation(['aarch64'], dir)).not.toThrow()
    expect(() => checkEmulation([], path.join(dir, 'missing'))).not.toThrow()
  })
})
