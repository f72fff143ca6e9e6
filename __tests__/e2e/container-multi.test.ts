/**
 * Several CPythons in one container, as with a real manylinux image: the
 * multi-CPython image from scripts/test-env.sh (Debian bookworm, glibc 2.36,
 * /opt/python/cp310-cp310 ... cp313-cp313, auditwheel, uv). Four identifiers
 * are built two at a time in one container and each is tested; the wheels
 * then import in a fresh container of the same image.
 */
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import {
  check,
  containersOf,
  ROOT,
  runCliProcess,
  tempDir,
  testSetting,
  wheelsIn
} from '../helpers/tools.js'

const image = testSetting('WHEELWRIGHT_TEST_MULTI_IMAGE')
const fixture = path.join(ROOT, 'test', 'fixtures', 'c-ext')
const versions = ['310', '311', '312', '313']

/** The platform tag auditwheel targets in the image (its AUDITWHEEL_PLAT). */
function imagePlat(): string {
  const env = check([
    'podman',
    'image',
    'inspect',
    '--format',
    '{{range .Config.Env}}{{println .}}{{end}}',
    image
  ])
  const plat = /^AUDITWHEEL_PLAT=(\S+)$/m.exec(env)?.[1]
  if (!plat) throw new Error(`image ${image} sets no AUDITWHEEL_PLAT: run scripts/test-env.sh`)
  return plat
}

describe('container builds with several CPythons in one image', () => {
  test('cp310-cp313 built two at a time, each tested, each importable in a fresh container', () => {
    const plat = imagePlat()
    const out = tempDir('multi-out')
    const run = runCliProcess([
      'build',
      fixture,
      '--container',
      'on',
      '--container-engine',
      'podman',
      '--manylinux-image',
      image,
      '--build',
      versions.map(v => `cp${v}-*`).join(' '),
      '--skip',
      '*-musllinux_*',
      '--parallel',
      '2',
      // Built for real, not restored from this machine's wheel cache.
      '--cache=false',
      '--output-dir',
      out,
      '--test-command',
      'python -c "import sys, spam; assert spam.add(2, 3) == 5; print(\'tested-on\', sys.implementation.cache_tag)"'
    ])
    expect(run.stderr).not.toContain('error:')
    expect(run.status).toBe(0)
    expect(run.stdout).not.toContain('(cached)')
    const log = run.stdout.split('\n')
    const at = (v: string, step: string) =>
      log.findIndex(l => l.startsWith(`[cp${v}-manylinux_x86_64] ▸ ${step}: `))
    for (const v of versions) expect(at(v, 'build')).toBeGreaterThanOrEqual(0)
    // Two at a time: the second build starts before the first wheel is tested.
    expect(at('311', 'build')).toBeLessThan(at('310', 'test'))

    const wheels = wheelsIn(out)
    expect(wheels).toHaveLength(versions.length)
    expect(wheels.map(w => /^spam_ext-1\.0\.0-cp(\d+)-cp\1-/.exec(w)?.[1])).toEqual(versions)
    for (const wheel of wheels) {
      // auditwheel gives the image's platform tag (and the older ones it also satisfies).
      const tags = /-([^-]+)\.whl$/.exec(wheel)![1].split('.')
      expect(tags).toContain(plat)
      for (const tag of tags) expect(tag).toMatch(/^manylinux(1|2010|2014|_\d+_\d+)_x86_64$/)
    }
    for (const v of versions) {
      // The summary reports the wheel as tested, and the test really ran with that CPython.
      expect(run.stdout).toMatch(
        new RegExp(
          `^cp${v}-manylinux_x86_64\\s+spam_ext-1\\.0\\.0-cp${v}-\\S+\\.whl\\s.*\\byes\\s*$`,
          'm'
        )
      )
      expect(run.stdout).toMatch(
        new RegExp(`^\\[cp${v}-manylinux_x86_64\\] tested-on cpython-${v}$`, 'm')
      )
    }
    expect(containersOf(run.stdout)).toEqual([])

    // Each wheel with its own interpreter, in a new container without network.
    const imported = check([
      'podman',
      'run',
      '--rm',
      '--network',
      'none',
      '-v',
      `${out}:/wheels:ro`,
      image,
      'bash',
      '-c',
      [
        'set -e',
        'for v in "$@"; do',
        '  py=/opt/python/cp$v-cp$v/bin/python',
        '  "$py" -m pip install --no-index --no-deps --disable-pip-version-check -q --target /site/$v /wheels/*-cp$v-cp$v-*.whl',
        '  (cd / && PYTHONPATH=/site/$v "$py" -c "import sys, spam; print(sys.version_info[1], spam.add(2, 40), spam.describe(1))")',
        'done'
      ].join('\n'),
      'import',
      ...versions
    ])
    expect(imported.trim().split('\n')).toEqual(versions.map(v => `${v.slice(1)} 42 spam(1)`))
  })
})
