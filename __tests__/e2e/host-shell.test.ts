/**
 * Steps get /dev/null as stdin. With a pipe (a socket, as Node makes them) and
 * no SHLVL, as under a runner, bash takes itself for a remote shell and reads
 * ~/.bashrc, where pyenv or conda setup would put another python ahead of
 * the test venv.
 */
import os from 'node:os'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { ROOT, runCliProcess, tempDir, writeTree } from '../helpers/tools.js'

describe('user commands in a host build', () => {
  test('never read ~/.bashrc, so the test runs with the test venv python', () => {
    const home = writeTree(tempDir('home'), {
      '.bashrc': 'echo BASHRC-WAS-READ >&2\nexport PATH=/nonexistent-bashrc-bin:$PATH\n'
    })
    const run = runCliProcess(
      [
        'build',
        path.join(ROOT, 'test', 'fixtures', 'c-ext'),
        '--container',
        'off',
        '--only',
        'cp312-manylinux_x86_64',
        '--cache',
        'false',
        // The machine's cache, so the tools venv is not made again for the new HOME.
        '--cache-dir',
        path.join(os.homedir(), '.cache', 'wheelwright'),
        '--output-dir',
        tempDir('bashrc-out'),
        '--test-command',
        "python -c \"import os, sys; assert sys.prefix.endswith('test-venv'), sys.prefix; assert 'nonexistent-bashrc-bin' not in os.environ['PATH']\""
      ],
      {
        HOME: home,
        SHLVL: '',
        PYENV_ROOT: process.env.PYENV_ROOT ?? path.join(os.homedir(), '.pyenv')
      }
    )
    expect(run.stdout + run.stderr).not.toContain('BASHRC-WAS-READ')
    expect(run.stderr.slice(-2000)).not.toContain('error:')
    expect(run.status).toBe(0)
  }, 600_000)
})
