/** After a build: the archs the job built and the wheels it leaves. */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { builtArchs, jobWheels } from '../../src/publish/after-build.js'
import type { Options } from '../../src/model/options.js'
import { tempDir } from '../helpers/tools.js'

describe('the job artifact', () => {
  test('{arch} is what the job built; wheels are listed once', () => {
    const options = {
      archs: new Set(['x86_64', 'i686']),
      runner: { platform: 'linux', machine: 'x86_64' }
    } as unknown as Options
    const dir = tempDir('wh')
    fs.writeFileSync(path.join(dir, 'a-1-cp311-cp311-manylinux_x86_64.whl'), '')
    const record = (identifier: string, wheel: string) => ({
      identifier,
      wheel,
      size: 0,
      sha256: '',
      seconds: 0,
      tested: 'yes'
    })
    const outcome = {
      records: [
        record('cp311-manylinux_x86_64', 'a-1-cp311-cp311-manylinux_x86_64.whl'),
        record('cp311-manylinux_i686', 'gone.whl')
      ],
      wheels: [path.join(dir, 'a-1-cp311-cp311-manylinux_x86_64.whl')]
    }
    expect(builtArchs(options, outcome)).toBe('i686-x86_64')
    expect(builtArchs(options, { records: [] })).toBe('i686-x86_64')
    expect(jobWheels(dir, outcome)).toEqual([
      path.join(dir, 'a-1-cp311-cp311-manylinux_x86_64.whl')
    ])
  })
})
