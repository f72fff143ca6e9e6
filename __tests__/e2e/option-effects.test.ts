/**
 * Every option of cibuildwheel's options reference (read from the schema of
 * the pinned cibuildwheel in the test venv) has a row here that proves what
 * wheelwright does with it: it takes effect in a real build, it shapes the
 * plan (images of archs this machine cannot run), or it is reported as
 * having no effect here. No option may be accepted and silently ignored.
 *
 * One real container build (podman, the multi-CPython image, three
 * identifiers) carries most options at once: a recording build backend
 * writes what the build saw (config_settings and variables) into the wheel,
 * and the test command checks every effect from inside the test env. A host
 * build of an abi3 project proves the audit options.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, test } from '@jest/globals'
import { ROOT, runCliProcess, tempDir, testSetting, venvTool, writeTree } from '../helpers/tools.js'

const MULTI_IMAGE = testSetting('WHEELWRIGHT_TEST_MULTI_IMAGE')

const BACKEND = `
import json, os
from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F401,F403

def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    seen = {k: os.environ.get(k) for k in ("PROBE_ENV", "PROBE_PASSED", "CIBUILDWHEEL")}
    with open(os.path.join("src", "probe", "_record.json"), "w") as f:
        json.dump({"config_settings": config_settings, "env": seen}, f)
    return _setuptools.build_wheel(wheel_directory, config_settings, metadata_directory)
`

const SETUP_PY = `
from setuptools import Extension, setup
setup(
    packages=["probe"],
    package_dir={"": "src"},
    package_data={"probe": ["_record.json"]},
    ext_modules=[Extension("probe._c", ["src/probe/c.c"])],
)
`

const C_MODULE = `
#include <Python.h>
static struct PyModuleDef m = {PyModuleDef_HEAD_INIT, "_c", NULL, -1, NULL};
PyMODINIT_FUNC PyInit__c(void) { return PyModule_Create(&m); }
`

/** Runs in the test env of each tested identifier: every check is one assertion. */
const CHECK_PY = `
import json, os, sys
from importlib import metadata, resources
record = json.loads(resources.files("probe").joinpath("_record.json").read_text())
ident = os.environ["CIBUILDWHEEL_BUILD_IDENTIFIER"]
assert record["env"]["PROBE_ENV"] == "from-environment 1", record        # environment
assert record["env"]["PROBE_PASSED"] == "passed-from-host", record       # environment-pass
assert record["config_settings"] == {"probe-key": "probe-value"}, record # config-settings
assert os.environ["PROBE_TEST_ENV"] == "test-env " + ident                # test-environment
assert metadata.version("six") != "1.16.0"                                # test-extras; dependency-versions pins our tools only
import iniconfig, packaging                                               # test-requires, test-groups
assert os.path.exists("/tmp/probe-before-all")                            # before-all
assert os.path.exists("/tmp/probe-before-build-" + ident)                 # before-build
assert os.path.exists("/tmp/probe-before-test-" + ident)                  # before-test
assert os.path.basename(os.getcwd()) == "test-cwd" and os.path.exists("tests/check.py")  # test-sources
print("probe checks passed on", ident)
`

function pyproject(extra: string): string {
  return `[build-system]
requires = ["setuptools>=61"]
build-backend = "recording_backend"
backend-path = ["_backend"]

[project]
name = "probe"
version = "1.0"
requires-python = ">=3.9"

[project.optional-dependencies]
extra = ["six"]

[dependency-groups]
check = ["packaging"]

${extra}`
}

const CONFIG = `[tool.cibuildwheel]
build = "cp310-* cp311-* cp312-* cp313-*"
skip = "cp313-* *-musllinux_*"
archs = ["x86_64"]
test-skip = "cp312-*"
before-all = "touch /tmp/probe-before-all"
before-build = "touch /tmp/probe-before-build-$CIBUILDWHEEL_BUILD_IDENTIFIER"
before-test = "touch /tmp/probe-before-test-$CIBUILDWHEEL_BUILD_IDENTIFIER"
environment = { PROBE_ENV = "from-environment $CIBUILDWHEEL" }
environment-pass = ["PROBE_PASSED"]
config-settings = { probe-key = "probe-value" }
build-verbosity = 2
dependency-versions = "packages: six==1.16.0"
test-extras = ["extra"]
test-groups = ["check"]
test-requires = ["iniconfig"]
test-sources = ["tests"]
test-environment = { PROBE_TEST_ENV = "test-env $CIBUILDWHEEL_BUILD_IDENTIFIER" }
test-command = "python tests/check.py"
container-engine = "podman"
manylinux-x86_64-image = "${MULTI_IMAGE}"
pyodide-version = "0.29.0"
xbuild-tools = ["cmake"]
test-runtime = { args = ["--verbose"] }

[[tool.cibuildwheel.overrides]]
select = "cp311-*"
build-frontend = "pip"

[[tool.cibuildwheel.overrides]]
select = "cp312-*"
repair-wheel-command = "cp {wheel} {dest_dir}"
`

interface BuildResult {
  readonly status: number | null
  /** What it printed: the build log (stdout, as cibuildwheel's), then warnings and errors. */
  readonly log: string
  readonly stdout: string
  readonly wheels: string[]
}

let container: BuildResult
let audit: BuildResult & { marker: boolean }

function build(args: string[], env: Record<string, string> = {}): BuildResult {
  const out = tempDir('effects-out')
  const run = runCliProcess([...args, '--output-dir', out, '--cache', 'false'], env)
  return {
    status: run.status,
    log: run.stdout + run.stderr,
    stdout: run.stdout,
    wheels: fs.existsSync(out) ? fs.readdirSync(out).sort() : []
  }
}

beforeAll(() => {
  const project = writeTree(tempDir('effects'), {
    'pyproject.toml': pyproject(CONFIG),
    'setup.py': SETUP_PY,
    '_backend/recording_backend.py': BACKEND,
    'src/probe/__init__.py': '',
    'src/probe/c.c': C_MODULE,
    'tests/check.py': CHECK_PY
  })
  container = build(['build', project, '--parallel', '2'], { PROBE_PASSED: 'passed-from-host' })

  const abi3 = fs.mkdtempSync(path.join(tempDir('effects-abi3'), 'p'))
  fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'abi3-ext'), abi3, { recursive: true })
  const marker = path.join(tempDir('effects-audit'), 'audited')
  const host = build(['build', abi3, '--container', 'off', '--only', 'cp310-manylinux_x86_64'], {
    CIBW_AUDIT_REQUIRES: 'abi3audit iniconfig',
    // The first command runs on every wheel, with the tools venv's python.
    CIBW_AUDIT_COMMAND: `python -c "import iniconfig, sys; open('${marker}', 'w').write(sys.argv[1])" {wheel} && abi3audit --strict --report {abi3_wheel}`
  })
  audit = { ...host, marker: fs.existsSync(marker) }
}, 900_000)

const wheelOf = (tag: string) => container.wheels.find(w => w.includes(`-${tag}-${tag}-`))

/** Each option and the assertion that proves its effect. */
const ROWS: Record<string, { how: 'build' | 'plan' | 'reported'; check: () => void }> = {
  build: { how: 'build', check: () => expect(container.wheels).toHaveLength(3) },
  skip: { how: 'build', check: () => expect(wheelOf('cp313')).toBeUndefined() },
  archs: {
    how: 'build',
    check: () => expect(container.wheels.every(w => w.endsWith('_x86_64.whl'))).toBe(true)
  },
  'test-skip': {
    how: 'build',
    check: () => {
      expect(container.stdout).toMatch(/cp312-manylinux_x86_64\s+\S+\s+.*\sno$/m)
      expect(container.stdout).toMatch(/cp310-manylinux_x86_64\s+\S+\s+.*\syes$/m)
    }
  },
  'test-command': {
    how: 'build',
    check: () => {
      expect(container.log).toContain('probe checks passed on cp310-manylinux_x86_64')
      expect(container.log).toContain('probe checks passed on cp311-manylinux_x86_64')
    }
  },
  'before-all': { how: 'build', check: () => expect(container.status).toBe(0) },
  'before-build': { how: 'build', check: () => expect(container.status).toBe(0) },
  'before-test': { how: 'build', check: () => expect(container.status).toBe(0) },
  environment: { how: 'build', check: () => expect(container.status).toBe(0) },
  'environment-pass': { how: 'build', check: () => expect(container.status).toBe(0) },
  'config-settings': {
    how: 'build',
    check: () => expect(container.log).toContain('-Cprobe-key=probe-value')
  },
  'build-verbosity': {
    how: 'build',
    // 2 is `-v` for build (cp310) and `-v -v` for pip (cp311), as cibuildwheel passes them.
    check: () => {
      expect(container.log).toMatch(
        /\[cp310-manylinux_x86_64\] ▸ build: python -m build .* -v(\n| )/
      )
      expect(container.log).toMatch(
        /\[cp311-manylinux_x86_64\] ▸ build: python -m pip wheel .* -v -v(\n| )/
      )
    }
  },
  'build-frontend': {
    how: 'build',
    check: () =>
      expect(container.log).toMatch(/\[cp311-manylinux_x86_64\] ▸ build: python -m pip wheel /)
  },
  // It constrains the tools wheelwright installs (written once per container), and not the
  // test env, as cibuildwheel: check.py asserts that six there is not the pinned 1.16.0.
  'dependency-versions': {
    how: 'build',
    check: () => expect(container.log).toMatch(/✓ constraints \(/)
  },
  'test-extras': { how: 'build', check: () => expect(container.log).toMatch(/\[extra\]/) },
  'test-groups': { how: 'build', check: () => expect(container.status).toBe(0) },
  'test-requires': { how: 'build', check: () => expect(container.status).toBe(0) },
  'test-sources': { how: 'build', check: () => expect(container.status).toBe(0) },
  'test-environment': { how: 'build', check: () => expect(container.status).toBe(0) },
  'repair-wheel-command': {
    how: 'build',
    check: () => {
      // The default (auditwheel) gives the image's manylinux tag; the override copies.
      expect(wheelOf('cp310')).toContain('manylinux_2_36_x86_64')
      expect(wheelOf('cp312')).toMatch(/-linux_x86_64\.whl$/)
    }
  },
  'container-engine': {
    how: 'build',
    check: () => expect(container.log).toContain('building in podman containers')
  },
  'manylinux-x86_64-image': {
    how: 'build',
    check: () => expect(container.log).toContain(MULTI_IMAGE)
  },
  'audit-command': {
    how: 'build',
    check: () => {
      expect(audit.marker).toBe(true)
      expect(audit.log).toMatch(/\n▸ audit: abi3audit --strict --report /)
    }
  },
  'audit-requires': {
    how: 'build',
    // The audit command imports iniconfig with the tools venv's python.
    check: () => {
      expect(audit.log.slice(-2000)).not.toContain('error:')
      expect(audit.status).toBe(0)
    }
  },
  enable: {
    how: 'plan',
    check: () => {
      const plan = planOf({ CIBW_ENABLE: 'pypy', CIBW_BUILD: 'pp311-*' })
      expect(plan.groups.flatMap(g => g.builds.map(b => b.identifier))).toContain(
        'pp311-manylinux_x86_64'
      )
    }
  },
  'pyodide-version': {
    how: 'reported',
    check: () => expect(container.log).toContain('pyodide-version: applies only to pyodide')
  },
  'xbuild-tools': {
    how: 'reported',
    check: () => expect(container.log).toContain('xbuild-tools: applies only to cross builds')
  },
  'xbuild-files': {
    how: 'reported',
    check: () =>
      expect(planOf({ CIBW_XBUILD_FILES: 'numpy: a.h' }).warnings).toContain(
        'xbuild-files: applies only to cross builds for ios, android and pyodide'
      )
  },
  'test-runtime': {
    how: 'reported',
    check: () => expect(container.log).toContain('test-runtime: applies only to android')
  }
}

/** Image options of archs this machine does not run: each picks its group's image in the plan. */
const LINUX_ARCHS = ['x86_64', 'i686', 'aarch64', 'ppc64le', 's390x', 'armv7l', 'riscv64']
for (const family of ['manylinux', 'musllinux']) {
  for (const arch of LINUX_ARCHS) {
    const name = `${family}-${arch}-image`
    if (ROWS[name]) continue
    ROWS[name] = {
      how: 'plan',
      check: () => {
        const image = `registry.example/${family}-${arch}:probe`
        const plan = planOf({
          [`CIBW_${name.toUpperCase().replaceAll('-', '_')}`]: image,
          CIBW_BUILD: `cp312-${family}_${arch}`,
          CIBW_ARCHS: arch
        })
        expect(plan.groups.map(g => g.container?.image)).toEqual([image])
      }
    }
  }
}
for (const arch of ['x86_64', 'i686', 'aarch64']) {
  ROWS[`manylinux-pypy_${arch}-image`] = {
    how: 'reported',
    check: () => {
      const plan = planOf({ [`CIBW_MANYLINUX_PYPY_${arch.toUpperCase()}_IMAGE`]: 'x/y:z' })
      expect(plan.warnings.join('\n')).toContain(
        `manylinux-pypy_${arch}-image: has no effect since cibuildwheel 4`
      )
    }
  }
}

/** A dry-run plan of the C fixture with these CIBW_* variables, and its warnings. */
function planOf(env: Record<string, string>) {
  const run = runCliProcess(
    [
      'build',
      path.join(ROOT, 'test', 'fixtures', 'c-ext'),
      '--dry-run',
      '--container',
      'on',
      '--container-engine',
      'podman'
    ],
    env
  )
  if (run.status !== 0) throw new Error(`dry run failed: ${run.stderr}`)
  const warnings = run.stderr
    .split('\n')
    .filter(l => l.startsWith('warning: '))
    .map(l => l.slice('warning: '.length).replace(/; ignored on .*$/, ''))
  return { ...JSON.parse(run.stdout), warnings } as {
    groups: { container?: { image: string }; builds: { identifier: string }[] }[]
    warnings: string[]
  }
}

/** The option names of cibuildwheel's schema, without the structural keys. */
function cibuildwheelOptions(): string[] {
  const read = spawnSync(
    venvTool('python'),
    [
      '-c',
      'import json; from importlib import resources; print(json.dumps(sorted(json.loads((resources.files("cibuildwheel") / "resources" / "cibuildwheel.schema.json").read_text())["properties"])))'
    ],
    { encoding: 'utf8' }
  )
  if (read.status !== 0) throw new Error(`cannot read cibuildwheel's schema: ${read.stderr}`)
  const structural = [
    'overrides',
    'inherit',
    'linux',
    'macos',
    'windows',
    'pyodide',
    'ios',
    'android'
  ]
  return (JSON.parse(read.stdout) as string[]).filter(name => !structural.includes(name))
}

describe('every cibuildwheel option takes effect or is reported', () => {
  test('the table covers every option of cibuildwheel 4.3.5', () => {
    expect(Object.keys(ROWS).sort()).toEqual(cibuildwheelOptions())
  })

  test('the container build with most options set succeeds', () => {
    expect(container.log.slice(-3000)).not.toContain('error:')
    expect(container.status).toBe(0)
  })

  test.each(Object.entries(ROWS).map(([name, row]) => [name, row.how, row] as const))(
    '%s (%s)',
    (_name, _how, row) => row.check()
  )
})
