/**
 * An interrupt scope: its temp dirs go when the work ends, whatever happens,
 * and on SIGINT, which says "interrupted", stops the children and exits 130
 * with no dir left behind (process.exit is stubbed here).
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, jest, test } from '@jest/globals'
import { exec, type ExecResult } from '../../src/util/exec.js'
import { withInterruptScope } from '../../src/util/interrupt.js'
import { tempDir } from '../helpers/tools.js'

const settings = { say: () => undefined, flush: async () => undefined, what: 'testing' }

describe('withInterruptScope', () => {
  test('removes its temp dirs when the work ends', async () => {
    const parent = tempDir('scope')
    let made = ''
    await withInterruptScope(settings, async scope => {
      made = scope.tempDir(parent, 'ww-x-')
      fs.writeFileSync(path.join(made, 'f'), 'x')
      expect(fs.existsSync(made)).toBe(true)
    })
    expect(made).not.toBe('')
    expect(fs.readdirSync(parent)).toEqual([])
  })

  test('and when it fails', async () => {
    const parent = tempDir('scope')
    await expect(
      withInterruptScope(settings, async scope => {
        scope.tempDir(parent, 'ww-x-')
        throw new Error('boom')
      })
    ).rejects.toThrow('boom')
    expect(fs.readdirSync(parent)).toEqual([])
  })

  test('SIGINT: says interrupted, stops the children, removes the dirs, exits 130', async () => {
    const parent = tempDir('scope')
    const said: string[] = []
    let exited: (code: unknown) => void = () => undefined
    const exit = new Promise(resolve => (exited = resolve))
    const spy = jest.spyOn(process, 'exit').mockImplementation(((code?: number) => {
      exited(code)
      return undefined as never
    }) as typeof process.exit)
    let sleeper: Promise<ExecResult> | undefined
    try {
      void withInterruptScope({ ...settings, say: t => void said.push(t) }, async scope => {
        scope.tempDir(parent, 'ww-x-')
        sleeper = exec(['sleep', '60'], { children: scope.children })
        return sleeper
      })
      await new Promise(resolve => setTimeout(resolve, 100))
      expect(fs.readdirSync(parent)).toHaveLength(1)
      process.emit('SIGINT', 'SIGINT')
      expect(await exit).toBe(130)
      expect(said).toEqual(['interrupted (SIGINT) while testing: stopping; temp dirs removed'])
      expect(fs.readdirSync(parent)).toEqual([])
      expect((await sleeper!).signal).toBe('SIGTERM')
    } finally {
      spy.mockRestore()
    }
  })
})
