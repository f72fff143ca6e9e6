/**
 * An emulated build, as on an x86_64 runner after docker/setup-qemu-action:
 * the arm64 test image (made by scripts/test-env.sh, which registers
 * qemu-aarch64 with binfmt_misc) builds, repairs and tests a
 * cp39-manylinux_aarch64 wheel under QEMU, and the wheel imports in a fresh
 * arm64 container.
 */
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { check, ROOT, runCliProcess, tempDir, testSetting, wheelsIn } from '../helpers/tools.js'

const image = testSetting('WHEELWRIGHT_TEST_ARM64_IMAGE')

describe('emulated aarch64 builds', () => {
  test('cp39-manylinux_aarch64: built, repaired and tested under QEMU; imports on arm64', () => {
    const out = tempDir('arm64-out')
    const started = Date.now()
    const run = runCliProcess([
      'build',
      path.join(ROOT, 'test', 'fixtures', 'c-ext'),
      '--only',
      'cp39-manylinux_aarch64',
      '--container',
      'on',
      '--container-engine',
      'podman',
      '--manylinux-image',
      image,
      '--cache',
      'false',
      '--output-dir',
      out,
      '--test-command',
      'python -c "import platform, spam; assert platform.machine() == \'aarch64\'; assert spam.add(1, 2) == 3"'
    ])
    const seconds = (Date.now() - started) / 1000
    expect(run.stderr.slice(-3000)).not.toContain('error:')
    expect(run.status).toBe(0)
    expect(run.stderr).toContain(
      'emulated with QEMU, 5 to 20 times slower than native: cp39-manylinux_aarch64'
    )
    // The create step shows the emulated platform it asks the engine for.
    expect(run.stdout).toMatch(
      /▸ create: podman create --platform linux\/arm64 .*manylinux_2_31_aarch64/
    )
    const wheels = wheelsIn(out)
    expect(wheels).toEqual([
      expect.stringMatching(/^spam_ext-1\.0\.0-cp39-cp39-.*manylinux_2_\d+_aarch64.*\.whl$/)
    ])
    expect(run.stdout).toMatch(/cp39-manylinux_aarch64\s+\S+\s+.*\syes$/m)
    const imported = check([
      'podman',
      'run',
      '--rm',
      '--platform',
      'linux/arm64',
      '--network',
      'none',
      '--volume',
      `${out}:/wheels:ro`,
      image,
      'sh',
      '-c',
      'python -m pip install -q --no-index /wheels/*.whl && python -c "import platform, spam; print(platform.machine(), spam.add(2, 40))"'
    ])
    expect(imported.trim().split('\n').at(-1)).toBe('aarch64 42')
    // The wall time of the emulated build, for the record (no assertion on speed).
    process.stderr.write(`emulated cp39-manylinux_aarch64 build: ${seconds.toFixed(1)} s\n`)
  }, 1_200_000)
})
