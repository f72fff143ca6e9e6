/** How each OS lays out an installed Python: interpreter paths, the setup script, the manifest's OS name. */
import { describe, expect, test } from '@jest/globals'
import type { PythonLayout } from '../../src/python/layout.js'
import { platformNamed } from '../../src/platforms/index.js'

const LINUX_LAYOUT = platformNamed('linux').python.layout
const MACOS_LAYOUT = platformNamed('macos').python.layout
const WINDOWS_LAYOUT = platformNamed('windows').python.layout

describe.each<[string, PythonLayout, Record<string, unknown>]>([
  [
    'linux',
    LINUX_LAYOUT,
    {
      manifestPlatform: 'linux',
      names: ['bin/python3', 'bin/python', 'bin/python3.13', 'bin/python3.13t'],
      toolCache: '/tc/Python/3.13.1/x64/bin/python3',
      toolCacheFreeThreaded: '/tc/Python/3.13.1/x64/bin/python3.13t',
      pypy: '/tc/PyPy/bin/pypy3',
      graalpy: '/tc/GraalPy/bin/graalpy',
      setup: ['bash', './setup.sh'],
      setupEnv: { LD_LIBRARY_PATH: '/unpacked/lib' }
    }
  ],
  [
    'macos',
    MACOS_LAYOUT,
    {
      manifestPlatform: 'darwin',
      names: ['bin/python3', 'bin/python', 'bin/python3.13', 'bin/python3.13t'],
      toolCache: '/tc/Python/3.13.1/x64/bin/python3',
      toolCacheFreeThreaded: '/tc/Python/3.13.1/x64/bin/python3.13t',
      pypy: '/tc/PyPy/bin/pypy3',
      graalpy: '/tc/GraalPy/bin/graalpy',
      setup: ['bash', './setup.sh'],
      setupEnv: {}
    }
  ],
  [
    'windows',
    WINDOWS_LAYOUT,
    {
      manifestPlatform: 'win32',
      names: ['python.exe', 'python3.13t.exe'],
      toolCache: 'C:\\tc\\Python\\3.13.1\\x64\\python.exe',
      toolCacheFreeThreaded: 'C:\\tc\\Python\\3.13.1\\x64\\python.exe',
      pypy: 'C:\\tc\\PyPy\\python.exe',
      graalpy: 'C:\\tc\\GraalPy\\bin\\graalpy.exe',
      setup: [
        'powershell',
        '-NoLogo',
        '-NoProfile',
        '-NonInteractive',
        '-ExecutionPolicy',
        'Bypass',
        '-File',
        '.\\setup.ps1'
      ],
      setupEnv: {}
    }
  ]
])('%s', (name, layout, expected) => {
  const root = name === 'windows' ? 'C:\\tc' : '/tc'
  const join = (...parts: string[]) => layout.path.join(root, ...parts)

  test('the manifest names the OS its own way', () => {
    expect(layout.manifestPlatform).toBe(expected.manifestPlatform)
  })

  test('interpreter candidates of an installed CPython, best first', () => {
    expect(layout.interpreterNames('3.13')).toEqual(expected.names)
  })

  test('the interpreter a tool-cache install will have, plain and free-threaded', () => {
    const dir = join('Python', '3.13.1', 'x64')
    expect(layout.toolCacheInterpreter(dir, '3.13', false)).toBe(expected.toolCache)
    expect(layout.toolCacheInterpreter(dir, '3.13', true)).toBe(expected.toolCacheFreeThreaded)
  })

  test('PyPy and GraalPy executables', () => {
    expect(layout.pypyExecutable(join('PyPy'))).toBe(expected.pypy)
    expect(layout.graalpyExecutable(join('GraalPy'))).toBe(expected.graalpy)
  })

  test('the setup script of an actions/python-versions archive, and its variables', () => {
    expect(layout.setupScript).toEqual(expected.setup)
    expect(layout.setupEnv('/unpacked')).toEqual(expected.setupEnv)
  })
})
