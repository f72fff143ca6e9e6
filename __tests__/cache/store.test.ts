/** The local wheel store round-trips a wheel. */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { LocalWheelStore } from '../../src/cache/store.js'
import { tempDir, writeTree } from '../helpers/tools.js'

describe('local wheel store', () => {
  test('a miss, then the saved wheel', async () => {
    const store = new LocalWheelStore(tempDir('store'))
    expect(await store.restore('k1')).toBeUndefined()
    const wheel = path.join(
      writeTree(tempDir('w'), { 'x-1-cp312-cp312-linux_x86_64.whl': 'bytes' }),
      'x-1-cp312-cp312-linux_x86_64.whl'
    )
    await store.save('k1', wheel)
    const restored = await store.restore('k1')
    expect(path.basename(restored!)).toBe('x-1-cp312-cp312-linux_x86_64.whl')
    expect(fs.readFileSync(restored!, 'utf8')).toBe('bytes')
  })
})
