import fs__default from 'node:fs';
import os$1 from 'node:os';
import path$1 from 'node:path';
import { p as processAlive, a as acquireLock, w as waitingMessage, t as toolsContext } from './lock-Bv3Ceag5.js';
import { r as requiredGroup, w as words, s as selectorMatches, U as UserError, b as EXIT, d as isCredential, i as isUserError, f as pythonVersionOf } from './selector-wT822Vb0.js';
import { c as checkWritableDir } from './dirs-CvDxw7Nn.js';
import { w as withoutDebugCommands, t as thisMachine, g as eventOutput, l as liveOutput, i as failureKind, k as duration, m as paintFor, V as VERSION, n as checkArchsSelected } from './debug-filter-CXJUdh1i.js';
import { j as jobConfigurations } from './select-fUeGHI4h.js';
import { g as allKnownIdentifiers, b as platformNamed, h as archDir, t as toolCacheRoot, i as placementOf, j as archiveDir, k as archiveExecutable, n as nugetLibs, l as nugetDir, m as nugetUrl, r as minorOf, v as toolCacheArch, I as IMAGE_PATH_PREPEND, w as parseCompilerCacheOutput, x as buildDirs, y as POSIX, z as environmentScript, a as parseEnvironment, A as changedVariables, B as parseEnvZ, C as constraintsFor, d as archOfIdentifier, D as CONTAINER_CACHE } from './identifiers-BO1s8poE.js';
import crypto$1 from 'node:crypto';
import { e as exec, s as semverExports, a as semver, b as startError, T as Tail, K as KEPT_CHARS, C as ChildTracker } from './index-Da-eS02x.js';
import { i as info, m as mkdirP, d as debug, e as exec$1, a as isDebug, H as HttpClient, r as rmRF, w as which } from './core-ORKXprpS.js';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import 'child_process';
import * as path from 'path';
import * as require$$0$1 from 'stream';
import * as require$$0 from 'util';
import { ok } from 'assert';
import { spawn, spawnSync } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import { p as parseWheelName, i as isAbi3, a as isPurePython } from './filename-CvnRmlht.js';
import { s as stopAndExit } from './interrupt-FJeqM1js.js';
import 'node:perf_hooks';
import 'node:process';
import './_commonjsHelpers-Bgu_3bK-.js';
import 'http';
import 'https';
import 'net';
import 'tls';
import 'events';
import 'node:assert';
import 'node:net';
import 'node:http';
import 'node:stream';
import 'node:buffer';
import 'node:util';
import 'node:querystring';
import 'node:events';
import 'node:diagnostics_channel';
import 'node:tls';
import 'node:zlib';
import 'node:util/types';
import 'node:worker_threads';
import 'node:url';
import 'node:async_hooks';
import 'node:console';
import 'node:dns';
import 'string_decoder';
import 'timers';

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
            const legacy = LEGACY.filter(l => l.test.test(effective));
            hints.push(...legacy.map(l => l.text));
            if (name === 'build') {
                throw new UserError('selector matches no identifier', {
                    key: buildKey,
                    value: pattern,
                    exitCode: legacy.length > 0 ? EXIT.deprecated : EXIT.configuration,
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

function createBuildPlan(options, configurations, facts) {
    const planned = platformNamed(options.platform).plan(options, configurations, facts);
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

const INHERITED = '(inherited)';
function redact(env, runner) {
    return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, runner[k] === v ? INHERITED : v]));
}
function dryRunJson(plan, runner) {
    const shown = {
        ...plan,
        groups: plan.groups.map(group => ({
            ...group,
            ...(group.container
                ? { container: { ...group.container, env: redact(group.container.env, runner) } }
                : {}),
            setup: group.setup.map(step => ({ ...step, env: redact(step.env, runner) })),
            teardown: group.teardown.map(step => ({ ...step, env: redact(step.env, runner) })),
            builds: group.builds.map(build => ({
                ...build,
                env: redact(build.env, runner),
                steps: build.steps.map(step => ({ ...step, env: redact(step.env, runner) }))
            }))
        }))
    };
    return JSON.stringify(shown, null, 2);
}

/** docker/podman, driven through argv arrays only. */
/** True when the engine answers (a client with no daemon does not). */
async function engineWorks(engine) {
    const result = await exec([engine, 'info', '--format', '{{json .}}'], { timeoutMs: 30000 }).catch(() => undefined);
    return result?.code === 0;
}
/** The image's ID (content digest), part of the wheel cache key. */
async function imageId(engine, image) {
    const result = await exec([engine, 'image', 'inspect', '--format', '{{.Id}}', image], {
        timeoutMs: 30000
    }).catch(() => undefined);
    return result?.code === 0 ? result.stdout.trim() : undefined;
}

/**
 * Foreign-arch containers run under QEMU through a binfmt_misc handler. Before
 * any container starts, each emulated arch must have one registered and
 * enabled; otherwise the first step would fail with "exec format error".
 */
/** The handler names qemu-user-static, binfmt-support and tonistiigi/binfmt register. */
const HANDLERS = {
    aarch64: ['qemu-aarch64'],
    armv7l: ['qemu-arm'],
    ppc64le: ['qemu-ppc64le'],
    s390x: ['qemu-s390x'],
    riscv64: ['qemu-riscv64'],
    i686: ['qemu-i386'],
    x86_64: ['qemu-x86_64']
};
const BINFMT_DIR = '/proc/sys/fs/binfmt_misc';
/** Whether a handler for `arch` is registered and enabled in `dir`. */
function emulationReady(arch, dir = BINFMT_DIR) {
    return (HANDLERS[arch] ?? [`qemu-${arch}`]).some(name => {
        const file = path$1.join(dir, name);
        if (!fs__default.existsSync(file))
            return false;
        return fs__default.readFileSync(file, 'utf8').split('\n')[0].trim() === 'enabled';
    });
}
/** Refuses the run when an emulated arch has no handler, before anything starts. */
function checkEmulation(archs, dir = BINFMT_DIR) {
    const missing = archs.filter(arch => !emulationReady(arch, dir));
    if (missing.length === 0)
        return;
    throw new UserError(`this machine cannot run ${missing.join(', ')} containers`, {
        key: 'archs',
        value: missing.join(' '),
        hint: `no enabled QEMU handler in ${dir}. On GitHub Actions add docker/setup-qemu-action before this step; ` +
            'locally install qemu-user-static and register it with binfmt_misc with the F flag (so it works inside containers)'
    });
}

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};

var __awaiter$1 = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
/**
 * Internal class for retries
 */
class RetryHelper {
    constructor(maxAttempts, minSeconds, maxSeconds) {
        if (maxAttempts < 1) {
            throw new Error('max attempts should be greater than or equal to 1');
        }
        this.maxAttempts = maxAttempts;
        this.minSeconds = Math.floor(minSeconds);
        this.maxSeconds = Math.floor(maxSeconds);
        if (this.minSeconds > this.maxSeconds) {
            throw new Error('min seconds should be less than or equal to max seconds');
        }
    }
    execute(action, isRetryable) {
        return __awaiter$1(this, void 0, void 0, function* () {
            let attempt = 1;
            while (attempt < this.maxAttempts) {
                // Try
                try {
                    return yield action();
                }
                catch (err) {
                    if (isRetryable && !isRetryable(err)) {
                        throw err;
                    }
                    info(err.message);
                }
                // Sleep
                const seconds = this.getSleepAmount();
                info(`Waiting ${seconds} seconds before trying again`);
                yield this.sleep(seconds);
                attempt++;
            }
            // Last attempt
            return yield action();
        });
    }
    getSleepAmount() {
        return (Math.floor(Math.random() * (this.maxSeconds - this.minSeconds + 1)) +
            this.minSeconds);
    }
    sleep(seconds) {
        return __awaiter$1(this, void 0, void 0, function* () {
            return new Promise(resolve => setTimeout(resolve, seconds * 1000));
        });
    }
}

var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
class HTTPError extends Error {
    constructor(httpStatusCode) {
        super(`Unexpected HTTP response: ${httpStatusCode}`);
        this.httpStatusCode = httpStatusCode;
        Object.setPrototypeOf(this, new.target.prototype);
    }
}
const IS_WINDOWS = process.platform === 'win32';
process.platform === 'darwin';
const userAgent = 'actions/tool-cache';
/**
 * Download a tool from an url and stream it into a file
 *
 * @param url       url of tool to download
 * @param dest      path to download tool
 * @param auth      authorization header
 * @param headers   other headers
 * @returns         path to downloaded tool
 */
function downloadTool(url, dest, auth, headers) {
    return __awaiter(this, void 0, void 0, function* () {
        dest = dest || path.join(_getTempDirectory(), crypto.randomUUID());
        yield mkdirP(path.dirname(dest));
        debug(`Downloading ${url}`);
        debug(`Destination ${dest}`);
        const maxAttempts = 3;
        const minSeconds = _getGlobal('TEST_DOWNLOAD_TOOL_RETRY_MIN_SECONDS', 10);
        const maxSeconds = _getGlobal('TEST_DOWNLOAD_TOOL_RETRY_MAX_SECONDS', 20);
        const retryHelper = new RetryHelper(maxAttempts, minSeconds, maxSeconds);
        return yield retryHelper.execute(() => __awaiter(this, void 0, void 0, function* () {
            return yield downloadToolAttempt(url, dest || '', auth, headers);
        }), (err) => {
            if (err instanceof HTTPError && err.httpStatusCode) {
                // Don't retry anything less than 500, except 408 Request Timeout and 429 Too Many Requests
                if (err.httpStatusCode < 500 &&
                    err.httpStatusCode !== 408 &&
                    err.httpStatusCode !== 429) {
                    return false;
                }
            }
            // Otherwise retry
            return true;
        });
    });
}
function downloadToolAttempt(url, dest, auth, headers) {
    return __awaiter(this, void 0, void 0, function* () {
        if (fs.existsSync(dest)) {
            throw new Error(`Destination file path ${dest} already exists`);
        }
        // Get the response headers
        const http = new HttpClient(userAgent, [], {
            allowRetries: false
        });
        const response = yield http.get(url, headers);
        if (response.message.statusCode !== 200) {
            const err = new HTTPError(response.message.statusCode);
            debug(`Failed to download from "${url}". Code(${response.message.statusCode}) Message(${response.message.statusMessage})`);
            throw err;
        }
        // Download the response body
        const pipeline = require$$0.promisify(require$$0$1.pipeline);
        const responseMessageFactory = _getGlobal('TEST_DOWNLOAD_TOOL_RESPONSE_MESSAGE_FACTORY', () => response.message);
        const readStream = responseMessageFactory();
        let succeeded = false;
        try {
            yield pipeline(readStream, fs.createWriteStream(dest));
            debug('download complete');
            succeeded = true;
            return dest;
        }
        finally {
            // Error, delete dest before retry
            if (!succeeded) {
                debug('download failed');
                try {
                    yield rmRF(dest);
                }
                catch (err) {
                    debug(`Failed to delete '${dest}'. ${err.message}`);
                }
            }
        }
    });
}
/**
 * Extract a compressed tar archive
 *
 * @param file     path to the tar
 * @param dest     destination directory. Optional.
 * @param flags    flags for the tar command to use for extraction. Defaults to 'xz' (extracting gzipped tars). Optional.
 * @returns        path to the destination directory
 */
function extractTar(file_1, dest_1) {
    return __awaiter(this, arguments, void 0, function* (file, dest, flags = 'xz') {
        if (!file) {
            throw new Error("parameter 'file' is required");
        }
        // Create dest
        dest = yield _createExtractFolder(dest);
        // Determine whether GNU tar
        debug('Checking tar --version');
        let versionOutput = '';
        yield exec$1('tar --version', [], {
            ignoreReturnCode: true,
            silent: true,
            listeners: {
                stdout: (data) => (versionOutput += data.toString()),
                stderr: (data) => (versionOutput += data.toString())
            }
        });
        debug(versionOutput.trim());
        const isGnuTar = versionOutput.toUpperCase().includes('GNU TAR');
        // Initialize args
        let args;
        if (flags instanceof Array) {
            args = flags;
        }
        else {
            args = [flags];
        }
        if (isDebug() && !flags.includes('v')) {
            args.push('-v');
        }
        let destArg = dest;
        let fileArg = file;
        if (IS_WINDOWS && isGnuTar) {
            args.push('--force-local');
            destArg = dest.replace(/\\/g, '/');
            // Technically only the dest needs to have `/` but for aesthetic consistency
            // convert slashes in the file arg too.
            fileArg = file.replace(/\\/g, '/');
        }
        if (isGnuTar) {
            // Suppress warnings when using GNU tar to extract archives created by BSD tar
            args.push('--warning=no-unknown-keyword');
            args.push('--overwrite');
        }
        args.push('-C', destArg, '-f', fileArg);
        yield exec$1(`tar`, args);
        return dest;
    });
}
/**
 * Extract a zip
 *
 * @param file     path to the zip
 * @param dest     destination directory. Optional.
 * @returns        path to the destination directory
 */
function extractZip(file, dest) {
    return __awaiter(this, void 0, void 0, function* () {
        if (!file) {
            throw new Error("parameter 'file' is required");
        }
        dest = yield _createExtractFolder(dest);
        if (IS_WINDOWS) {
            yield extractZipWin(file, dest);
        }
        else {
            yield extractZipNix(file, dest);
        }
        return dest;
    });
}
function extractZipWin(file, dest) {
    return __awaiter(this, void 0, void 0, function* () {
        // build the powershell command
        const escapedFile = file.replace(/'/g, "''").replace(/"|\n|\r/g, ''); // double-up single quotes, remove double quotes and newlines
        const escapedDest = dest.replace(/'/g, "''").replace(/"|\n|\r/g, '');
        const pwshPath = yield which('pwsh', false);
        //To match the file overwrite behavior on nix systems, we use the overwrite = true flag for ExtractToDirectory
        //and the -Force flag for Expand-Archive as a fallback
        if (pwshPath) {
            //attempt to use pwsh with ExtractToDirectory, if this fails attempt Expand-Archive
            const pwshCommand = [
                `$ErrorActionPreference = 'Stop' ;`,
                `try { Add-Type -AssemblyName System.IO.Compression.ZipFile } catch { } ;`,
                `try { [System.IO.Compression.ZipFile]::ExtractToDirectory('${escapedFile}', '${escapedDest}', $true) }`,
                `catch { if (($_.Exception.GetType().FullName -eq 'System.Management.Automation.MethodException') -or ($_.Exception.GetType().FullName -eq 'System.Management.Automation.RuntimeException') ){ Expand-Archive -LiteralPath '${escapedFile}' -DestinationPath '${escapedDest}' -Force } else { throw $_ } } ;`
            ].join(' ');
            const args = [
                '-NoLogo',
                '-NoProfile',
                '-NonInteractive',
                '-ExecutionPolicy',
                'Unrestricted',
                '-Command',
                pwshCommand
            ];
            debug(`Using pwsh at path: ${pwshPath}`);
            yield exec$1(`"${pwshPath}"`, args);
        }
        else {
            const powershellCommand = [
                `$ErrorActionPreference = 'Stop' ;`,
                `try { Add-Type -AssemblyName System.IO.Compression.FileSystem } catch { } ;`,
                `if ((Get-Command -Name Expand-Archive -Module Microsoft.PowerShell.Archive -ErrorAction Ignore)) { Expand-Archive -LiteralPath '${escapedFile}' -DestinationPath '${escapedDest}' -Force }`,
                `else {[System.IO.Compression.ZipFile]::ExtractToDirectory('${escapedFile}', '${escapedDest}', $true) }`
            ].join(' ');
            const args = [
                '-NoLogo',
                '-Sta',
                '-NoProfile',
                '-NonInteractive',
                '-ExecutionPolicy',
                'Unrestricted',
                '-Command',
                powershellCommand
            ];
            const powershellPath = yield which('powershell', true);
            debug(`Using powershell at path: ${powershellPath}`);
            yield exec$1(`"${powershellPath}"`, args);
        }
    });
}
function extractZipNix(file, dest) {
    return __awaiter(this, void 0, void 0, function* () {
        const unzipPath = yield which('unzip', true);
        const args = [file];
        if (!isDebug()) {
            args.unshift('-q');
        }
        args.unshift('-o'); //overwrite with -o, otherwise a prompt is shown which freezes the run
        yield exec$1(`"${unzipPath}"`, args, { cwd: dest });
    });
}
/**
 * Finds the path to a tool version in the local installed tool cache
 *
 * @param toolName      name of the tool
 * @param versionSpec   version of the tool
 * @param arch          optional arch.  defaults to arch of computer
 */
function find(toolName, versionSpec, arch) {
    if (!versionSpec) {
        throw new Error('versionSpec parameter is required');
    }
    arch = arch || os.arch();
    // attempt to resolve an explicit version
    if (!isExplicitVersion(versionSpec)) {
        const localVersions = findAllVersions(toolName, arch);
        const match = evaluateVersions(localVersions, versionSpec);
        versionSpec = match;
    }
    // check for the explicit version in the cache
    let toolPath = '';
    if (versionSpec) {
        versionSpec = semverExports.clean(versionSpec) || '';
        const cachePath = path.join(_getCacheDirectory(), toolName, versionSpec, arch);
        debug(`checking cache: ${cachePath}`);
        if (fs.existsSync(cachePath) && fs.existsSync(`${cachePath}.complete`)) {
            debug(`Found tool in cache ${toolName} ${versionSpec} ${arch}`);
            toolPath = cachePath;
        }
        else {
            debug('not found');
        }
    }
    return toolPath;
}
/**
 * Finds the paths to all versions of a tool that are installed in the local tool cache
 *
 * @param toolName  name of the tool
 * @param arch      optional arch.  defaults to arch of computer
 */
function findAllVersions(toolName, arch) {
    const versions = [];
    arch = arch || os.arch();
    const toolPath = path.join(_getCacheDirectory(), toolName);
    if (fs.existsSync(toolPath)) {
        const children = fs.readdirSync(toolPath);
        for (const child of children) {
            if (isExplicitVersion(child)) {
                const fullPath = path.join(toolPath, child, arch || '');
                if (fs.existsSync(fullPath) && fs.existsSync(`${fullPath}.complete`)) {
                    versions.push(child);
                }
            }
        }
    }
    return versions;
}
function _createExtractFolder(dest) {
    return __awaiter(this, void 0, void 0, function* () {
        if (!dest) {
            // create a temp dir
            dest = path.join(_getTempDirectory(), crypto.randomUUID());
        }
        yield mkdirP(dest);
        return dest;
    });
}
/**
 * Check if version string is explicit
 *
 * @param versionSpec      version string to check
 */
function isExplicitVersion(versionSpec) {
    const c = semverExports.clean(versionSpec) || '';
    debug(`isExplicit: ${c}`);
    const valid = semverExports.valid(c) != null;
    debug(`explicit? ${valid}`);
    return valid;
}
/**
 * Get the highest satisfiying semantic version in `versions` which satisfies `versionSpec`
 *
 * @param versions        array of versions to evaluate
 * @param versionSpec     semantic version spec to satisfy
 */
function evaluateVersions(versions, versionSpec) {
    let version = '';
    debug(`evaluating ${versions.length} versions`);
    versions = versions.sort((a, b) => {
        if (semverExports.gt(a, b)) {
            return 1;
        }
        return -1;
    });
    for (let i = versions.length - 1; i >= 0; i--) {
        const potential = versions[i];
        const satisfied = semverExports.satisfies(potential, versionSpec);
        if (satisfied) {
            version = potential;
            break;
        }
    }
    if (version) {
        debug(`matched: ${version}`);
    }
    else {
        debug('match not found');
    }
    return version;
}
/**
 * Gets RUNNER_TOOL_CACHE
 */
function _getCacheDirectory() {
    const cacheDirectory = process.env['RUNNER_TOOL_CACHE'] || '';
    ok(cacheDirectory, 'Expected RUNNER_TOOL_CACHE to be defined');
    return cacheDirectory;
}
/**
 * Gets RUNNER_TEMP
 */
function _getTempDirectory() {
    const tempDirectory = process.env['RUNNER_TEMP'] || '';
    ok(tempDirectory, 'Expected RUNNER_TEMP to be defined');
    return tempDirectory;
}
/**
 * Gets a global variable
 */
function _getGlobal(key, defaultValue) {
    /* eslint-disable @typescript-eslint/no-explicit-any */
    const value = global[key];
    /* eslint-enable @typescript-eslint/no-explicit-any */
    return value !== undefined ? value : defaultValue;
}

/**
 * The runner tool cache, as actions/setup-python lays it out:
 * `<root>/Python/<X.Y.Z>/<x64|arm64|x86>[-freethreaded]/` with a sibling
 * `<arch>.complete` marker. Lookups go through @actions/tool-cache (which
 * checks the marker and parses versions) and semver (which picks the newest
 * patch of a minor).
 */
/** `3.12` → `3.12.x` (prereleases of 3.12 included); an exact version stays exact. */
function semverRange(version) {
    const [major, minor, patch] = version.split('.');
    if (patch !== undefined)
        return semver.clean(version) ?? version;
    return `>=${major}.${minor}.0-0 <${major}.${Number(minor) + 1}.0-0`;
}
/** Outside a workflow, @actions/core's debug lines would spoil the CLI's stdout (JSON). */
function quiet() {
    return process.env.GITHUB_ACTIONS !== 'true';
}
/** Runs a synchronous @actions/tool-cache call against `root` (it reads the root from process.env). */
function withRoot(root, fn) {
    const saved = process.env.RUNNER_TOOL_CACHE;
    const write = process.stdout.write;
    process.env.RUNNER_TOOL_CACHE = root;
    if (quiet())
        process.stdout.write = withoutDebugCommands(write, process.stdout);
    try {
        return fn();
    }
    finally {
        process.stdout.write = write;
        if (saved === undefined)
            delete process.env.RUNNER_TOOL_CACHE;
        else
            process.env.RUNNER_TOOL_CACHE = saved;
    }
}
/** Versions of Python in the cache for an arch dir, those with a `.complete` marker only. */
function cachedVersions(root, arch) {
    return withRoot(root, () => findAllVersions('Python', arch)).sort(semver.rcompare);
}
/** The interpreter inside an installed tool-cache directory. */
function pythonIn(dir, layout, minor) {
    return layout
        .interpreterNames(minor)
        .map(n => path$1.join(dir, n))
        .find(f => fs__default.existsSync(f));
}
/** The newest cached Python matching `spec`, or undefined. */
function findCachedPython(root, spec, layout) {
    const arch = archDir(spec);
    const version = semver.maxSatisfying(cachedVersions(root, arch), semverRange(spec.version), {
        includePrerelease: true
    });
    if (!version)
        return undefined;
    const dir = withRoot(root, () => find('Python', version, arch));
    if (!dir)
        return undefined;
    const minor = version.split('.').slice(0, 2).join('.');
    const python = pythonIn(dir, layout, minor);
    return python ? { version, dir, python } : undefined;
}
/** Where a lookup for `spec` looked, for error messages. */
function lookupLocation(root, spec, layout) {
    return layout.path.join(root, 'Python', `${spec.version}${spec.version.split('.').length < 3 ? '.*' : ''}`, archDir(spec));
}

/**
 * Finds the Pythons on this machine for host builds: the runner tool cache
 * (`RUNNER_TOOL_CACHE/Python/<X.Y.Z>/<arch>[-freethreaded]` with its
 * `<arch>.complete` marker), pyenv, then PATH. Each candidate is asked for its
 * version once; the first interpreter found for an identifier wins. A
 * candidate whose path names a Python version that no selected identifier
 * needs (pyenv's `3.9.18`, PATH's `pypy3.9`) is not asked: starting every
 * interpreter of a machine (PyPy takes most of a second) is the largest part
 * of a host build's start-up.
 */
const PROBE = 'import json, platform, sys, sysconfig; print(json.dumps({"version": platform.python_version(), ' +
    '"implementation": sys.implementation.name, "ft": bool(sysconfig.get_config_var("Py_GIL_DISABLED")), ' +
    '"pypy": getattr(sys, "pypy_version_info", None) and "%d%d" % sys.pypy_version_info[:2]}))';
/** `3.12` from names such as `3.12.1`, `3.13.0t`, `3.12-dev`, `python3.12`, `pypy3.10-7.3.12`. */
function minorOfName(name) {
    return /^(?:python|pypy)?(\d+\.\d+)(?![\d])/.exec(name)?.[1];
}
/**
 * Tool-cache layout: the arch directories that have a `.complete` marker,
 * newest version first, listed through @actions/tool-cache.
 */
function toolCacheCandidates(toolCache, arch, layout) {
    const result = [];
    for (const flavour of [arch, `${arch}-freethreaded`]) {
        for (const version of cachedVersions(toolCache, flavour)) {
            const minor = version.split('.').slice(0, 2).join('.');
            const exe = pythonIn(path$1.join(toolCache, 'Python', version, flavour), layout, minor);
            if (exe)
                result.push({ path: exe, source: 'tool-cache', minor });
        }
    }
    return result;
}
function compareVersionsDesc(a, b) {
    const pa = a.split(/[.-]/).map(n => Number.parseInt(n, 10) || 0);
    const pb = b.split(/[.-]/).map(n => Number.parseInt(n, 10) || 0);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        if ((pa[i] ?? 0) !== (pb[i] ?? 0))
            return (pb[i] ?? 0) - (pa[i] ?? 0);
    }
    return 0;
}
function pyenvCandidates(env) {
    const root = env.PYENV_ROOT ?? path$1.join(env.HOME ?? os$1.homedir(), '.pyenv');
    const versions = path$1.join(root, 'versions');
    if (!fs__default.existsSync(versions))
        return [];
    return fs__default
        .readdirSync(versions)
        .sort(compareVersionsDesc)
        .map(v => ({ path: path$1.join(versions, v, 'bin', 'python'), minor: minorOfName(v) }))
        .filter(c => fs__default.existsSync(c.path))
        .map(c => ({ ...c, source: 'pyenv' }));
}
function pathCandidates(env) {
    const names = ['python3', 'pypy3', ...Array.from({ length: 8 }, (_, i) => `python3.${i + 9}`)];
    const found = [];
    for (const dir of (env.PATH ?? '').split(path$1.delimiter).filter(Boolean)) {
        if (dir.includes(`${path$1.sep}.pyenv${path$1.sep}shims`))
            continue;
        for (const name of names) {
            const file = path$1.join(dir, name);
            if (!fs__default.existsSync(file))
                continue;
            const real = fs__default.realpathSync(file);
            found.push({ path: real, source: 'path', minor: minorOfName(path$1.basename(real)) });
        }
    }
    return found;
}
/** The identifier a host interpreter builds, e.g. `cp312-manylinux_x86_64`. */
function identifierFor(probe, platformTag) {
    const [major, minor] = probe.version.split('.');
    if (probe.implementation === 'cpython')
        return `cp${major}${minor}${probe.ft ? 't' : ''}-${platformTag}`;
    if (probe.implementation === 'pypy')
        return `pp${major}${minor}-${platformTag}`;
    return undefined;
}
/** Whether a candidate is worth asking: its path names no version, or a wanted one. */
function worthProbing(candidate, minors) {
    return !minors || candidate.minor === undefined || minors.has(candidate.minor);
}
async function discoverInterpreters(input) {
    const { env } = input;
    const toolCache = toolCacheRoot(env);
    const candidates = [
        ...(toolCache ? toolCacheCandidates(toolCache, input.toolCacheArch, input.layout) : []),
        ...pyenvCandidates(env),
        ...pathCandidates(env)
    ];
    const unique = [...new Map(candidates.map(c => [c.path, c])).values()].filter(c => worthProbing(c, input.minors));
    const probes = await Promise.all(unique.map(async (candidate) => {
        const result = await exec([candidate.path, '-c', PROBE], { timeoutMs: 20000 }).catch(() => undefined);
        if (!result || result.code !== 0)
            return undefined;
        try {
            return { candidate, probe: JSON.parse(result.stdout.trim()) };
        }
        catch {
            return undefined;
        }
    }));
    const found = new Map();
    for (const entry of probes) {
        if (!entry)
            continue;
        const identifier = identifierFor(entry.probe, input.platformTag);
        if (!identifier || found.has(identifier))
            continue;
        found.set(identifier, {
            path: entry.candidate.path,
            version: entry.probe.version,
            implementation: entry.probe.implementation === 'pypy' ? 'pypy' : 'cpython',
            freeThreaded: entry.probe.ft
        });
    }
    return found;
}

/**
 * Installs missing interpreters (effects): CPython from the
 * actions/python-versions manifest into the runner tool cache (download,
 * extract, run the archive's own setup script, find it), PyPy and GraalPy
 * from the catalogue's archives checked against their sha256, and NuGet
 * CPython packages on Windows. Every download is retried; a failure names the
 * version, the arch and the URL.
 */
const DEFAULT_MANIFEST_URL = 'https://raw.githubusercontent.com/actions/python-versions/main/versions-manifest.json';
/** The manifest URL; WHEELWRIGHT_PYTHON_MANIFEST_URL overrides it (mirrors, tests). */
function manifestUrl(env) {
    return env.WHEELWRIGHT_PYTHON_MANIFEST_URL || DEFAULT_MANIFEST_URL;
}
function isRelease(value) {
    const r = value;
    return (typeof r === 'object' &&
        r !== null &&
        typeof r.version === 'string' &&
        typeof r.stable === 'boolean' &&
        Array.isArray(r.files) &&
        r.files.every(f => typeof f?.filename === 'string' &&
            typeof f.arch === 'string' &&
            typeof f.platform === 'string' &&
            typeof f.download_url === 'string'));
}
/**
 * The release and file to install for a query: the newest version in the
 * range, stable releases before prereleases, with a file for the platform
 * and arch (pure).
 */
function matchManifest(manifest, query) {
    const range = semverRange(query.spec.version);
    const arch = archDir(query.spec);
    const platform = query.platform;
    const candidates = manifest
        .filter(r => semver.valid(r.version) && semver.satisfies(r.version, range, { includePrerelease: true }))
        .sort((a, b) => Number(b.stable) - Number(a.stable) || semver.rcompare(a.version, b.version));
    for (const release of candidates) {
        const file = release.files.find(f => f.platform === platform &&
            f.arch === arch &&
            (!query.platformVersion ||
                !f.platform_version ||
                f.platform_version === query.platformVersion));
        if (file)
            return { release, file };
    }
    return undefined;
}
const DEFAULT_RETRY = { attempts: 3, delayMs: 2000 };
async function withRetries(policy, log, what, attempt) {
    let last;
    for (let n = 1; n <= policy.attempts; n++) {
        try {
            return await attempt(n);
        }
        catch (error) {
            last = error;
            if (n < policy.attempts) {
                const wait = policy.delayMs * 2 ** (n - 1);
                log(`${what}: attempt ${n} failed (${message(error)}); retrying in ${wait / 1000}s`);
                await new Promise(resolve => setTimeout(resolve, wait));
            }
        }
    }
    throw last;
}
function message(error) {
    const text = error instanceof Error ? error.message : String(error);
    return text.trim().split('\n').slice(-3).join(' ');
}
/** The manifest at `url`, fetched once per `manifests` map (a failed fetch is not remembered). */
function fetchManifest(url, policy = DEFAULT_RETRY, log = () => undefined, manifests = new Map()) {
    let pending = manifests.get(url);
    if (!pending) {
        pending = downloadManifest(url, policy, log);
        manifests.set(url, pending);
        pending.catch(() => manifests.delete(url));
    }
    return pending;
}
async function downloadManifest(url, policy, log) {
    try {
        return await withRetries(policy, log, `manifest ${url}`, async () => {
            const response = await fetch(url);
            if (!response.ok)
                throw new Error(`HTTP ${response.status}`);
            const data = await response.json();
            if (!Array.isArray(data) || data.length === 0 || !data.every(isRelease)) {
                throw new Error('not a list of releases');
            }
            return data;
        });
    }
    catch (error) {
        throw new UserError(`cannot read the Python versions manifest at ${url}: ${message(error)}`, {
            hint: 'check the network, or set WHEELWRIGHT_PYTHON_MANIFEST_URL to a reachable copy'
        });
    }
}
function fresh(dir) {
    fs__default.rmSync(dir, { recursive: true, force: true });
    fs__default.mkdirSync(dir, { recursive: true });
    return dir;
}
async function extract(archive, dest) {
    if (/\.(zip|nupkg)$/.test(archive))
        return extractZip(archive, dest);
    return extractTar(archive, dest, archive.endsWith('.bz2') ? 'xj' : 'xz');
}
async function download(url, dest) {
    fs__default.rmSync(dest, { force: true });
    return downloadTool(url, dest);
}
/** Runs the setup script of an actions/python-versions archive, as setup-python does. */
async function runSetupScript(dir, ctx) {
    const env = {
        ...ctx.env,
        RUNNER_TOOL_CACHE: ctx.toolCache,
        AGENT_TOOLSDIRECTORY: ctx.toolCache,
        ...ctx.layout.setupEnv(dir)
    };
    const argv = [...ctx.layout.setupScript];
    const result = await exec(argv, { cwd: dir, env, timeoutMs: 30 * 60 * 1000 });
    if (result.code !== 0) {
        throw new Error(`${argv.at(-1)} exited with ${result.code}: ${result.output.trim().split('\n').slice(-5).join(' | ')}`);
    }
}
/** Installs CPython for `spec` from the manifest into the tool cache and returns it. */
async function installFromManifest(spec, ctx) {
    const log = ctx.log ?? (() => undefined);
    const policy = ctx.retry ?? DEFAULT_RETRY;
    const url = manifestUrl(ctx.env);
    const manifest = await fetchManifest(url, policy, log, ctx.manifests);
    const match = matchManifest(manifest, {
        spec,
        platform: ctx.layout.manifestPlatform,
        platformVersion: ctx.platformVersion
    });
    const label = `Python ${spec.version} (${archDir(spec)})`;
    if (!match) {
        throw new UserError(`${label} is not in the tool cache and not in the manifest for ${ctx.layout.manifestPlatform}`, {
            hint: `looked in ${lookupLocation(ctx.toolCache, spec, ctx.layout)} and ${url}; skip this identifier or use another runner`
        });
    }
    const { release, file } = match;
    const exact = { ...spec, version: release.version };
    try {
        return await withRetries(policy, log, `${label} from ${file.download_url}`, async (n) => {
            const work = fresh(path$1.join(ctx.tempDir, `python-${release.version}-${archDir(spec)}-${n}`));
            const archive = await download(file.download_url, path$1.join(work, file.filename));
            const dir = await extract(archive, path$1.join(work, 'unpacked'));
            await runSetupScript(dir, ctx);
            const found = findCachedPython(ctx.toolCache, exact, ctx.layout);
            if (!found)
                throw new Error('the setup script left no complete Python in the tool cache');
            return found;
        });
    }
    catch (error) {
        throw new UserError(`could not install Python ${release.version} (${archDir(spec)}) from ${file.download_url}: ${message(error)}`, {
            hint: `tried ${policy.attempts} times; the tool cache is ${ctx.toolCache}`
        });
    }
}
function sha256Of(file) {
    return crypto$1.createHash('sha256').update(fs__default.readFileSync(file)).digest('hex');
}
/** The single top directory of an unpacked archive, or the directory itself. */
function topDirectory(dir) {
    const children = fs__default.readdirSync(dir);
    const only = children.length === 1 ? path$1.join(dir, children[0]) : undefined;
    return only && fs__default.statSync(only).isDirectory() ? only : dir;
}
/** Downloads, checks and unpacks an archive into `dest` (atomically); a no-op when present. */
async function installArchive(request, ctx) {
    if (fs__default.existsSync(request.dest))
        return request.dest;
    const log = ctx.log ?? (() => undefined);
    const policy = ctx.retry ?? DEFAULT_RETRY;
    const name = request.url.slice(request.url.lastIndexOf('/') + 1).replace(/\.nupkg$/, '.zip');
    try {
        return await withRetries(policy, log, `${request.label} from ${request.url}`, async (n) => {
            const work = fresh(path$1.join(ctx.tempDir, `archive-${crypto$1.randomBytes(4).toString('hex')}-${n}`));
            const archive = await download(request.url, path$1.join(work, name));
            if (request.sha256) {
                const actual = sha256Of(archive);
                if (actual !== request.sha256.toLowerCase()) {
                    throw new Error(`sha256 mismatch: expected ${request.sha256}, got ${actual}`);
                }
            }
            const unpacked = await extract(archive, path$1.join(work, 'unpacked'));
            const content = request.keepTop ? unpacked : topDirectory(unpacked);
            fs__default.mkdirSync(path$1.dirname(request.dest), { recursive: true });
            const staging = `${request.dest}.partial-${process.pid}`;
            fs__default.rmSync(staging, { recursive: true, force: true });
            fs__default.renameSync(content, staging);
            try {
                fs__default.renameSync(staging, request.dest);
            }
            catch (error) {
                // Another run installed the same thing meanwhile: theirs is as good as ours.
                if (!fs__default.existsSync(request.dest))
                    throw error;
                fs__default.rmSync(staging, { recursive: true, force: true });
            }
            fs__default.rmSync(work, { recursive: true, force: true });
            return request.dest;
        });
    }
    catch (error) {
        throw new UserError(`could not install ${request.label} from ${request.url}: ${message(error)}`, {
            hint: `tried ${policy.attempts} times; it unpacks to ${request.dest}`
        });
    }
}
/**
 * Installs a python.org macOS `.pkg` (after its sha256 check) with
 * `sudo installer`, as cibuildwheel does on CI; returns the framework's python3.
 */
async function installMacosPkg(request, ctx) {
    const python = `/Library/Frameworks/Python.framework/Versions/${request.minor}/bin/python3`;
    if (fs__default.existsSync(python))
        return python;
    const dest = path$1.join(ctx.tempDir, `pkg-${request.minor}`);
    const log = ctx.log ?? (() => undefined);
    const policy = ctx.retry ?? DEFAULT_RETRY;
    const file = path$1.join(dest, request.url.slice(request.url.lastIndexOf('/') + 1));
    try {
        await withRetries(policy, log, `Python ${request.minor} from ${request.url}`, async () => {
            fresh(dest);
            await download(request.url, file);
            const actual = sha256Of(file);
            if (actual !== request.sha256)
                throw new Error(`sha256 mismatch: expected ${request.sha256}, got ${actual}`);
        });
    }
    catch (error) {
        throw new UserError(`could not download Python ${request.minor} from ${request.url}: ${message(error)}`);
    }
    const result = await exec(['sudo', 'installer', '-pkg', file, '-target', '/'], {
        env: { ...ctx.env }
    });
    if (result.code !== 0 || !fs__default.existsSync(python)) {
        throw new UserError(`installing ${request.url} failed (exit ${result.code})`, {
            hint: result.output.trim().split('\n').slice(-3).join(' | ')
        });
    }
    return python;
}

/**
 * Finds, and on a runner installs, the interpreter of every selected macOS or
 * Windows identifier (effects): the tool cache first, then what discovery
 * found on the machine, then an install (manifest, archive, NuGet, pkg).
 * Without `install` (dry-run), or without a tool cache to install into (not a
 * runner), a missing interpreter is left out: a dry run shows where it would
 * be, a build reports the identifier as unavailable.
 */
/** The rules provideInterpreters takes for `python`; undefined when it installs nothing. */
function provideRules(python) {
    return python.installs && { layout: python.layout, ...python.installs };
}
function implementationOf(identifier) {
    return identifier.startsWith('pp') ? 'pypy' : identifier.startsWith('gp') ? 'graalpy' : 'cpython';
}
async function provideInterpreters(input) {
    const result = new Map();
    const root = toolCacheRoot(input.env);
    const { layout } = input.rules;
    const ctx = {
        env: input.env,
        layout,
        toolCache: root ?? '',
        tempDir: input.tempDir,
        retry: input.retry,
        log: input.log,
        manifests: new Map()
    };
    for (const config of input.configurations) {
        const placement = placementOf(config, input.hostMachine, input.rules.toolCacheTarget);
        const { source } = placement;
        const freeThreaded = /^cp\d+t-/.test(config.identifier);
        let found;
        if (source.kind === 'archive') {
            const dir = archiveDir(input.cacheDir, source.url, layout);
            const exe = archiveExecutable(dir, source.implementation, layout);
            if (!fs__default.existsSync(exe) && input.install) {
                await installArchive({ url: source.url, sha256: source.sha256, dest: dir, label: config.identifier }, ctx);
            }
            if (fs__default.existsSync(exe))
                found = { path: exe, version: config.version };
        }
        else {
            const cached = root ? findCachedPython(root, source.spec, layout) : undefined;
            const sibling = discoveredFor(input, config);
            if (cached)
                found = { path: cached.python, version: cached.version };
            else if (sibling)
                found = sibling;
            else if (input.install && root) {
                found = await installCpython(config, source.spec, ctx, input);
            }
            // Without a tool cache (not a runner) nothing is installed: the planner
            // reports the identifier as unavailable, as for Linux host builds.
        }
        if (!found)
            continue;
        let importLibs;
        if (placement.crossLibs) {
            const { nugetId, version } = placement.crossLibs;
            importLibs = nugetLibs(input.cacheDir, nugetId, version);
            if (!fs__default.existsSync(importLibs) && input.install) {
                await installArchive({
                    url: nugetUrl(nugetId, version),
                    dest: nugetDir(input.cacheDir, nugetId, version),
                    keepTop: true,
                    label: `${nugetId} ${version} import libraries`
                }, ctx);
            }
            if (!fs__default.existsSync(importLibs) && input.install) {
                throw new UserError(`the ${nugetId} ${version} package has no import libraries`, {
                    hint: `expected ${importLibs}`
                });
            }
        }
        result.set(config.identifier, {
            path: found.path,
            version: found.version,
            implementation: implementationOf(config.identifier),
            freeThreaded,
            ...(importLibs ? { importLibs } : {})
        });
    }
    return result;
}
/**
 * A CPython that discovery found for this identifier, or, where one
 * interpreter serves every arch (anyArchSibling), for another identifier of
 * the same Python (discovery lists the host platform's identifiers only).
 */
function discoveredFor(input, config) {
    const direct = input.discovered.get(config.identifier);
    if (direct)
        return direct;
    if (!input.rules.anyArchSibling)
        return undefined;
    const tag = config.identifier.slice(0, config.identifier.indexOf('-'));
    for (const [identifier, interpreter] of input.discovered) {
        if (identifier.startsWith(`${tag}-`))
            return interpreter;
    }
    return undefined;
}
async function installCpython(config, spec, ctx, input) {
    try {
        const installed = await installFromManifest(spec, ctx);
        return { path: installed.python, version: installed.version };
    }
    catch (error) {
        const { fallback: source } = input.rules;
        const install = source && FALLBACKS[source.kind];
        const fallback = await install?.(source, config, spec, ctx, input.cacheDir).catch(() => undefined);
        if (fallback)
            return fallback;
        throw error;
    }
}
/** python.org's NuGet package of the version (what cibuildwheel uses on Windows). */
const nugetFallback = async (source, config, spec, ctx, cacheDir) => {
    const packages = source.kind === 'nuget' ? source.packages : {};
    const base = packages[spec.arch];
    const version = config.version.split('.').length >= 3 ? config.version : undefined;
    if (!base || !version)
        return undefined;
    const id = `${base}${spec.freeThreaded ? '-freethreaded' : ''}`;
    const dest = nugetDir(cacheDir, id, version);
    await installArchive({ url: nugetUrl(id, version), dest, keepTop: true, label: `${id} ${version}` }, ctx);
    const python = pythonIn(path$1.join(dest, 'tools'), ctx.layout, minorOf(version));
    return python ? { path: python, version } : undefined;
};
/** python.org's installer package of the catalogue entry, on CI only. */
const installerPkgFallback = async (_source, config, spec, ctx) => {
    if (spec.freeThreaded || !config.url?.endsWith('.pkg') || !config.sha256)
        return undefined;
    if (ctx.env.GITHUB_ACTIONS !== 'true')
        return undefined;
    const python = await installMacosPkg({ url: config.url, sha256: config.sha256, minor: spec.version }, ctx);
    return { path: python, version: spec.version };
};
const FALLBACKS = {
    nuget: nugetFallback,
    'installer-pkg': installerPkgFallback
};

/** Gathers the PlanFacts of this machine (the effects before planning). */
function hostLibc() {
    const report = process.report?.getReport();
    return report?.header?.glibcVersionRuntime ? 'glibc' : 'musl';
}
async function lastCommitTime(dir) {
    const result = await exec(['git', '-C', dir, 'log', '-1', '--format=%ct'], {
        timeoutMs: 20000
    }).catch(() => undefined);
    const value = result?.code === 0 ? result.stdout.trim() : '';
    return /^\d+$/.test(value) ? value : undefined;
}
/**
 * The run's temp dir. Its path is stable for a project (so compilers that
 * record source paths give byte-identical wheels from run to run), and owned
 * through a pid file; a second concurrent run of the same project, or a dir
 * whose owner is still alive, gets a fresh random dir instead.
 */
function acquireRunDir(tempRoot, packageDir) {
    const key = crypto$1.createHash('sha256').update(packageDir).digest('hex').slice(0, 10);
    const stable = path$1.join(tempRoot, `wheelwright-${key}`);
    const owner = path$1.join(stable, '.owner');
    if (fs__default.existsSync(stable)) {
        const pid = Number.parseInt(fs__default.existsSync(owner) ? fs__default.readFileSync(owner, 'utf8') : '', 10);
        if (Number.isInteger(pid) && processAlive(pid))
            return fs__default.mkdtempSync(path$1.join(tempRoot, 'wheelwright-'));
        fs__default.rmSync(stable, { recursive: true, force: true });
    }
    try {
        fs__default.mkdirSync(stable);
    }
    catch {
        return fs__default.mkdtempSync(path$1.join(tempRoot, 'wheelwright-'));
    }
    fs__default.writeFileSync(owner, String(process.pid));
    return stable;
}
async function gatherFacts(options, configurations, env) {
    const platform = platformNamed(options.platform);
    // RUNNER_OS may name another OS (a dry run of a macOS or Windows plan here):
    // then this machine's interpreters are not that runner's.
    const onThisOs = options.platform === options.runner.platform && options.platform === thisMachine().platform;
    const { useContainer, engine } = await containerMode(options, configurations);
    if (useContainer && !options.dryRun) {
        const archs = [...new Set(configurations.map(c => c.arch))];
        checkEmulation(archs.filter(arch => platform.containers?.emulatedOn(arch, options.runner.machine)), env.WHEELWRIGHT_BINFMT_DIR || undefined);
    }
    const runId = crypto$1.randomBytes(4).toString('hex');
    // A dry run of another OS's plan uses the paths of that OS's hosted runner.
    const runnerPlatform = platformNamed(options.runner.platform);
    const hostPath = options.simulated ? runnerPlatform.runners.path : path$1;
    const tempRoot = env.RUNNER_TEMP || (options.simulated ? runnerPlatform.runners.hosted.temp : os$1.tmpdir());
    const tempDir = options.dryRun
        ? hostPath.join(tempRoot, `wheelwright-${runId}`)
        : acquireRunDir(tempRoot, options.packageDir);
    const libc = hostLibc();
    const hostTag = platform.archs.hostTag(options.runner.machine, libc);
    const discovered = onThisOs && !useContainer
        ? await discoverInterpreters({
            env,
            layout: platform.python.layout,
            platformTag: hostTag,
            toolCacheArch: toolCacheArch(options.runner.machine),
            minors: new Set(configurations.map(c => c.version.split('.').slice(0, 2).join('.')))
        })
        : new Map();
    // What discovery found, and on this OS what the platform's rules find or install besides.
    const rules = provideRules(platform.python);
    const hostInterpreters = onThisOs && rules
        ? await provideInterpreters({
            configurations,
            discovered,
            rules,
            hostMachine: options.runner.machine,
            env,
            cacheDir: options.cacheDir,
            tempDir: path$1.join(tempDir, 'downloads'),
            install: !options.dryRun
        })
        : discovered;
    return {
        runId,
        tempDir,
        env,
        useContainer,
        ...(engine ? { engine } : {}),
        hostInterpreters,
        hostLibc: libc,
        hostPython: runnerPlatform.runners.python,
        toolsDir: hostPath.join(options.cacheDir, 'tools'),
        containerCacheDir: path$1.join(options.cacheDir, 'container-cache'),
        cpuCount: os$1.availableParallelism(),
        sourceDateEpoch: await lastCommitTime(options.packageDir),
        passed: passedCredentials(options, configurations)
    };
}
/** The credential variables some identifier's environment-pass names (each is warned about). */
function passedCredentials(options, configurations) {
    return new Set(configurations
        .flatMap(c => options.buildOptions(c.identifier).environmentPass)
        .filter(isCredential));
}
/**
 * Whether this run builds in containers, and with which engine. As
 * cibuildwheel: on a platform that builds in containers, `auto` and `on`
 * need a working engine: the configured one, else podman when docker (the
 * default) does not answer. With none, the run stops here, unless it is a
 * dry run; `container: off` builds on the host.
 */
async function containerMode(options, configurations) {
    if (!platformNamed(options.platform).containers || options.container === 'off')
        return { useContainer: false };
    const engines = [
        ...new Set(configurations.map(c => options.buildOptions(c.identifier).containerEngine.name))
    ];
    const works = await Promise.all(engines.map(engineWorks));
    if (works.length > 0 && works.every(Boolean))
        return { useContainer: true };
    const fallback = engines.every(e => e === 'docker') && (await engineWorks('podman')) ? 'podman' : undefined;
    if (fallback)
        return { useContainer: true, engine: fallback };
    if (options.dryRun)
        return { useContainer: true };
    throw new UserError('no working container engine', {
        key: 'container',
        value: options.container,
        hint: `${[...engines, 'podman'].filter((e, i, all) => all.indexOf(e) === i).join(' and ')} did not answer; start one (or set container-engine), or set container: off to build on this host`
    });
}

const problemMatcher = [
	{
		owner: "wheelwright-gcc",
		pattern: [
			{
				regexp: "^(?:\\u001b\\[[0-9;]*[mK])*([^\\s:(\\[][^\\s:(]*):(\\d+):(?:(\\d+):)?(?:\\u001b\\[[0-9;]*[mK])*\\s+(?:\\u001b\\[[0-9;]*[mK])*(?:fatal )?error:\\s*(?:\\u001b\\[[0-9;]*[mK])*\\s*(.*)$",
				file: 1,
				line: 2,
				column: 3,
				message: 4
			}
		]
	},
	{
		owner: "wheelwright-msvc",
		pattern: [
			{
				regexp: "^(?:\\s*\\d+>)?([^\\s(\\[][^(]*?)\\((\\d+)(?:,(\\d+))?\\)\\s*:\\s+(?:fatal )?error\\s+(\\w{1,2}\\d+):\\s+(.*)$",
				file: 1,
				line: 2,
				column: 3,
				code: 4,
				message: 5
			}
		]
	}
];
var matcher = {
	problemMatcher: problemMatcher
};

/**
 * Compiler errors as annotations on the source line (gcc, clang, MSVC), in
 * the action: the problem matcher in resources/problem-matcher.json is
 * registered with `::add-matcher::` before the builds and removed after.
 *
 * A build compiles a copy of the project (a copy of the package dir in a
 * temp dir on the host, or the project copied to /project in a container), so
 * the compiler names files there, or relative to the package. The action rewrites
 * the start of each diagnostic line to the path in the workspace (the
 * package dir relative to GITHUB_WORKSPACE) rather than teaching the matcher
 * every prefix: the matcher stays a plain gcc/MSVC matcher, the file name in
 * the log is one the user can open, and the same rewrite serves host and
 * container builds. Only diagnostic lines change; commands keep their paths.
 */
const MATCHER_OWNERS = matcher.problemMatcher.map(m => m.owner);
/** The matcher's patterns, as the runner builds them. */
const DIAGNOSTICS = matcher.problemMatcher.map(m => new RegExp(m.pattern[0].regexp));
/** Writes the matcher where the runner can read it; returns the workflow command that adds it. */
function addMatcherCommand(dir) {
    fs__default.mkdirSync(dir, { recursive: true });
    const file = path$1.join(dir, 'wheelwright-problem-matcher.json');
    fs__default.writeFileSync(file, JSON.stringify(matcher, null, 2));
    return `::add-matcher::${file}`;
}
function removeMatcherCommands() {
    return MATCHER_OWNERS.map(owner => `::remove-matcher owner=${owner}::`);
}
const ABSOLUTE = /^(\/|[A-Za-z]:[\\/]|\\\\)/;
/**
 * Rewrites the file at the start of a diagnostic line: a path under one of the
 * build's `roots` (the deepest that matches) becomes that root's dir in the
 * workspace; a relative one (the compiler ran in the package) is put under
 * `packagePrefix`, the package dir relative to the workspace (`''` when they
 * are the same).
 */
function sourcePathRewriter(packagePrefix, roots) {
    const dirPrefix = (dir) => dir === '' || dir === '.' ? '' : `${dir.replace(/\\/g, '/')}/`;
    const to = dirPrefix(packagePrefix);
    const starts = roots
        .flatMap(([copy, inWorkspace]) => [
        [`${copy}/`, dirPrefix(inWorkspace)],
        [`${copy}\\`, dirPrefix(inWorkspace)]
    ])
        .sort((a, b) => b[0].length - a[0].length);
    return line => {
        if (!DIAGNOSTICS.some(d => d.test(line)))
            return line;
        const start = line.length - line.trimStart().length;
        const body = line.slice(start);
        const root = starts.find(([copy]) => body.startsWith(copy));
        if (root)
            return line.slice(0, start) + root[1] + body.slice(root[0].length);
        if (to && !ABSOLUTE.test(body))
            return line.slice(0, start) + to + body;
        return line;
    };
}

const counted = (o) => !!o && 'hits' in o;
/** The average compile time of a miss over the whole job (weighted by misses). */
function jobMissSeconds(outcomes) {
    let misses = 0;
    let seconds = 0;
    for (const o of outcomes) {
        if (!counted(o) || o.missSeconds === undefined || o.misses === 0)
            continue;
        misses += o.misses;
        seconds += o.missSeconds * o.misses;
    }
    return misses > 0 ? seconds / misses : undefined;
}
/** A build's counts with the time its hits saved. */
function countsOf(outcome, jobAverage) {
    if (!counted(outcome))
        return undefined;
    const perMiss = outcome.misses > 0 && outcome.missSeconds ? outcome.missSeconds : jobAverage;
    return {
        tool: outcome.tool,
        hits: outcome.hits,
        misses: outcome.misses,
        ...(perMiss !== undefined ? { savedSeconds: round(outcome.hits * perMiss) } : {})
    };
}
const round = (n) => Math.round(n * 10) / 10;
/** `12 hits, 3 misses, 4.1 s saved`. */
function countsText(counts) {
    // Time saved only when a hit saved some: "0 hits, 5 misses, 0.0 s saved" says nothing.
    const saved = counts.savedSeconds !== undefined && counts.hits > 0
        ? `, ${counts.savedSeconds.toFixed(1)} s saved`
        : '';
    return `${counts.hits} hit${counts.hits === 1 ? '' : 's'}, ${counts.misses} miss${counts.misses === 1 ? '' : 'es'}${saved}`;
}
/** The job's totals, when any build counted. */
function jobCounts(all) {
    const present = all.filter((c) => !!c);
    if (present.length === 0)
        return undefined;
    const saved = present.filter(c => c.savedSeconds !== undefined);
    return {
        tool: [...new Set(present.map(c => c.tool))].join('+'),
        hits: present.reduce((n, c) => n + c.hits, 0),
        misses: present.reduce((n, c) => n + c.misses, 0),
        ...(saved.length > 0
            ? { savedSeconds: round(saved.reduce((n, c) => n + c.savedSeconds, 0)) }
            : {})
    };
}
/** The one warning of a run in which the cache was off for some builds; undefined when none. */
function offWarning(offs) {
    if (offs.length === 0)
        return undefined;
    const reasons = [...new Set(offs.map(o => o.reason))];
    return (`compiler cache off for ${offs.map(o => o.identifier).join(', ')} (the builds went on without it): ` +
        reasons.join('; '));
}
/**
 * The records with their compiler cache counts (a hit saves the job's average
 * miss when the build had none); the job's totals as an event, and one
 * warning for the builds whose cache was off.
 */
function withCompilerCache(records, outcomes, reporter) {
    const average = jobMissSeconds([...outcomes.values()]);
    const result = records.map(r => {
        const counts = countsOf(outcomes.get(r.identifier), average);
        return counts ? { ...r, compilerCache: counts } : r;
    });
    const total = jobCounts(result.map(r => r.compilerCache));
    if (total)
        reporter.event?.({ event: 'compiler-cache', ...total });
    const offs = [...outcomes].flatMap(([identifier, o]) => 'off' in o ? [{ identifier, reason: o.off }] : []);
    const warning = offWarning(offs);
    if (warning)
        reporter.warning(warning);
    return result;
}

/**
 * A long-lived child fed through its stdin: the companion of exec.ts for a
 * process that runs many commands in turn (a container's shell). Like
 * exec(), it takes an argv array and an explicit environment, and a tracked
 * child runs in a process group of its own that SIGINT/SIGTERM stop. Its
 * output comes as raw bytes: the reader frames and decodes it. As with
 * exec(), the child's end is its exit: its pipes are read for a second
 * after it, not until whatever it left running closes them.
 */
/** How long the pipes are read after the child exited. */
const DRAIN_MS = 1000;
function startSession(argv, options) {
    const [file, ...args] = argv;
    const grouped = !!options.children && process.platform !== 'win32';
    let gone = false;
    let resolveEnded = () => undefined;
    const ended = new Promise(resolve => (resolveEnded = resolve));
    const finish = (end) => {
        if (gone)
            return;
        gone = true;
        options.children?.delete(child);
        resolveEnded(end);
    };
    const child = spawn(file, args, {
        env: options.env,
        stdio: ['pipe', 'pipe', 'pipe'],
        detached: grouped
    });
    options.children?.add(child);
    child.stdout.on('data', options.onStdout);
    child.stderr.on('data', options.onStderr);
    // A write after the child died: its end is reported by 'close'.
    child.stdin.on('error', () => undefined);
    child.on('error', error => finish({ code: null, signal: null, error: startError(error, argv) }));
    child.on('close', (code, signal) => finish({ code, signal }));
    // A process it left behind may hold its pipes: they are read for a while, not waited for.
    child.on('exit', (code, signal) => {
        setTimeout(() => {
            child.stdout.destroy();
            child.stderr.destroy();
            finish({ code, signal });
        }, DRAIN_MS).unref();
    });
    return {
        write: data => !gone && child.stdin.writable && child.stdin.write(data),
        end: () => {
            if (!child.stdin.destroyed)
                child.stdin.end();
        },
        kill: () => {
            try {
                if (grouped && child.pid)
                    process.kill(-child.pid, 'SIGKILL');
                else
                    child.kill('SIGKILL');
            }
            catch {
                child.kill('SIGKILL');
            }
        },
        hold: busy => {
            // The pipes are sockets (net.Socket), which have ref and unref.
            const handles = [child, child.stdin, child.stdout, child.stderr];
            for (const handle of handles)
                (busy ? handle.ref : handle.unref)?.call(handle);
        },
        ended
    };
}

/**
 * What passes between the container executor and the one shell it keeps in
 * a container (container-shell.ts): the frame that asks for a step, the
 * fixed POSIX sh loop that runs it, and the scanner that finds the end of
 * the step in the shell's stdout and stderr.
 *
 * Nothing from the plan is ever part of shell text. A step's argv, its
 * variables' values and its dirs go to the shell's stdin as lines, encoded so
 * that a value holds no newline, and the loop reads them with `read -r` into
 * its positional parameters and `export`. A value with no backslash is
 * itself; in one that has one, `\`, `%` and newline are written as 3-digit
 * octal escapes, and the loop turns them back with printf (whose format then
 * holds nothing but literal characters and those escapes).
 *
 * After a step, the loop writes a trailer to stdout (the exit status) and one
 * to stderr: SOH, `ww`, a nonce chosen for that step, and the end of the
 * line. The step never sees the nonce (it reaches the shell on stdin, and is
 * neither exported nor in any argv), so no output of a step, however it
 * looks, can end it; a step's last line needs no newline either, because a
 * trailer is found wherever it starts.
 */
/** The line that names the collected wheels, last in a collecting step's output. */
const COLLECTED = 'wheelwright collected:';
/**
 * Puts IMAGE_PATH_PREPEND first on the image's PATH, then forgets the
 * variable. A PATH that holds it already (one the environment option made
 * from it) is left as it is: the option decides what comes first.
 */
const PATH_PREPEND = [
    `if [ -n "\${${IMAGE_PATH_PREPEND}:-}" ]; then`,
    `  case ":$PATH:" in *":$${IMAGE_PATH_PREPEND}:"*) ;; *) PATH="$${IMAGE_PATH_PREPEND}\${PATH:+:$PATH}" ;; esac`,
    `  export PATH; unset ${IMAGE_PATH_PREPEND}`,
    'fi'
].join('\n');
/** The start of every trailer (SOH, then `ww`). */
const TRAILER = '\x01ww';
/** The nonce of the line the shell prints once it reads steps. */
const READY = 'ready';
/** The prefix of the loop's own variables: a step may not set one. */
const OWN = '_wwsh_';
/**
 * Names that a POSIX sh or bash keeps to itself (read-only, or computed on
 * each use): exporting one fails or does not pass the value on.
 */
const SHELL_SPECIAL = new Set([
    'BASHOPTS',
    'BASHPID',
    'BASH_ARGV0',
    'BASH_VERSINFO',
    'EPOCHREALTIME',
    'EPOCHSECONDS',
    'EUID',
    'HISTCMD',
    'LINENO',
    'OPTIND',
    'PPID',
    'RANDOM',
    'SECONDS',
    'SHELLOPTS',
    'SRANDOM',
    'UID'
]);
/**
 * Why the shell cannot run a step exactly as `<engine> exec` would
 * (undefined: it can): a variable whose name is no shell name, or one the
 * shell keeps to itself, or a NUL that no argv or environment can hold.
 * Such a step runs through its own exec.
 */
function shellCannotRun(request) {
    for (const name of Object.keys(request.env)) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
            return `${name} is not a shell variable name`;
        if (name.startsWith(OWN) || SHELL_SPECIAL.has(name))
            return `the shell keeps ${name} to itself`;
    }
    const values = [...request.argv, ...Object.values(request.env), request.cwd, request.collect];
    if (values.some(v => v?.includes('\0')))
        return 'a value holds a NUL byte';
    return undefined;
}
/** A value as one line the loop decodes (see the module comment). */
function encodeValue(value) {
    if (!/[\\\n]/.test(value))
        return value;
    return value.replace(/[\\%\n]/g, c => `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`);
}
/** The lines that ask the loop for one step. */
function stepFrame(request) {
    const env = Object.entries(request.env).map(([k, v]) => `${k}=${encodeValue(v)}`);
    return ([
        request.nonce,
        encodeValue(request.cwd ?? ''),
        encodeValue(request.collect ?? ''),
        String(request.argv.length),
        ...request.argv.map(encodeValue),
        String(env.length),
        ...env
    ].join('\n') + '\n');
}
/**
 * The loop, run as `sh -c SHELL_LOOP wheelwright-shell`. Each step runs in a
 * subshell (its variables and dir end with it) with stdin from /dev/null (a
 * step that reads stdin cannot take the next step's lines). Every value is
 * decoded before any variable of the step is exported, but its own.
 */
const SHELL_LOOP = [
    `${OWN}dec() {`,
    `  case $1 in`,
    `    *\\\\*) ${OWN}v=$(printf "x$1x"); ${OWN}v=\${${OWN}v#x}; ${OWN}v=\${${OWN}v%x} ;;`,
    `    *) ${OWN}v=$1 ;;`,
    `  esac`,
    `}`,
    `printf '\\001ww%s\\n' ${READY}`,
    `while IFS= read -r ${OWN}nonce; do`,
    `  (`,
    `    IFS= read -r ${OWN}cwd; ${OWN}dec "$${OWN}cwd"; ${OWN}cwd=$${OWN}v`,
    `    IFS= read -r ${OWN}collect; ${OWN}dec "$${OWN}collect"; ${OWN}collect=$${OWN}v`,
    `    IFS= read -r ${OWN}n; set --`,
    `    while [ "$${OWN}n" -gt 0 ]; do`,
    `      IFS= read -r ${OWN}line; ${OWN}dec "$${OWN}line"; set -- "$@" "$${OWN}v"; ${OWN}n=$((${OWN}n - 1))`,
    `    done`,
    `    IFS= read -r ${OWN}n`,
    `    while [ "$${OWN}n" -gt 0 ]; do`,
    `      IFS= read -r ${OWN}line; ${OWN}dec "\${${OWN}line#*=}"; export "\${${OWN}line%%=*}=$${OWN}v"`,
    `      ${OWN}n=$((${OWN}n - 1))`,
    `    done`,
    `    exec </dev/null`,
    PATH_PREPEND,
    `    if [ -n "$${OWN}cwd" ]; then mkdir -p -- "$${OWN}cwd" && cd -- "$${OWN}cwd" || exit 1; fi`,
    `    [ -n "$${OWN}collect" ] || exec "$@"`,
    `    "$@" || exit`,
    `    printf '\\n%s' '${COLLECTED}'`,
    `    for ${OWN}f in "$${OWN}collect"/*.whl; do [ -e "$${OWN}f" ] && printf ' %s' "\${${OWN}f##*/}"; done`,
    `    printf '\\n'`,
    `  )`,
    `  ${OWN}status=$?`,
    `  printf '\\001ww%s %s\\n' "$${OWN}nonce" "$${OWN}status"`,
    `  printf '\\001ww%s\\n' "$${OWN}nonce" >&2`,
    `done`
].join('\n');
/**
 * Finds the trailer `TRAILER + nonce ... \n` in one stream, chunk by chunk.
 * It holds back only a chunk's end that could start the trailer (a tail that
 * begins with SOH), so the step's output reaches the log as it comes. After
 * the trailer, it passes nothing: what a process the step left behind writes
 * then belongs to no step.
 */
class TrailerScanner {
    mark;
    held = Buffer.alloc(0);
    found = false;
    constructor(nonce) {
        this.mark = Buffer.from(TRAILER + nonce);
    }
    get done() {
        return this.found;
    }
    push(chunk) {
        if (this.found)
            return { data: Buffer.alloc(0) };
        const text = this.held.length > 0 ? Buffer.concat([this.held, chunk]) : chunk;
        const at = text.indexOf(this.mark);
        if (at >= 0) {
            const end = text.indexOf(0x0a, at + this.mark.length);
            if (end < 0) {
                this.held = text.subarray(at);
                return { data: text.subarray(0, at) };
            }
            this.found = true;
            this.held = Buffer.alloc(0);
            const trailer = text.subarray(at + this.mark.length, end).toString('latin1');
            return { data: text.subarray(0, at), trailer };
        }
        const keep = this.partialMarkAtEnd(text);
        this.held = Buffer.from(text.subarray(text.length - keep));
        return { data: text.subarray(0, text.length - keep) };
    }
    /** What was held back when the stream ended without a trailer. */
    rest() {
        const rest = this.held;
        this.held = Buffer.alloc(0);
        return rest;
    }
    /** The length of the longest end of `text` that is a proper start of the mark. */
    partialMarkAtEnd(text) {
        const from = Math.max(0, text.length - this.mark.length + 1);
        for (let at = text.indexOf(this.mark[0], from); at >= 0; at = text.indexOf(this.mark[0], at + 1)) {
            if (text.subarray(at).equals(this.mark.subarray(0, text.length - at)))
                return text.length - at;
        }
        return 0;
    }
}

/**
 * One long-lived shell in a container, started with `<engine> exec -i
 * <container> sh -c SHELL_LOOP` and fed one step at a time (the protocol is
 * in shell-protocol.ts): a step then costs a fork in the container, not a
 * new exec session of the engine.
 *
 * A step's stdout and stderr stay apart, as with its own exec; its output is
 * passed on as it comes, and the result keeps only the end of it (as exec()
 * does), so a step that prints a lot costs no memory. When the shell ends
 * during a step (a step killed it, the engine client was stopped), the step
 * fails, its output says why, and this shell is done: the executor starts
 * another for the next step.
 */
/** The argv that starts the shell in a container. */
function shellArgv(container) {
    return [
        container.engine,
        'exec',
        '-i',
        container.name,
        'sh',
        '-c',
        SHELL_LOOP,
        'wheelwright-shell'
    ];
}
class ContainerShell {
    container;
    session;
    running;
    end;
    /** It answered with something that is not the loop's: no more steps. */
    spoiled = false;
    /** What the shell printed on stderr before it was ready (why it did not start). */
    early = '';
    constructor(container, session) {
        this.container = container;
        this.session = session;
    }
    /**
     * A shell in the container, once it printed that it reads steps; undefined
     * when it could not start (no `sh` in the image, an engine that cannot
     * `exec -i`), with the reason.
     */
    static async start(container, clientEnv, children, 
    /** How long the shell may take to say it is ready (an emulated container is slow). */
    readyWithinMs = 60_000) {
        let shell = undefined;
        const ready = new TrailerScanner(READY);
        let resolveReady = () => undefined;
        const readied = new Promise(resolve => (resolveReady = resolve));
        const session = startSession(shellArgv(container), {
            env: clientEnv,
            children,
            onStdout: data => {
                if (!ready.done) {
                    if (ready.push(data).trailer !== undefined)
                        resolveReady(true);
                }
                else
                    shell?.stdout(data);
            },
            onStderr: data => {
                if (!ready.done) {
                    if (shell)
                        shell.early = (shell.early + data.toString('utf8')).slice(-2e3);
                }
                else
                    shell?.stderr(data);
            }
        });
        shell = new ContainerShell(container, session);
        const started = shell;
        void session.ended.then(end => {
            resolveReady(false);
            started.ended(end);
        });
        let silent = false;
        const timer = setTimeout(() => {
            silent = true;
            resolveReady(false);
            session.kill();
        }, readyWithinMs);
        const ok = await readied;
        clearTimeout(timer);
        if (ok) {
            session.hold(false);
            return { shell };
        }
        const end = await session.ended;
        if (end.error)
            return { reason: end.error instanceof Error ? end.error.message : String(end.error) };
        if (silent)
            return { reason: `${container.engine} exec -i said nothing for ${readyWithinMs / 1000} s` };
        const said = shell.early.trim().split('\n').at(-1);
        return {
            reason: `${container.engine} exec -i ended with ${end.signal ?? end.code}${said ? `: ${said}` : ''}`
        };
    }
    /** The shell still reads steps. */
    get alive() {
        return this.end === undefined && !this.spoiled;
    }
    get busy() {
        return this.running !== undefined;
    }
    /** Runs one step; its result is as `<engine> exec` would give it. */
    run(request, onOutput) {
        if (this.running || !this.alive)
            throw new Error('the container shell is busy or gone');
        const nonce = crypto$1.randomBytes(16).toString('hex');
        const stream = () => ({
            scanner: new TrailerScanner(nonce),
            decoder: new StringDecoder('utf8'),
            kept: new Tail(KEPT_CHARS)
        });
        return new Promise(resolve => {
            this.running = {
                out: stream(),
                err: stream(),
                output: new Tail(KEPT_CHARS),
                onOutput,
                finish: result => {
                    this.running = undefined;
                    this.session.hold(false);
                    resolve(result);
                }
            };
            this.session.hold(true);
            this.session.write(stepFrame({ ...request, nonce }));
        });
    }
    /** Ends the shell: it reads the end of its stdin and exits. */
    close() {
        this.session.end();
    }
    stdout(data) {
        if (this.running)
            this.take(this.running, this.running.out, data);
    }
    stderr(data) {
        if (this.running)
            this.take(this.running, this.running.err, data);
    }
    take(running, stream, data) {
        const scanned = stream.scanner.push(data);
        this.deliver(running, stream, stream.decoder.write(scanned.data));
        if (scanned.trailer === undefined)
            return;
        this.deliver(running, stream, stream.decoder.end());
        stream.trailer = scanned.trailer;
        if (running.out.trailer === undefined || running.err.trailer === undefined)
            return;
        const status = /^ (\d+)$/.exec(running.out.trailer);
        if (!status) {
            // Not the loop's answer: nothing more from this shell can be trusted.
            this.spoiled = true;
            this.deliver(running, running.err, this.explain('answered out of turn'));
            this.session.end();
            return running.finish(this.result(running, 1, null));
        }
        running.finish(this.result(running, Number(status[1]), null));
    }
    deliver(running, stream, text) {
        if (text === '')
            return;
        stream.kept.push(text);
        running.output.push(text);
        running.onOutput(text);
    }
    /** The shell ended: a step still running fails, and says why. */
    ended(end) {
        this.end = end;
        const running = this.running;
        if (!running)
            return;
        for (const stream of [running.out, running.err]) {
            this.deliver(running, stream, stream.decoder.write(stream.scanner.rest()));
            this.deliver(running, stream, stream.decoder.end());
        }
        const how = end.signal ? `signal ${end.signal}` : `exit ${end.code ?? '?'}`;
        this.deliver(running, running.err, this.explain(`ended (${how})`));
        // Never a success: the step did not finish.
        const code = end.code === null || end.code === 0 ? 128 : end.code;
        running.finish(this.result(running, code, end.signal));
    }
    explain(what) {
        return `\nwheelwright: the shell in container ${this.container.name} ${what} during this step; the next step starts a new shell\n`;
    }
    result(running, code, signal) {
        return {
            code,
            signal,
            stdout: running.out.kept.toString(),
            stderr: running.err.kept.toString(),
            output: running.output.toString()
        };
    }
}

/**
 * Runs steps in a container. Each step goes to one long-lived shell in the
 * container (container-shell.ts) when it can; otherwise (the shell cannot
 * start, it is busy, or the step has a variable the shell cannot take) the
 * step gets an `<engine> exec` of its own. There, its variables reach the
 * container through an `--env-file` (mode 0600, removed after the step). In
 * either way no value, secret or not, appears in any argv.
 */
/** argv: dir command... Makes dir, enters it, then runs the command in place of the shell. */
const IN_DIR = [PATH_PREPEND, 'mkdir -p -- "$1" && cd -- "$1" && shift && exec "$@"'].join('\n');
/**
 * argv: dir collect-dir command... As IN_DIR, then, when the command
 * succeeded, one last line names the wheels in collect-dir: no second exec.
 */
const IN_DIR_COLLECT = [
    PATH_PREPEND,
    'dir="$1" collect="$2"; shift 2',
    'mkdir -p -- "$dir" && cd -- "$dir" || exit 1',
    '"$@" || exit',
    `printf '\n%s' '${COLLECTED}'`,
    `for f in "$collect"/*.whl; do [ -e "$f" ] && printf ' %s' "\${f##*/}"; done`,
    `printf '\n'`
].join('\n');
/** A collecting step's result with the wheels its COLLECTED line names. */
function withWheels(step, result) {
    const wheels = step.collectsWheel && result.code === 0 ? collectedWheels(result.stdout) : undefined;
    return wheels ? { ...result, wheels } : result;
}
/** The wheel names of the COLLECTED line of an output. */
function collectedWheels(stdout) {
    const line = stdout
        .trimEnd()
        .split('\n')
        .reverse()
        .find(l => l.startsWith(COLLECTED));
    return line === undefined ? undefined : line.slice(COLLECTED.length).split(' ').filter(Boolean);
}
/**
 * The output of a collecting step as the user sees it: whole lines, without
 * the COLLECTED line (which is for the executor only).
 */
function withoutCollectedLine(onOutput) {
    let held = '';
    const pass = (text) => {
        const kept = text
            .split('\n')
            .filter(line => !line.startsWith(COLLECTED))
            .join('\n');
        if (kept)
            onOutput(kept);
    };
    return {
        write: chunk => {
            const text = held + chunk;
            const cut = text.lastIndexOf('\n') + 1;
            held = text.slice(cut);
            if (cut > 0)
                pass(text.slice(0, cut));
        },
        end: () => {
            if (held && !held.startsWith(COLLECTED))
                onOutput(held);
            held = '';
        }
    };
}
/** The variables a step gets in the container: an env file cannot hold a newline. */
function containerVars(env) {
    return Object.fromEntries(Object.entries(env).filter(([, v]) => !v.includes('\n')));
}
class ContainerExecutor {
    container;
    scratchDir;
    clientEnv;
    children;
    options;
    /** The container's shell, once started (or starting). */
    shell;
    /** The last shell that started. */
    started;
    /** Every step gets its own exec: the shell could not start, or the executor is closed. */
    execOnly;
    /** A step is running in the shell: another one at the same time gets an exec. */
    claimed = false;
    constructor(container, scratchDir, 
    /** The environment of the engine client itself. */
    clientEnv, children, options = {}) {
        this.container = container;
        this.scratchDir = scratchDir;
        this.clientEnv = clientEnv;
        this.children = children;
        this.options = options;
        this.execOnly = options.shell === false;
    }
    async run(step, env, onOutput) {
        const request = {
            argv: step.argv,
            env: containerVars(env),
            cwd: step.cwd,
            collect: step.collectsWheel
        };
        const shell = shellCannotRun(request) ? undefined : await this.claimShell(onOutput);
        if (!shell)
            return this.runByExec(step, env, onOutput);
        try {
            const shown = step.collectsWheel ? withoutCollectedLine(onOutput) : undefined;
            const result = await shell.run(request, shown?.write ?? onOutput);
            shown?.end();
            return withWheels(step, result);
        }
        finally {
            this.claimed = false;
        }
    }
    /** Stops the container's shell (at once when it is up); later steps, if any, get an exec each. */
    close() {
        this.execOnly = true;
        if (this.started)
            this.started.close();
        else
            void this.shell?.then(shell => shell?.close());
    }
    /**
     * The shell, claimed for one step (started when there is none or it
     * ended); undefined when the step must use an exec of its own.
     */
    async claimShell(onOutput) {
        if (this.execOnly)
            return undefined;
        const pending = this.shell;
        const current = await pending;
        // Nobody started another meanwhile: this caller does.
        if (!current?.alive && !this.execOnly && this.shell === pending) {
            this.shell = ContainerShell.start(this.container, this.clientEnv, this.children, this.options.shellReadyMs).then(started => {
                if (!started.shell) {
                    this.execOnly = true;
                    // Once per container, in the log of the step that wanted the shell.
                    onOutput(`wheelwright: no shell in container ${this.container.name} (${started.reason}); each step gets an exec of its own\n`);
                }
                this.started = started.shell;
                return started.shell;
            });
        }
        const shell = await this.shell;
        if (!shell?.alive || this.claimed || this.execOnly)
            return undefined;
        this.claimed = true;
        return shell;
    }
    /** A step in an exec of its own (see IN_DIR). */
    async runByExec(step, env, onOutput) {
        const envFile = this.writeEnvFile(env);
        try {
            // One exec per step: the workdir is made by the same shell that runs the
            // step, and a collecting step names its wheels at the end.
            const inDir = step.collectsWheel
                ? ['sh', '-c', IN_DIR_COLLECT, 'in-dir', step.cwd, step.collectsWheel]
                : step.cwd === '/' && env[IMAGE_PATH_PREPEND] === undefined
                    ? []
                    : ['sh', '-c', IN_DIR, 'in-dir', step.cwd];
            const argv = [
                this.container.engine,
                'exec',
                '--env-file',
                envFile,
                this.container.name,
                ...inDir,
                ...step.argv
            ];
            const shown = step.collectsWheel ? withoutCollectedLine(onOutput) : undefined;
            const result = await exec(argv, {
                env: this.clientEnv,
                onOutput: shown?.write ?? onOutput,
                children: this.children
            });
            shown?.end();
            return withWheels(step, result);
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
            .map(p => path$1.posix.basename(p));
    }
    async putFile(hostFile, dir) {
        await this.ensureDir(dir);
        const result = await exec([this.container.engine, 'cp', hostFile, `${this.container.name}:${dir}/`], {
            env: this.clientEnv
        });
        if (result.code !== 0)
            throw new Error(`copying ${path$1.basename(hostFile)} into the container failed: ${result.output}`);
    }
    async ensureDir(dir) {
        await exec([this.container.engine, 'exec', this.container.name, 'mkdir', '-p', dir], {
            env: this.clientEnv
        });
    }
    writeEnvFile(env) {
        fs__default.mkdirSync(this.scratchDir, { recursive: true, mode: 0o700 });
        const file = path$1.join(this.scratchDir, `env-${crypto$1.randomBytes(6).toString('hex')}`);
        const lines = Object.entries(containerVars(env)).map(([k, v]) => `${k}=${v}`);
        fs__default.writeFileSync(file, lines.join('\n') + '\n', { mode: 0o600 });
        return file;
    }
}

/**
 * Executors run the steps of a plan where the plan says: on the host (this
 * module), or in a container (container-executor.ts).
 */
/**
 * Runs host steps. With a tracker, each step runs in a process group of its
 * own and the processes it leaves are stopped when it ends; with `spoolDir`,
 * a step's output goes through a file there (unless its stdout is needed),
 * so that this process's memory stays flat however much a build prints.
 */
class HostExecutor {
    children;
    spoolDir;
    paced;
    constructor(children, spoolDir, 
    /** Resolves when the reader of the live output has caught up (see Reporter.caughtUp). */
    paced) {
        this.children = children;
        this.spoolDir = spoolDir;
        this.paced = paced;
    }
    async run(step, env, onOutput, needs = {}) {
        fs__default.mkdirSync(step.cwd, { recursive: true });
        const scratch = (kind) => {
            fs__default.mkdirSync(this.spoolDir, { recursive: true, mode: 0o700 });
            return path$1.join(this.spoolDir, `${kind}-${crypto$1.randomBytes(6).toString('hex')}`);
        };
        const outputFile = this.spoolDir && !needs.stdout ? scratch('output') : undefined;
        const script = this.spoolDir ? longScript(step.argv) : undefined;
        const scriptFile = script ? scratch('script') : undefined;
        try {
            if (script && scriptFile)
                fs__default.writeFileSync(scriptFile, script.text, { mode: 0o600 });
            const argv = script && scriptFile ? script.argv(scriptFile) : step.argv;
            const result = await exec(argv, {
                cwd: step.cwd,
                env: { ...env },
                onOutput,
                children: this.children,
                sweep: true,
                outputFile,
                paced: this.paced
            });
            if (result.code !== 0 || !step.collectsWheel)
                return result;
            return { ...result, wheels: await this.listWheels(step.collectsWheel) };
        }
        finally {
            for (const file of [outputFile, scriptFile])
                if (file)
                    fs__default.rmSync(file, { force: true });
        }
    }
    async listWheels(dir) {
        if (!fs__default.existsSync(dir))
            return [];
        return fs__default.readdirSync(dir).filter(f => f.endsWith('.whl'));
    }
    async putFile(hostFile, dir) {
        fs__default.mkdirSync(dir, { recursive: true });
        fs__default.copyFileSync(hostFile, path$1.join(dir, path$1.basename(hostFile)));
    }
}
/**
 * The longest script passed to a shell as an argument: Linux refuses any one
 * argument over 128 KiB (MAX_ARG_STRLEN) with E2BIG, and all of them with the
 * environment over ARG_MAX, so a longer script goes through a file.
 */
const SCRIPT_ARG_LIMIT = 64 * 1024;
/**
 * A `bash -c SCRIPT NAME ARGS...` whose script is too long for an argument:
 * the script, and the argv that runs it from a file (`bash FILE ARGS...`;
 * `$0` is then the file, the placeholders stay `$1`...).
 */
function longScript(argv) {
    const [shell, flag, text, , ...args] = argv;
    if (flag !== '-c' || !/(^|\/)(ba)?sh$/.test(shell) || text === undefined)
        return undefined;
    if (Buffer.byteLength(text) <= SCRIPT_ARG_LIMIT)
        return undefined;
    return { text, argv: file => [shell, file, ...args] };
}
/** The warning for the processes a step left running, which were stopped (none: undefined). */
function leftRunningWarning(step, result) {
    const stopped = result.stopped ?? [];
    if (stopped.length === 0)
        return undefined;
    const named = stopped.map(p => `${p.pid} (${p.command || '?'})`).join(', ');
    return `${step.name} left ${stopped.length === 1 ? 'a process' : `${stopped.length} processes`} running after it ended, outside its process group; stopped: ${named}`;
}

/** A build (or a group's setup) that failed at a step, with its log so far. */
class BuildFailure extends Error {
    identifier;
    step;
    log;
    exitCode;
    telling;
    constructor(identifier, step, log, reason, 
    /** cibuildwheel's exit status for this failure (1 unless a specific one applies). */
    exitCode = EXIT.failed, 
    /** The lines of the step's output that tell why it failed (report/causes.ts). */
    telling = []) {
        super(`${identifier}: ${step} failed: ${reason}`);
        this.identifier = identifier;
        this.step = step;
        this.log = log;
        this.exitCode = exitCode;
        this.telling = telling;
    }
}
/** A step stopped by this run's own signal (SIGINT, SIGTERM): no failure of the build. */
class Interrupted extends Error {
    step;
    signal;
    constructor(step, signal) {
        super(`${step} interrupted by ${signal}`);
        this.step = step;
        this.signal = signal;
    }
}
/** The failure of `error`, thrown while building `identifier`. */
function asBuildFailure(error, identifier, log) {
    if (error instanceof BuildFailure)
        return error;
    return new BuildFailure(identifier, 'build', log, error instanceof Error ? error.message : String(error), isUserError(error) ? error.exitCode : EXIT.failed);
}

/**
 * The compile gate of a run (see CompileGroup in model/compiler-cache.ts).
 * When a group's cache dir is empty as its first build reaches the build
 * step, that build compiles alone: the group's other builds wait at their
 * build step until its build step has ended, however it ended, and then hit
 * what it compiled. A group whose cache already holds entries never waits:
 * concurrent builds then miss only what changed. Waiting costs time, never a
 * result, so a group that shares less than its backend promised only loses
 * some parallelism.
 */
class CompileGate {
    isEmpty;
    /** By group key: the build filling it, or null once nobody has to wait. */
    groups = new Map();
    constructor(isEmpty = cacheDirIsEmpty) {
        this.isEmpty = isEmpty;
    }
    /**
     * Before the build step of `identifier`: resolves when it may compile.
     * `onWait` is told whom it waits for, once, before waiting.
     */
    async enter(group, identifier, onWait) {
        const known = this.groups.get(group.key);
        if (known === undefined) {
            if (!this.isEmpty(group.cacheDir)) {
                this.groups.set(group.key, null);
                return () => undefined;
            }
            let release = () => undefined;
            const done = new Promise(resolve => (release = resolve));
            this.groups.set(group.key, { identifier, done });
            return () => {
                this.groups.set(group.key, null);
                release();
            };
        }
        if (known) {
            onWait(known.identifier);
            await known.done;
        }
        return () => undefined;
    }
}
/** Whether a cache dir holds no file at all (absent counts as empty). */
function cacheDirIsEmpty(dir) {
    const pending = [dir];
    while (pending.length > 0) {
        const current = pending.pop();
        let entries;
        try {
            entries = fs__default.readdirSync(current, { withFileTypes: true });
        }
        catch {
            continue;
        }
        for (const entry of entries) {
            if (!entry.isDirectory())
                return false;
            pending.push(path$1.join(current, entry.name));
        }
    }
    return true;
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

/**
 * The most telling lines of a failed step's output: what pip, the network,
 * the compiler or Python said was wrong, picked by a table of patterns, in
 * the order they were printed. Without any, the last lines. The full output
 * stays in the build's log; these end the error message and the annotation.
 */
const CAUSES = [
    // pip (`ERROR: No matching distribution found for ...`) and build (`ERROR Backend ...`).
    { kind: 'pip', pattern: /^ERROR:? \S/ },
    { kind: 'pip', pattern: /^× / },
    {
        kind: 'network',
        pattern: /Failed to establish a new connection|Name or service not known|Temporary failure in name resolution|Connection refused|Connection reset by peer|Network is unreachable|CERTIFICATE_VERIFY_FAILED|Read timed out|Could not fetch URL/
    },
    {
        kind: 'disk',
        pattern: /No space left on device|\[Errno 28\]|Disk quota exceeded|Read-only file system/
    },
    { kind: 'compiler', pattern: /^\S.*?:\d+(:\d+)?: (fatal )?error: / },
    { kind: 'compiler', pattern: /^\S.*?\(\d+(,\d+)?\): (fatal )?error [A-Z]+\d+: / },
    { kind: 'compiler', pattern: /^error(\[E\d+\])?: / },
    {
        kind: 'linker',
        pattern: /undefined reference to |^\/usr\/bin\/ld: cannot find |^ld: |collect2: error: |LINK : fatal error /
    },
    { kind: 'python', pattern: /^([A-Za-z_][\w.]*)?(Error|Exception|Exit|Interrupt)(: .*)?$/ },
    { kind: 'python', pattern: /^\s*(ModuleNotFoundError|ImportError): / },
    { kind: 'command', pattern: /^error: command '.*' failed/ },
    { kind: 'test', pattern: /^(FAILED|ERROR) \S+::|^=+ .*\b\d+ (failed|errors?)\b.* =+$/ },
    { kind: 'shell', pattern: /: (command not found|No such file or directory)$/ }
];
const MAX_TELLING = 8;
/** ANSI colour codes, which tools print even into pipes when told to. */
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, 'g');
/** The lines of `output` that say what went wrong, at most eight, each once; else its last lines. */
function tellingLines(output) {
    const lines = output
        .replace(ANSI, '')
        .split(/\r?\n/)
        .map(l => l.trimEnd())
        .filter(l => l.trim() !== '');
    // pypa/build prefixes the output of the commands it runs with `< ` or `> `.
    const bare = (l) => l.trimStart().replace(/^[<>] +/, '');
    const telling = [...new Set(lines.filter(l => CAUSES.some(c => c.pattern.test(bare(l)))))];
    if (telling.length === 0)
        return lines.slice(-10);
    // The first errors are the causes, the last line of a traceback is the verdict.
    return telling.length <= MAX_TELLING
        ? telling
        : [...telling.slice(0, MAX_TELLING - 2), ...telling.slice(-2)];
}

/**
 * The environment a setup step activates and prints (`vcvarsall.bat ... &&
 * set` on Windows): parsed from its output when it has run, and laid over the
 * environment of each host step after it. Variables compare by name without
 * case, and `;` lists (PATH, INCLUDE, LIB, LIBPATH) merge entry by entry.
 */
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
 * Steps marked `creates` build something shared between runs (the tools
 * venv, a kept build venv) and end by writing its marker. Another run, or
 * another build of this one, may want the same thing at the same time: the
 * steps of one marker run holding the lock of the marker's directory, and a
 * marker that appeared while waiting means they are skipped. A kept thing
 * that a `verifies` step found broken is removed under the same lock.
 */
/** The lock of a marker's directory: `<dir>.lock`, next to it. */
function markerLockDir(marker) {
    return `${path$1.dirname(marker)}.lock`;
}
/** When a marker was written (ms), or undefined when there is none. */
function markerStamp(marker) {
    try {
        return fs__default.statSync(marker).mtimeMs;
    }
    catch {
        return undefined;
    }
}
class MarkerLocks {
    steps;
    onWait;
    held = new Map();
    /** The index of each marker's last step. */
    last = new Map();
    constructor(steps, onWait) {
        this.steps = steps;
        this.onWait = onWait;
        steps.forEach((step, index) => {
            if (step.creates && step.where === 'host')
                this.last.set(step.creates, index);
        });
    }
    /** Before step `index`: true when it is to be skipped, its marker being there. */
    async enter(index) {
        const marker = this.steps[index].creates;
        if (!marker || this.steps[index].where !== 'host')
            return false;
        if (this.held.has(marker))
            return false;
        if (fs__default.existsSync(marker))
            return true;
        const dir = path$1.dirname(marker);
        const release = await acquireLock(markerLockDir(marker), {
            onWait: owner => this.onWait(waitingMessage(dir, owner))
        });
        if (fs__default.existsSync(marker)) {
            release();
            return true;
        }
        this.held.set(marker, release);
        return false;
    }
    /** After step `index` succeeded: the lock goes with its marker's last step. */
    leave(index) {
        const marker = this.steps[index].creates;
        if (marker && this.last.get(marker) === index)
            this.release(marker);
    }
    release(marker) {
        this.held.get(marker)?.();
        this.held.delete(marker);
    }
    /**
     * Removes the directory of a marker whose thing was found broken, unless
     * the marker changed since `seen` (another build already made it again).
     */
    async discard(marker, seen) {
        const dir = path$1.dirname(marker);
        const release = await acquireLock(markerLockDir(marker), {
            onWait: owner => this.onWait(waitingMessage(dir, owner))
        });
        try {
            if (markerStamp(marker) === seen)
                fs__default.rmSync(dir, { recursive: true, force: true });
        }
        finally {
            release();
        }
    }
    /** Releases whatever is still held (a failed step, a skipped remainder). */
    releaseAll() {
        for (const marker of [...this.held.keys()])
            this.release(marker);
    }
}

/**
 * A group's place to build (the host, or one container) and its one-time
 * setup: the tools venv, the container's create/start/copy-in, before-all,
 * the MSVC activation. Setup runs once per group, before its first build; a
 * step marked `creates` runs once per run even when several groups need it,
 * and when it fails every group that needs it fails.
 */
function executorFor(state, step) {
    return step.where === 'container' ? state.inside : state.host;
}
/** The variables of a build step: its own, with the group's captured environment on the host. */
function capturedEnvOf(state, capturedName) {
    if (!capturedName)
        return step => step.env;
    const captured = state.captured.get(capturedName);
    if (!captured)
        return undefined;
    return step => (step.where === 'host' ? applyCapturedEnvironment(step.env, captured) : step.env);
}
/** A group's setup, once; its log is live like a build's, under `setup [container]`. */
function ensureSetup(state, once, live) {
    if (!state.setup) {
        state.setup = (async () => {
            state.started = true;
            if (state.group.setup.length === 0)
                return;
            const container = state.group.container;
            const log = live.begin('setup', container ? `(${container.name})` : '(host)');
            let current = 'setup';
            try {
                for (const step of state.group.setup) {
                    current = step.name;
                    const env = { ...step.env, ...state.values };
                    const stdout = await runSetupStep(state, once, step, env, log);
                    keepSetupOutput(state, step, env, stdout, log);
                }
            }
            catch (error) {
                log.finished({
                    ok: false,
                    step: current,
                    ...(error instanceof Interrupted ? { interrupted: error.signal } : {})
                });
                throw error;
            }
            log.finished({ ok: true, title: 'ready' });
        })();
    }
    return state.setup;
}
async function runSetupStep(state, once, step, env, log) {
    if (step.creates) {
        if (fs__default.existsSync(step.creates))
            return '';
        const pending = once.get(step.creates);
        if (pending) {
            await pending.catch(() => {
                throw new BuildFailure('setup', step.name, log.text(), 'it failed for another group');
            });
            return '';
        }
    }
    log.stepStarted(step);
    const started = Date.now();
    const work = runLocked(state, step, env, log);
    if (step.creates) {
        const done = work.then(result => {
            if (result && result.code !== 0)
                throw new Error(`${step.name} failed`);
        });
        done.catch(() => undefined);
        once.set(step.creates, done);
    }
    const result = await work;
    if (!result) {
        log.stepFinished(step, 0, Date.now() - started);
        return '';
    }
    const interrupted = result.code !== 0 ? state.interrupted?.() : undefined;
    if (result.code !== 0 && step.captureEnv && !interrupted)
        log.output(result.output);
    log.stepFinished(step, result.code, Date.now() - started, interrupted);
    if (interrupted)
        throw new Interrupted(step.name, interrupted);
    if (result.code !== 0) {
        throw new BuildFailure('setup', step.name, log.text(), `exit code ${result.code}`, undefined, tellingLines(result.output));
    }
    return result.stdout;
}
/**
 * Runs a setup step; one that creates something on the host holds its lock
 * (another run may be making the same thing) and is skipped (undefined) when
 * the thing appeared meanwhile.
 */
async function runLocked(state, step, env, log) {
    const marker = step.where === 'host' ? step.creates : undefined;
    const release = marker
        ? await acquireLock(markerLockDir(marker), {
            onWait: owner => log.note(waitingMessage(path$1.dirname(marker), owner))
        })
        : undefined;
    try {
        if (marker && fs__default.existsSync(marker))
            return undefined;
        // A captured environment is a dump of every variable: logged only when the step fails.
        const result = await executorFor(state, step).run(step, env, chunk => (step.captureEnv ? undefined : log.output(chunk)), { stdout: !!(step.stdoutVar || step.captureEnv) });
        const leftRunning = leftRunningWarning(step, result);
        if (leftRunning)
            log.warning(leftRunning);
        return result;
    }
    finally {
        release?.();
    }
}
/** Keeps what a setup step printed for later steps (`stdoutVar`, `captureEnv`). */
function keepSetupOutput(state, step, env, stdout, log) {
    if (step.stdoutVar) {
        const value = stdout
            .split(/\r?\n/)
            .map(line => line.trim())
            .find(Boolean);
        if (!value)
            throw new BuildFailure('setup', step.name, log.text(), 'printed nothing');
        state.values[step.stdoutVar] = value;
        log.note(`${step.stdoutVar}=${value}`);
    }
    if (step.captureEnv) {
        const captured = parseActivation(env, stdout);
        if (captured.errors.length > 0) {
            log.output(stdout);
            throw new BuildFailure('setup', step.name, log.text(), captured.errors.join('; '));
        }
        state.captured.set(step.captureEnv, captured);
        log.note(`${step.captureEnv}: ${Object.keys(captured.variables).join(', ') || '(no change)'}`);
    }
}

/**
 * The run of one identifier in its group: reuse an abi3 or py3-none wheel
 * built earlier, or restore one from the wheel cache, or run the build steps;
 * then the test steps. Each step's argv gets the current `{wheel}`.
 */
/**
 * Whether a step runs when the wheel was restored from the cache: the audit
 * and the test steps do (the options they read are `after-restore` in
 * cache/keys.ts, out of the key); the build steps, repair included, made the
 * restored wheel and do not. `cache-skip-tests` alone skips the tests on a hit.
 */
function runsOnCacheHit(step) {
    return step.phase === 'test' || step.name === 'audit';
}
async function runIdentifier(state, build, log, cache, gate) {
    const locks = new MarkerLocks(build.steps, message => log.note(message));
    try {
        return await runSteps(state, build, log, locks, cache, gate);
    }
    finally {
        locks.releaseAll();
    }
}
/** Before the build step: its turn in the build's compile group (see compile-gate.ts), to release after it. */
async function compileTurn(gate, build, log) {
    if (!gate || !build.compileGroup)
        return undefined;
    return gate.enter(build.compileGroup, build.identifier, filler => log.note(`Waiting for ${filler} to fill the empty compiler cache: this build compiles the same objects, and hits them after`));
}
async function runSteps(state, build, log, locks, cache, gate) {
    const fail = (step, reason, exitCode = EXIT.failed, output = '') => new BuildFailure(build.identifier, step, log.text(), reason, exitCode, output ? tellingLines(output) : []);
    const reuse = findCompatibleWheel(state.built, build.identifier);
    const reusedEntry = reuse ? state.built.find(b => b.filename === reuse.filename) : undefined;
    let wheel = reusedEntry
        ? await reusedWheel(state, build, reusedEntry)
        : undefined;
    const envOf = capturedEnvOf(state, build.capturedEnv);
    if (!envOf)
        throw fail('setup', `no environment was captured as ${build.capturedEnv}`);
    if (reusedEntry) {
        log.note(`Found previously built wheel ${reusedEntry.filename} (from ${reusedEntry.identifier}); skipping the build, testing it on ${build.identifier}`);
    }
    const key = reusedEntry ? undefined : cache?.keys.get(build.identifier);
    const cachedFrom = key ? await cache.store.restore(key) : undefined;
    if (cachedFrom) {
        wheel = await placeCachedWheel(state, build, cachedFrom);
        log.note(`Restored ${wheel.name} from the wheel cache (key ${key.slice(0, 16)}); skipping the build`);
    }
    const skipTests = !!cachedFrom && !!cache?.skipTests;
    let extraEnv = {};
    let testExtra = {};
    let evaluated = false;
    let testEvaluated = false;
    let compilerCache;
    for (const [index, step] of build.steps.entries()) {
        if (reusedEntry && step.phase === 'build')
            continue;
        if (cachedFrom && !runsOnCacheHit(step))
            continue;
        if (skipTests && step.phase === 'test')
            continue;
        if (await locks.enter(index))
            continue;
        if (step.onlyAbi3 && !(wheel && isAbi3(parseWheelName(wheel.name))))
            continue;
        if (!evaluated && build.environment && step.where === state.group.where) {
            extraEnv = await evaluateEnvironment(state, build, { ...step, env: envOf(step) }, log);
            evaluated = true;
        }
        const wheelPath = wheel ? wheelPathFor(step, wheel) : '';
        const argv = step.argv.map(a => a === '{wheel}' ? wheelPath : a.startsWith('{wheel}[') ? wheelPath + a.slice(7) : a);
        if (!testEvaluated &&
            build.testEnvironment &&
            step.phase === 'test' &&
            step.where === state.group.where) {
            const base = { ...envOf(step), ...withoutVenvVars(extraEnv) };
            testExtra = await evaluateEnvironment(state, build, { ...step, env: base }, log, build.testEnvironment, 'test-environment');
            testEvaluated = true;
        }
        const stepExtra = step.phase === 'test' ? { ...withoutVenvVars(extraEnv), ...testExtra } : extraEnv;
        const env = {
            ...envOf(step),
            ...(step.where === state.group.where ? stepExtra : {}),
            ...(wheel ? { WHEELWRIGHT_WHEEL: wheelPath } : {})
        };
        if (step.verifies) {
            await checkKept(state, { ...step, argv }, env, log, locks);
            continue;
        }
        const release = step.name === 'build' ? await compileTurn(gate, build, log) : undefined;
        log.stepStarted(step);
        const executor = executorFor(state, step);
        const stepStart = Date.now();
        const result = await executor
            .run({ ...step, argv }, env, chunk => log.output(chunk))
            .finally(() => release?.());
        const interrupted = result.code !== 0 ? state.interrupted?.() : undefined;
        log.stepFinished(step, result.code, Date.now() - stepStart, interrupted);
        const leftRunning = leftRunningWarning(step, result);
        if (leftRunning)
            log.warning(leftRunning);
        if (interrupted)
            throw new Interrupted(step.name, interrupted);
        if (result.code !== 0)
            throw fail(step.name, `exit code ${result.code}`, step.name === 'audit' ? EXIT.auditFailed : EXIT.failed, result.output);
        locks.leave(index);
        if (step.name === 'build') {
            compilerCache = parseCompilerCacheOutput(result.output);
            if (compilerCache)
                log.note(compilerCacheNote(compilerCache));
        }
        if (step.collectsWheel) {
            const found = result.wheels ?? (await executor.listWheels(step.collectsWheel));
            if (found.length !== 1) {
                throw fail(step.name, found.length === 0
                    ? 'no wheel was produced'
                    : `expected one wheel, found ${found.join(', ')}`, step.name === 'build' ? EXIT.buildNoWheel : EXIT.repairNoWheel);
            }
            wheel = { name: found[0], dir: step.collectsWheel, where: step.where };
            if (step.name === 'build' && isPurePython(parseWheelName(found[0]))) {
                throw fail(step.name, `built a pure-Python wheel (${found[0]}) for a native identifier. Hint: this project has no extension ` +
                    'module to compile; build it once with `python -m build` instead of wheelwright', EXIT.pureWheel);
            }
        }
    }
    if (!wheel)
        throw fail('build', 'no wheel was produced', EXIT.buildNoWheel);
    const hostWheel = reusedEntry
        ? reusedEntry.hostPath
        : (cachedFrom ?? path$1.join(build.wheelDir, wheel.name));
    if (key && !cachedFrom)
        await cache.store.save(key, hostWheel);
    if (!reusedEntry) {
        const duplicate = state.built.find(b => b.filename === wheel.name);
        // Another lane built the same compatible wheel at the same time (abi3 or
        // py3-none that no hint announced): keep the first, as if it had been reused.
        if (duplicate && findCompatibleWheel([duplicate], build.identifier)) {
            log.note(`${wheel.name} was also built for ${duplicate.identifier} meanwhile; keeping that one (tested here too)`);
            return {
                identifier: build.identifier,
                hostWheel: duplicate.hostPath,
                reused: true,
                cached: false,
                tested: build.tested && !skipTests,
                ...(compilerCache ? { compilerCache } : {})
            };
        }
        if (duplicate) {
            throw fail('repair', `${wheel.name} was already built for ${duplicate.identifier}`, EXIT.alreadyBuilt);
        }
        state.built.push({
            identifier: build.identifier,
            filename: wheel.name,
            locationPath: path$1.posix.join(wheel.dir, wheel.name),
            hostPath: hostWheel,
            group: state.group
        });
    }
    return {
        identifier: build.identifier,
        hostWheel,
        reused: !!reusedEntry,
        cached: !!cachedFrom,
        tested: build.tested && !skipTests,
        ...(compilerCache ? { compilerCache } : {})
    };
}
function compilerCacheNote(outcome) {
    if ('off' in outcome)
        return `compiler cache off: ${outcome.off}`;
    return `compiler cache (${outcome.tool}): ${outcome.hits} hits, ${outcome.misses} misses`;
}
/**
 * A `verifies` step: checks a kept thing when its marker is there. A failed
 * check (or a kept python that no longer starts) removes the thing, so the
 * steps that make it run next; the build goes on.
 */
async function checkKept(state, step, env, log, locks) {
    const marker = step.verifies;
    const seen = markerStamp(marker);
    if (seen === undefined)
        return;
    log.stepStarted(step);
    const started = Date.now();
    const result = await executorFor(state, step)
        .run(step, env, chunk => log.output(chunk))
        .catch((error) => {
        log.output(`${error instanceof Error ? error.message : String(error)}\n`);
        return { code: 127 };
    });
    log.stepFinished(step, result.code, Date.now() - started);
    if (result.code === 0)
        return;
    log.note(`${path$1.dirname(marker)} does not work: making it again`);
    await locks.discard(marker, seen);
}
/** `{wheel}` in a step: in its `wheelDir` (a host copy), or where the wheel is. */
function wheelPathFor(step, wheel) {
    if (step.wheelDir)
        return wheel.hostCopy ?? path$1.join(step.wheelDir, wheel.name);
    const join = wheel.where === 'host' ? path$1.join : path$1.posix.join;
    return join(wheel.dir, wheel.name);
}
/** A wheel reused from an earlier build: where it is, or a copy in this lane's container. */
async function reusedWheel(state, build, entry) {
    if (entry.group === state.group)
        return { name: entry.filename, dir: path$1.posix.dirname(entry.locationPath) };
    return placeCachedWheel(state, build, entry.hostPath);
}
/** A restored wheel, put where the group's test steps look for it. */
async function placeCachedWheel(state, build, cached) {
    const name = path$1.basename(cached);
    if (state.group.where === 'container') {
        const dir = buildDirs(POSIX, build.workDir).repaired;
        await state.inside.putFile(cached, dir);
        return { name, dir, where: 'container', hostCopy: cached };
    }
    return { name, dir: path$1.dirname(cached), where: 'host', hostCopy: cached };
}
function withoutVenvVars(env) {
    const { PATH: _path, VIRTUAL_ENV: _venv, ...rest } = env;
    return rest;
}
async function evaluateEnvironment(state, build, step, log, text = build.environment, key = 'environment') {
    const evalStep = {
        ...step,
        name: key,
        argv: ['bash', '-c', environmentScript(text, key)]
    };
    const result = await executorFor(state, step).run(evalStep, step.env, () => undefined, {
        stdout: true
    });
    const interrupted = result.code !== 0 ? state.interrupted?.() : undefined;
    if (interrupted)
        throw new Interrupted(key, interrupted);
    if (result.code !== 0) {
        log.output(result.output);
        throw new BuildFailure(build.identifier, key, log.text(), `evaluating the ${key} option failed (exit ${result.code})`, EXIT.failed, tellingLines(result.output));
    }
    // Only what the option assigns: the rest of the place's environment (an image's
    // own variables and PATH) stays the place's, step by step.
    const assigned = new Set(parseEnvironment(text, key).map(a => a.name));
    const changed = Object.fromEntries(Object.entries(changedVariables(step.env, parseEnvZ(result.stdout))).filter(([name]) => assigned.has(name)));
    log.note(`${key}: ${Object.keys(changed).join(', ') || '(no change)'}`);
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

/** Grace period between SIGTERM and SIGKILL for the children of a stopped run. */
const STOP_GRACE_MS = 3000;
function stopOnSignals(settings) {
    const { children, live, reporter } = settings;
    let received;
    const onSignal = (signal) => {
        received = signal;
        live.flush();
        reporter.warning(`received ${signal}: stopping builds and removing containers`);
        const cleanUp = () => {
            settings.cleanUp();
            live.flush();
            live.close();
        };
        // Everything printed reaches the pipe or file before the process ends.
        stopAndExit(signal, children, STOP_GRACE_MS, cleanUp, () => reporter.flush());
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    return {
        received: () => received,
        dispose() {
            process.removeListener('SIGINT', onSignal);
            process.removeListener('SIGTERM', onSignal);
        }
    };
}

/**
 * The wheelhouse: the order that lets later builds reuse an abi3 wheel, and
 * the atomic placement of each finished wheel into output-dir.
 */
/** Places a finished wheel in output-dir (unless reused) and describes it for the summary. */
function placeWheel(result, build, outputDir, started, placed) {
    const name = path$1.basename(result.hostWheel);
    const data = fs__default.readFileSync(result.hostWheel);
    const sha256 = crypto$1.createHash('sha256').update(data).digest('hex');
    if (!result.reused)
        moveIntoOutput(result.hostWheel, outputDir, placed);
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
/**
 * Copies into output-dir under a temp name, then renames over any wheel of
 * the same name from an earlier run (as cibuildwheel replaces them): never a
 * partial wheel. Two wheels of one name in this run (`placed`) are refused.
 */
function moveIntoOutput(source, outputDir, placed) {
    const name = path$1.basename(source);
    if (placed.has(name)) {
        throw new UserError(`${name} was already built in this run`, {
            key: 'output-dir',
            value: outputDir,
            hint: 'two identifiers produced the same wheel; check build and skip',
            exitCode: EXIT.alreadyBuilt
        });
    }
    const target = path$1.join(outputDir, name);
    fs__default.mkdirSync(outputDir, { recursive: true });
    const temp = path$1.join(outputDir, `.${name}.${process.pid}.partial`);
    try {
        fs__default.copyFileSync(source, temp);
        fs__default.renameSync(temp, target);
        placed.add(name);
    }
    finally {
        fs__default.rmSync(temp, { force: true });
    }
}
/** Whether the project looks like it builds abi3 wheels (then reuse beats parallelism). */
function limitedApiHint(packageDir) {
    for (const file of ['pyproject.toml', 'setup.cfg', 'setup.py']) {
        const full = path$1.join(packageDir, file);
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
        waitFor: identifier => waitFor.get(identifier)?.promise,
        done: identifier => leads.get(identifier)?.resolve()
    };
}

/**
 * Runs a BuildPlan: every build through the bounded pool, each in its group
 * (set up once), abi3 reuse ordering, the wheelhouse, teardown whatever
 * happens (also on SIGINT/SIGTERM, which stop every child's process group,
 * write out what the live log still holds, and exit 130/143). The outcome
 * (records, failures) goes back to the command, which reports it. Run-wide
 * state lives in this function's run, never in a module.
 */
async function executePlan(plan, options, context, cache) {
    const jobs = interleaved(plan.groups);
    const live = liveFor(plan.parallel, jobs, options, context);
    const children = new ChildTracker(context.reaper);
    const unwatch = watchRun(plan, context);
    const states = groupStates(plan, children, context, () => signals.received());
    const cleanUp = () => {
        tearDown([...states.values()], context.env);
        fs__default.rmSync(plan.tempDir, { recursive: true, force: true });
    };
    const signals = stopOnSignals({ children, live, reporter: context.reporter, cleanUp });
    let failedFast = false;
    const stopping = () => failedFast || !!signals.received();
    const ordering = reuseOrdering(jobs.map(j => j.build), limitedApiHint(options.packageDir));
    const shared = {
        live,
        once: new Map(),
        ...(cache ? { cache } : {}),
        outputDir: path$1.resolve(plan.outputDir),
        placedNames: new Set(),
        cacheOutcomes: new Map(),
        gate: new CompileGate(),
        reporter: context.reporter,
        interrupted: signals.received
    };
    const done = [];
    const run = async (job, index) => {
        await ordering.waitFor(job.build.identifier);
        await inTurn(job.state, async () => {
            if (stopping())
                return;
            try {
                const result = await buildOne(job, `(${index + 1}/${jobs.length})`, shared);
                done.push(result);
                if ('failure' in result && plan.failFast)
                    failedFast = true;
            }
            finally {
                ordering.done(job.build.identifier);
            }
        });
    };
    try {
        const runs = jobs.map(({ group, build }) => ({ state: states.get(group), build }));
        await runPool(runs, plan.parallel, run, () => !stopping());
    }
    finally {
        live.close();
        cleanUp();
        unwatch();
        signals.dispose();
    }
    // Interrupted: no outcome to report; the signal's handler ends the process (130/143).
    if (signals.received())
        await new Promise(() => undefined);
    const outcome = outcomeOf(plan, jobs, done, shared.outputDir);
    return {
        ...outcome,
        records: withCompilerCache(outcome.records, shared.cacheOutcomes, context.reporter)
    };
}
/** Runs one build in its group (set up first, once) and tells its end in the live log. */
async function buildOne({ state, build }, label, shared) {
    const { live, reporter } = shared;
    let log;
    try {
        if (build.testWarning)
            reporter.warning(`${build.identifier}: ${build.testWarning}`);
        await ensureSetup(state, shared.once, live);
        // The build's own time, as its result line says: from its start, after the group's setup.
        const started = Date.now();
        log = live.begin(build.identifier, label);
        const result = await runIdentifier(state, build, log, shared.cache, shared.gate);
        const record = placeWheel(result, build, shared.outputDir, started, shared.placedNames);
        if (result.compilerCache)
            shared.cacheOutcomes.set(build.identifier, result.compilerCache);
        const counts = countsOf(result.compilerCache, jobMissSeconds([...shared.cacheOutcomes.values()]));
        log.finished({
            ok: true,
            title: `→ ${record.wheel}${record.note ? ` (${record.note})` : ''}`,
            ...(counts ? { compilerCache: counts } : {})
        });
        return result.reused
            ? { record }
            : { record, placed: path$1.join(shared.outputDir, record.wheel) };
    }
    catch (error) {
        log ??= live.begin(build.identifier, label);
        const interrupted = shared.interrupted();
        if (interrupted) {
            // Stopped by our own signal: not a failure of the build.
            log.finished({
                ok: false,
                step: error instanceof Interrupted ? error.step : 'build',
                interrupted
            });
            return { interrupted: true };
        }
        const failure = asBuildFailure(error, build.identifier, log.text());
        log.finished({ ok: false, step: failure.step });
        return {
            failure: {
                identifier: build.identifier,
                message: failure.message,
                log: failure.log,
                exitCode: failure.exitCode,
                kind: failureKind(failure.step),
                telling: failure.telling
            }
        };
    }
}
/** The records and failures in the order of the plan, and the wheels placed. */
function outcomeOf(plan, jobs, done, outputDir) {
    const position = new Map(jobs.map((j, i) => [j.build.identifier, i]));
    const records = done.flatMap(d => ('record' in d ? [d.record] : []));
    const failures = done.flatMap(d => ('failure' in d ? [d.failure] : []));
    const inOrder = (list) => list.sort((a, b) => position.get(a.identifier) - position.get(b.identifier));
    return {
        records: inOrder(records),
        wheels: done.flatMap(d => ('placed' in d && d.placed ? [d.placed] : [])),
        identifiers: jobs.map(j => j.build.identifier),
        outputDir,
        failures: inOrder(failures),
        failFast: plan.failFast
    };
}
/** The live log: structured events, or the human log with its rewrites of source paths. */
function liveFor(parallel, jobs, options, context) {
    const { reporter } = context;
    const rewrite = sourceRewrites(jobs.map(j => j.build), options, context.isAction ? context.env.GITHUB_WORKSPACE : undefined);
    if (reporter.event)
        return eventOutput(reporter.event, rewrite);
    return liveOutput({
        reporter,
        concurrent: Math.min(parallel, jobs.length) > 1,
        foldedLogs: context.isAction,
        rewrite
    });
}
/**
 * Tells the watcher of the temp dir and each group's teardown, so that a
 * run killed outright is cleaned up; returns what the end of the run calls.
 */
function watchRun(plan, context) {
    const { reaper } = context;
    if (!reaper)
        return () => undefined;
    reaper.remove(plan.tempDir);
    const ids = plan.groups.flatMap((group, g) => group.teardown.map((step, s) => {
        const id = `teardown-${g}-${s}`;
        reaper.cleanup(id, step.argv, { ...context.env, ...step.env });
        return id;
    }));
    return () => {
        for (const id of ids)
            reaper.drop(id);
        reaper.keep(plan.tempDir);
    };
}
/** The state of each group, before its setup. */
function groupStates(plan, children, context, interrupted) {
    const paced = async () => context.reporter.caughtUp?.();
    const scratch = path$1.join(plan.tempDir, 'scratch');
    // Host steps' output goes through files here (see HostExecutor).
    const spool = path$1.join(plan.tempDir, 'output');
    // The lanes of a container family see each other's wheels (abi3 reuse).
    const builtIn = new Map();
    const builtOf = (group) => {
        if (!group.family)
            return [];
        const found = builtIn.get(group.family) ?? [];
        builtIn.set(group.family, found);
        return found;
    };
    return new Map(plan.groups.map(group => {
        const host = () => new HostExecutor(children, spool, paced);
        const state = {
            group,
            host: host(),
            inside: group.container
                ? new ContainerExecutor(group.container, scratch, clientEnv(group, context.env), children)
                : host(),
            built: builtOf(group),
            turn: Promise.resolve(),
            started: false,
            values: {},
            captured: new Map(),
            interrupted
        };
        return [group, state];
    }));
}
/** Each started group's teardown steps, once. */
function tearDown(states, env) {
    for (const state of states) {
        state.inside.close?.();
        if (!state.started)
            continue;
        for (const step of state.group.teardown) {
            spawnSync(step.argv[0], step.argv.slice(1), {
                stdio: 'ignore',
                env: { ...env, ...step.env }
            });
        }
        state.started = false;
    }
}
/**
 * Every build with its group, in the order the plan lists them; the builds of
 * container lanes (dealt round-robin) are taken in turn, one from each lane,
 * so the pool starts one build per lane first.
 */
function interleaved(groups) {
    // A unit is a group, or all the lanes of one family, at the place of its first lane.
    const units = [];
    const families = new Map();
    for (const group of groups) {
        const lanes = group.family ? families.get(group.family) : undefined;
        if (lanes) {
            lanes.push(group);
            continue;
        }
        const unit = [group];
        if (group.family)
            families.set(group.family, unit);
        units.push(unit);
    }
    return units.flatMap(lanes => {
        const longest = Math.max(...lanes.map(lane => lane.builds.length));
        return Array.from({ length: longest }, (_, i) => lanes.flatMap(lane => i < lane.builds.length ? [{ group: lane, build: lane.builds[i] }] : [])).flat();
    });
}
/** Runs `work` after the group's earlier work, when its builds share one project dir. */
function inTurn(state, work) {
    if (!state.group.serial)
        return work();
    const next = state.turn.then(work);
    state.turn = next.catch(() => undefined);
    return next;
}
/**
 * In the action, diagnostics name files in the workspace (see report/matcher.ts).
 * A build's copies of the project are its work dir's src (a copy of the package
 * dir) and the dirs its steps were given as the project and the package: on
 * the host both are the package dir, in a container `/project` stands for the
 * project dir and `/project/<rel>` for the package dir.
 */
function sourceRewrites(builds, options, workspace) {
    if (!workspace)
        return undefined;
    const inWorkspace = (dir) => {
        const rel = path$1.relative(workspace, dir);
        return rel.startsWith('..') || path$1.isAbsolute(rel) ? undefined : rel;
    };
    const packagePrefix = inWorkspace(options.packageDir);
    if (packagePrefix === undefined)
        return undefined;
    const projectPrefix = inWorkspace(options.projectDir) ?? packagePrefix;
    const roots = new Map(builds.map(b => {
        const env = b.steps[0]?.env ?? {};
        const pkg = env.WHEELWRIGHT_PACKAGE;
        const project = env.WHEELWRIGHT_PROJECT;
        const list = [
            [`${b.workDir}/src`, packagePrefix],
            [`${b.workDir}\\src`, packagePrefix]
        ];
        if (pkg)
            list.push([pkg, packagePrefix]);
        if (project && project !== pkg)
            list.push([project, projectPrefix]);
        return [b.identifier, list];
    }));
    return identifier => sourcePathRewriter(packagePrefix, roots.get(identifier) ?? []);
}
/** The engine client's own environment: the runner's, minus credentials. */
function clientEnv(group, runner) {
    const env = {};
    for (const [k, v] of Object.entries(runner))
        if (!isCredential(k))
            env[k] = v;
    return { ...env, ...group.container?.env };
}

/**
 * The end-of-run tables: identifier, wheel, size, sha256, seconds, tested;
 * an sdist row when the run made one. The job summary (markdown) has the
 * full sha256, the totals and wall time, and each failed identifier with the
 * telling lines and the last lines of its log; the CLI's plain table keeps
 * the sha256 short, so that it fits a terminal.
 */
function humanSize(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    if (bytes < 1024 * 1024)
        return `${(bytes / 1024).toFixed(1)} kB`;
    return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
const BASE_HEADER = [
    'identifier',
    'wheel',
    'size',
    'sha256',
    'seconds',
    'tested'
];
/** The columns: a `compiler cache` column (before `tested`) when some build ran with one. */
function header(records) {
    return records.some(r => r.compilerCache)
        ? [...BASE_HEADER.slice(0, -1), 'compiler cache', ...BASE_HEADER.slice(-1)]
        : BASE_HEADER;
}
function rows(summary, sha) {
    const { records, sdist, sdistSkipped } = summary;
    const cacheColumn = header(records).length > BASE_HEADER.length;
    const pad = (row) => (cacheColumn ? [...row.slice(0, -1), '', ...row.slice(-1)] : row);
    return [
        ...records.map(r => [
            r.identifier,
            r.wheel + (r.note ? ` (${r.note})` : ''),
            humanSize(r.size),
            sha(r.sha256),
            r.seconds.toFixed(1),
            ...(cacheColumn ? [r.compilerCache ? countsText(r.compilerCache) : ''] : []),
            r.tested
        ]),
        ...(sdist
            ? [pad(['sdist', sdist.file, humanSize(sdist.size), sha(sdist.sha256), '', ''])]
            : []),
        ...(!sdist && sdistSkipped ? [pad(['sdist', sdistSkipped, '', '', '', ''])] : [])
    ];
}
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** `2 wheels and the sdist`, `1 wheel`. */
function madeFiles(wheels, sdist) {
    return `${plural(wheels, 'wheel')}${sdist ? ' and the sdist' : ''}`;
}
/** A fence that no line of `text` closes early. */
function fenced(text) {
    const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map(m => m.length));
    const fence = '`'.repeat(longest + 1);
    return `${fence}\n${text.trimEnd()}\n${fence}`;
}
function markdownSummary(summary) {
    const { records, sdist, failures } = summary;
    const escape = (s) => s.replace(/\|/g, '\\|');
    const parts = [];
    const heading = `${madeFiles(records.length, !!sdist)} in ${duration(summary.seconds * 1000)}`;
    parts.push(`### wheelwright: ${heading}${failures.length > 0 ? `, ${plural(failures.length, 'build')} failed` : ''}`);
    if (records.length > 0 || sdist || summary.sdistSkipped) {
        const bytes = records.reduce((sum, r) => sum + r.size, 0) + (sdist?.size ?? 0);
        const built = records.reduce((sum, r) => sum + r.seconds, 0);
        const columns = header(records);
        const cache = jobCounts(records.map(r => r.compilerCache));
        parts.push([
            `| ${columns.join(' | ')} |`,
            `| ${columns.map(() => '---').join(' | ')} |`,
            ...rows(summary, s => s).map(r => `| ${r.map(escape).join(' | ')} |`)
        ].join('\n'), `**Total:** ${madeFiles(records.length, !!sdist)}, ${humanSize(bytes)}; ` +
            `wall time ${duration(summary.seconds * 1000)} (the builds took ${duration(built * 1000)} in all)` +
            (cache ? `; compiler cache (${cache.tool}): ${countsText(cache)}` : ''));
    }
    if (summary.notStarted && summary.notStarted.length > 0) {
        parts.push(`#### not started\n\nfail-fast stopped ${plural(summary.notStarted.length, 'build')} before ${summary.notStarted.length === 1 ? 'it' : 'they'} started: ${summary.notStarted.join(', ')}`);
    }
    for (const failure of failures) {
        const last = failure.log.trimEnd().split('\n').slice(-20).join('\n');
        parts.push(`#### ✗ ${failure.identifier}\n\n${escape(failure.message)}`, ...(failure.telling.length > 0 ? [fenced(failure.telling.join('\n'))] : []), `<details><summary>last lines of the log</summary>\n\n${fenced(last)}\n\n</details>`);
    }
    return `${parts.join('\n\n')}\n`;
}
/** The CLI's table; empty when there is no row. */
function plainTable(summary) {
    if (summary.records.length === 0 && !summary.sdist && !summary.sdistSkipped)
        return '';
    const columns = header(summary.records);
    const cache = jobCounts(summary.records.map(r => r.compilerCache));
    const table = [columns, ...rows(summary, s => s.slice(0, 16))];
    const widths = columns.map((_, i) => Math.max(...table.map(r => r[i].length)));
    return (table
        .map(r => r
        .map((cell, i) => cell.padEnd(widths[i]))
        .join('  ')
        .trimEnd())
        .join('\n') +
        '\n' +
        (cache ? `compiler cache (${cache.tool}): ${countsText(cache)}\n` : ''));
}

/**
 * The end of a build run: the closing line (`✓ 3 wheels in 41.2s →
 * wheelhouse`), the summary table (also when builds failed), the outputs, and
 * one error that gathers every failure, each annotated on its own.
 */
function fileRecord(file) {
    const data = fs__default.readFileSync(file);
    return {
        file: path$1.basename(file),
        size: data.length,
        sha256: crypto$1.createHash('sha256').update(data).digest('hex')
    };
}
/** The identifiers of the run that neither made a wheel nor failed: fail-fast stopped them first. */
function neverStarted(outcome) {
    const done = new Set([...outcome.records, ...outcome.failures].map(r => r.identifier));
    return outcome.identifiers.filter(id => !done.has(id));
}
/** A failure's message, ending with the lines that tell why. */
function failureText(failure) {
    return [failure.message, ...failure.telling.map(l => `    ${l}`)].join('\n');
}
async function reportOutcome(outcome, totals, reporter) {
    const { records, failures } = outcome;
    const paint = paintFor(reporter.terminal);
    const sdist = totals.sdist ? fileRecord(totals.sdist) : undefined;
    const took = duration(totals.seconds * 1000);
    const shown = path$1.relative(process.cwd(), outcome.outputDir) || '.';
    const where = shown.startsWith('..') ? outcome.outputDir : shown;
    const notStarted = neverStarted(outcome);
    const skipped = notStarted.length > 0 ? `; not started: ${notStarted.join(', ')}` : '';
    const noSdist = totals.sdistSkipped ? `; sdist ${totals.sdistSkipped}` : '';
    reporter.line(failures.length === 0
        ? `${paint.green('✓')} ${paint.bold(madeFiles(records.length, !!sdist))} in ${took} → ${where}${noSdist}`
        : `${paint.red('✗')} ${paint.bold(`${failures.length} of ${outcome.identifiers.length} builds failed`)} in ${took}${skipped}; ${madeFiles(records.length, !!sdist)} → ${where}${noSdist}`);
    const summary = {
        records,
        ...(sdist ? { sdist } : {}),
        ...(totals.sdistSkipped ? { sdistSkipped: totals.sdistSkipped } : {}),
        failures,
        notStarted,
        seconds: totals.seconds
    };
    if (records.length > 0 || sdist || failures.length > 0)
        await reporter.summary(markdownSummary(summary), plainTable(summary));
    reporter.setOutput('wheels', JSON.stringify(outcome.wheels));
    reporter.setOutput('wheelhouse', outcome.outputDir);
    reporter.setOutput('identifiers', JSON.stringify(outcome.identifiers));
    if (failures.length === 0)
        return;
    const notRun = notStarted.length > 0 ? `\n\nnot started (fail-fast): ${notStarted.join(', ')}` : '';
    throw new UserError(`${failures.length} build${failures.length === 1 ? '' : 's'} failed: ${failures.map(f => f.identifier).join(', ')}\n${failures.map(failureText).join('\n\n')}${notRun}`, {
        hint: outcome.failFast
            ? 'fail-fast stopped the remaining builds; set fail-fast: false to build the rest'
            : 'see each build log above',
        // The status of the first failure in plan order, as cibuildwheel (which stops there) gives.
        exitCode: failures[0].exitCode,
        kind: failures[0].kind,
        problems: failures.map(f => ({ kind: f.kind, message: failureText(f) }))
    });
}

/**
 * Compiled extension files left in a project (an in-place build, a copy from
 * another machine). A container gets the whole project, so they reach the
 * build and the repair there, where they may not load or may be bundled by
 * mistake. Named after a failed build or repair as a likely cause.
 */
const SKIPPED = [
    '.git',
    '.hg',
    '.svn',
    'node_modules',
    '.venv',
    'venv',
    '.tox',
    '.nox'
];
const COMPILED = /\.(so|pyd|dylib)$|\.so\.\d/;
/** Up to `most` compiled files under `dir` (relative paths), looking at most `depth` levels down. */
function strayObjects(dir, most = 5, depth = 6) {
    const found = [];
    const walk = (current, level) => {
        if (found.length >= most || level > depth)
            return;
        let entries;
        try {
            entries = fs__default.readdirSync(current, { withFileTypes: true });
        }
        catch {
            return;
        }
        for (const entry of entries) {
            if (found.length >= most)
                return;
            const full = path$1.join(current, entry.name);
            if (entry.isDirectory() && !SKIPPED.includes(entry.name))
                walk(full, level + 1);
            else if (entry.isFile() && COMPILED.test(entry.name))
                found.push(path$1.relative(dir, full));
        }
    };
    walk(dir, 0);
    return found.sort();
}
/** The warning for a failed build or repair, when the project holds compiled files. */
function strayObjectsWarning(projectDir) {
    const found = strayObjects(projectDir);
    if (found.length === 0)
        return undefined;
    return (`the project holds compiled files (${found.join(', ')}); they go into the build with the project ` +
        'and may be what broke it. Hint: remove them (for example git clean -fdX) and build again');
}

/**
 * Wheel cache keys: one sha256 over everything that can change a built
 * wheel. A change to any part rebuilds.
 *
 * Which options enter the key comes from one table, KEY_ROLES, that names
 * every field of BuildOptions. A new field that nobody classifies fails the
 * type check, so it can neither be forgotten (a stale hit) nor keyed by
 * chance. A nested option (frontend, containerEngine, dependencyConstraints)
 * is classified as a whole: a change to any of its members counts as a
 * change to it.
 */
const KEY_ROLES = {
    identifier: 'key:identifier',
    beforeAll: 'key',
    beforeBuild: 'key',
    beforeTest: 'after-restore',
    repairCommand: 'key',
    // The built-in repair and the same command written out are run differently
    // (platforms/linux-repair.ts repairs what auditwheel alone refuses).
    repairIsDefault: 'key',
    testCommand: 'after-restore',
    auditCommand: 'after-restore',
    auditCommands: 'after-restore',
    // Installed into the tools venv by the group's setup, which a hit runs too.
    auditRequires: 'after-restore',
    environment: 'key',
    environmentPass: 'key',
    testEnvironment: 'after-restore',
    configSettings: 'key',
    frontend: 'key',
    testRequires: 'after-restore',
    testExtras: 'after-restore',
    testSources: 'after-restore',
    // Its create arguments can set variables and mounts that the build sees.
    containerEngine: 'key',
    image: 'key',
    // How much the frontend prints, not what it builds.
    buildVerbosity: 'irrelevant',
    dependencyVersions: 'key:constraints',
    dependencyConstraints: 'key:constraints'
};
/** The `key` options and their values, by name: what the key hashes of the options. */
function buildAffectingOptions(options) {
    const names = Object.keys(KEY_ROLES)
        .filter(name => KEY_ROLES[name] === 'key')
        .sort();
    return Object.fromEntries(names.map(name => [name, options[name]]));
}
function wheelCacheKey(parts) {
    const canonical = JSON.stringify([
        'wheelwright-wheel-cache/2',
        parts.version,
        parts.identifier,
        parts.sources,
        parts.toolchain,
        buildAffectingOptions(parts.options),
        Object.entries(parts.env).sort(([a], [b]) => a.localeCompare(b)),
        parts.constraints ?? ''
    ]);
    return crypto$1.createHash('sha256').update(canonical).digest('hex');
}

/**
 * A digest of the project's sources: the files git knows (tracked, in
 * submodules too, plus untracked files that are not ignored) when the project is a checkout,
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
async function gitList(dir, args) {
    const result = await exec(['git', '-C', dir, 'ls-files', '-z', ...args], {
        timeoutMs: 60000
    }).catch(() => undefined);
    if (!result || result.code !== 0)
        return undefined;
    return result.stdout.split('\0').filter(Boolean);
}
/**
 * The files of a checkout: tracked ones, those of its submodules (so a
 * changed submodule is a miss), and untracked ones that are not ignored.
 */
async function gitFiles(dir) {
    const tracked = await gitList(dir, ['--cached', '--recurse-submodules']);
    const untracked = await gitList(dir, ['--others', '--exclude-standard']);
    if (!tracked || !untracked)
        return undefined;
    return [...new Set([...tracked, ...untracked])];
}
function walk(dir, base = '') {
    const files = [];
    for (const entry of fs__default.readdirSync(path$1.join(dir, base), { withFileTypes: true })) {
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
/**
 * Top-level folders no build reads: documentation and CI workflows. A commit
 * that touches only these is a cache hit.
 */
const NOT_READ_BY_BUILDS = ['docs', 'doc', '.github'];
async function sourceDigest(dir, exclude = []) {
    const listed = (await gitFiles(dir)) ?? walk(dir);
    const skipped = [...exclude, ...NOT_READ_BY_BUILDS];
    const files = listed.filter(f => !skipped.some(e => f === e || f.startsWith(`${e}/`))).sort();
    const hash = crypto$1.createHash('sha256');
    for (const file of files) {
        const full = path$1.join(dir, file);
        let content;
        try {
            content = fs__default.readFileSync(full);
        }
        catch {
            continue; // listed by git but deleted in the work tree
        }
        hash.update(`${file}\0${crypto$1.createHash('sha256').update(content).digest('hex')}\0`);
    }
    return hash.digest('hex');
}

/** Gathers what the wheel cache keys need (source digest, image IDs) and builds the keys. */
/**
 * Variables that can change what a compiler or build backend produces.
 * SOURCE_DATE_EPOCH is left out on purpose: it changes with every commit, and
 * a commit that changes nothing the build reads must be a hit (a restored
 * wheel keeps the timestamps of the commit that built it).
 */
const BUILD_VARIABLES = /^(CC|CXX|CPP|LD|AR|CFLAGS|CXXFLAGS|CPPFLAGS|LDFLAGS|CL|_CL_|RUSTFLAGS|MACOSX_DEPLOYMENT_TARGET|ARCHFLAGS|_PYTHON_HOST_PLATFORM|DIST_EXTRA_CONFIG|VSCMD_ARG_TGT_ARCH|(SETUPTOOLS|CMAKE|CARGO|PIP|UV|DISTUTILS)_\w+)$/;
function buildVariables(env) {
    return Object.fromEntries(Object.entries(env).filter(([k]) => BUILD_VARIABLES.test(k) && !/CACHE_DIR$/.test(k)));
}
async function computeCacheKeys(plan, options) {
    const relativeOutput = path$1.relative(options.packageDir, path$1.resolve(options.outputDir));
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
                env: {
                    ...buildVariables(group.container?.env ?? {}),
                    ...buildVariables(buildStep?.env ?? {})
                },
                version: VERSION,
                constraints: constraintsFor(options.buildOptions(build.identifier).dependencyConstraints, build.version)
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
    return wheels.length === 1 ? path$1.join(dir, wheels[0]) : undefined;
}
/** Copies `wheel` into `dir` through a temp name, so readers never see half a file. */
function storeWheel(dir, wheel) {
    fs__default.mkdirSync(dir, { recursive: true });
    const temp = path$1.join(dir, `.${path$1.basename(wheel)}.${process.pid}.partial`);
    fs__default.copyFileSync(wheel, temp);
    fs__default.renameSync(temp, path$1.join(dir, path$1.basename(wheel)));
}
class LocalWheelStore {
    root;
    constructor(root) {
        this.root = root;
    }
    dir(key) {
        return path$1.join(this.root, 'wheels', key.slice(0, 2), key);
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
        return path$1.join(this.scratch, 'wheel-cache', key);
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
        ...outcome.records.filter(r => r.wheel).map(r => path$1.join(outputDir, r.wheel))
    ];
    return [...new Set(paths.map(p => path$1.resolve(p)))].filter(p => fs__default.existsSync(p)).sort();
}
/**
 * Returns the sdist it made, if any. `artifact`: this job uploads its
 * artifact (in the action, with upload-artifact).
 */
async function afterBuild(options, tools, outcome, artifact) {
    const settings = options.publish;
    if (!options.sdist && !artifact && settings.mode === 'false')
        return undefined;
    const { shouldPublish } = await import('./settings-DFpDbotx.js');
    const outputDir = options.outputDir;
    let sdist;
    if (options.sdist) {
        const { makeSdist } = await import('./sdist-BCfYLLzt.js');
        sdist = await makeSdist(options, tools);
    }
    const files = [...jobWheels(outputDir, outcome), ...(sdist ? [sdist] : [])];
    if (artifact) {
        const { expandArtifactName } = await import('./artifacts-CzzhEEOk.js');
        const { uploadJobArtifact } = await import('./job-artifact-vvwfjc_I.js');
        const group = options.group ?? options.only;
        const name = expandArtifactName(settings.artifactName, {
            os: options.platform,
            arch: builtArchs(options, outcome),
            ...(group ? { group } : {})
        });
        await uploadJobArtifact({ ...tools, name, files, rootDirectory: outputDir, settings });
    }
    if (settings.mode !== 'false') {
        if (!shouldPublish(settings.mode, tools.env.GITHUB_REF)) {
            tools.reporter.info(`publish: tag, and ${tools.env.GITHUB_REF ?? 'this ref'} is not a tag: not publishing`);
            tools.reporter.setOutput('published', '[]');
            return sdist;
        }
        const { publishAndReport, publishScope } = await import('./publishing-B8Ai7mUS.js');
        await publishScope(tools, scope => publishAndReport(files, 'output-dir', options, tools, true, scope));
    }
    return sdist;
}

/** Redacts a URL's userinfo (publish/index-url.ts's rule, kept here so report/ needs no release code). */
function withoutUserinfo(text) {
    return text.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1***@');
}
const shown = (value) => {
    if (value === undefined || value === '')
        return '(none)';
    if (Array.isArray(value))
        return value.length === 0 ? '(none)' : value.join(' ');
    if (value instanceof Set)
        return value.size === 0 ? '(none)' : [...value].join(' ');
    return String(value);
};
/** `name: value` lines, the names aligned. */
function optionLines(options, first) {
    const global = [
        ['command', options.command],
        ['package-dir', options.packageDir],
        ['output-dir', options.outputDir],
        ['config-file', options.configFile],
        ['platform', options.platform],
        ['archs', options.archs],
        ['build', options.build],
        ['skip', options.skip],
        ['test-skip', options.testSkip],
        ['enable', options.enable],
        ['only', options.only],
        ['group', options.group],
        ['python-versions', options.pythonVersions],
        ['requires-python', options.requiresPython],
        ['parallel', options.parallel],
        ['fail-fast', options.failFast],
        ['container', options.container],
        ['cache', options.cache],
        ['cache-dir', options.cacheDir],
        ['compiler-cache', options.compilerCache],
        ['sdist', options.sdist],
        ['upload-artifact', options.publish.uploadArtifact],
        ['artifact-name', options.publish.artifactName],
        ['publish', options.publish.mode],
        ...(options.publish.mode !== 'false'
            ? [
                ['repository-url', withoutUserinfo(options.publish.repositoryUrl)],
                ['password', options.publish.password ? '(set)' : '(none: trusted publishing)']
            ]
            : [])
    ];
    const perBuild = first
        ? [
            ['build-frontend', [first.frontend.name, ...first.frontend.args].join(' ')],
            ['config-settings', first.configSettings],
            ['environment', first.environment],
            ['environment-pass', first.environmentPass],
            ['before-all', first.beforeAll],
            ['before-build', first.beforeBuild],
            ['repair-wheel-command', first.repairCommand],
            ['test-command', first.testCommand],
            ['test-requires', first.testRequires],
            ['test-extras', first.testExtras],
            ['before-test', first.beforeTest],
            ['container-engine', first.containerEngine.name],
            ['image', first.image],
            ['dependency-versions', first.dependencyVersions]
        ]
        : [];
    const width = Math.max(...[...global, ...perBuild].map(([name]) => name.length));
    const line = ([name, value]) => `  ${name.padEnd(width)}  ${shown(value)}`;
    return [
        ...global.map(line),
        ...(first ? [`for ${first.identifier} (overrides may differ per identifier):`] : []),
        ...perBuild.map(line)
    ];
}

/** `build`: select, plan, then run the plan (or print it with dry-run). */
/** The wheel cache of this run, unless `cache: false`. */
async function openWheelCache(plan, options, context) {
    if (!options.cache)
        return undefined;
    const keys = await computeCacheKeys(plan, options);
    const inActions = context.isAction && !!(context.env.ACTIONS_RESULTS_URL || context.env.ACTIONS_CACHE_URL);
    const store = inActions
        ? new ActionsWheelStore(path$1.join(context.env.RUNNER_TEMP ?? os$1.tmpdir(), 'wheelwright'), await import('./cache-Dj9Svy45.js'), text => context.reporter.warning(text))
        : new LocalWheelStore(options.cacheDir);
    return { store, keys, skipTests: options.cacheSkipTests };
}
/**
 * In the action, the compiler cache dirs of the plan from the Actions cache
 * (the wheel cache's store), and how to save them after the builds.
 */
async function restoreCompilerCache(plan, options, context, facts) {
    const inActions = context.isAction && !!(context.env.ACTIONS_RESULTS_URL || context.env.ACTIONS_CACHE_URL);
    if (!inActions || options.compilerCache === 'off')
        return undefined;
    const store = await import('./compiler-store-krVLKcH1.js');
    const mounted = facts.containerCacheDir
        ? { inside: CONTAINER_CACHE, host: facts.containerCacheDir }
        : undefined;
    const entries = store.compilerCacheEntries(plan, context.env, mounted);
    if (entries.length === 0)
        return undefined;
    const actionsCache = await import('./cache-Dj9Svy45.js');
    const warn = (text) => context.reporter.warning(text);
    const restored = await store.restoreCompilerCaches(entries, actionsCache, warn);
    context.reporter.info(`compiler cache: ${restored.length > 0 ? `restored ${restored.join(', ')}` : 'nothing to restore (a cold start)'}`);
    return {
        save: async () => {
            const saved = await store.saveCompilerCaches(entries, actionsCache, warn);
            if (saved.length > 0)
                context.reporter.info(`compiler cache: saved ${saved.join(', ')}`);
        }
    };
}
/** Targets of an OS other than this machine's, without containers, cannot be built here. */
function checkBuildableHere(options) {
    const here = thisMachine();
    if (options.dryRun || options.platform === here.platform)
        return;
    if (platformNamed(options.platform).containers)
        return;
    throw new UserError(`${options.platform} wheels cannot be built on ${here.platform}`, {
        key: 'platform',
        value: options.platform,
        hint: `run on a ${options.platform} runner, or add --dry-run to see the plan`
    });
}
async function runBuild(options, context) {
    const { reporter } = context;
    const started = Date.now();
    checkBuildableHere(options);
    if (context.isAction && !options.dryRun) {
        // As upload-artifact: an artifact that cannot be uploaded fails the step, before any build.
        const { requireArtifactService } = await import('./job-artifact-vvwfjc_I.js');
        requireArtifactService(options.publish, context.env);
    }
    if (!options.dryRun) {
        checkWritableDir(options.outputDir, 'output-dir');
        checkWritableDir(options.cacheDir, 'cache-dir');
    }
    const configurations = jobConfigurations(options);
    // The resolved options first, folded in the action, as cibuildwheel prints its own.
    const first = configurations[0] ? options.buildOptions(configurations[0].identifier) : undefined;
    reporter.group(`wheelwright ${VERSION}: options`, optionLines(options, first).join('\n'));
    for (const warning of validateSelectors(options, options.only ? 'only' : 'build'))
        reporter.warning(warning);
    if (!options.only)
        checkArchsSelected(options.archs, options.platform);
    if (configurations.length === 0 && !options.allowEmpty) {
        throw new UserError('no identifier selected', {
            key: 'build',
            value: options.build,
            exitCode: EXIT.nothingToDo,
            hint: `check build, skip, archs, python-versions and requires-python (${options.requiresPython ?? 'unset'}) for ${options.platform}`
        });
    }
    if (configurations.length === 0) {
        // allow-empty: success, before any engine or interpreter is looked for.
        reporter.info('no identifier selected; nothing to build (allow-empty)');
        if (options.dryRun)
            return;
        fs__default.mkdirSync(options.outputDir, { recursive: true });
        const outcome = {
            records: [],
            wheels: [],
            identifiers: [],
            outputDir: options.outputDir,
            failures: [],
            failFast: options.failFast
        };
        return reportOutcome(outcome, { seconds: (Date.now() - started) / 1000 }, reporter);
    }
    const facts = await gatherFacts(options, configurations, context.env);
    for (const name of facts.passed ?? []) {
        if (context.env[name] === undefined)
            continue;
        reporter.warning(`environment-pass: ${name} looks like a secret (*_TOKEN, *_PASSWORD, *_SECRET, *API_KEY*) and is passed into the build, where every step and anything it runs can read it; its value is masked in the log`);
    }
    if (options.dryRun)
        return planAndRun(options, context, configurations, facts, started);
    // The run's temp dir goes whatever happens: a late configuration error, a failure, a kill.
    context.reaper?.remove(facts.tempDir);
    try {
        await planAndRun(options, context, configurations, facts, started);
    }
    finally {
        fs__default.rmSync(facts.tempDir, { recursive: true, force: true });
        context.reaper?.keep(facts.tempDir);
    }
}
async function planAndRun(options, context, configurations, facts, started) {
    const { reporter } = context;
    const plan = createBuildPlan(options, configurations, facts);
    reporter.info(describeMode(plan));
    const emulated = plan.groups
        .filter(g => g.container)
        .flatMap(g => g.builds.map(b => b.identifier))
        .filter(id => platformNamed(options.platform).containers?.emulatedOn(archOfIdentifier(id), options.runner.machine));
    if (emulated.length > 0)
        reporter.warning(`emulated with QEMU, 5 to 20 times slower than native: ${emulated.join(', ')}`);
    if (options.dryRun) {
        reporter.result(dryRunJson(plan, context.env));
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
    // As cibuildwheel: output-dir exists from the first build on, whatever the builds do.
    fs__default.mkdirSync(plan.outputDir, { recursive: true });
    const cache = await openWheelCache(plan, options, context);
    const matcherDir = context.isAction ? context.env.RUNNER_TEMP : undefined;
    if (matcherDir)
        reporter.line(addMatcherCommand(path$1.join(matcherDir, 'wheelwright')));
    const compilerCaches = await restoreCompilerCache(plan, options, context, facts);
    let outcome;
    try {
        outcome = await executePlan(plan, options, context, cache);
    }
    finally {
        if (matcherDir)
            for (const command of removeMatcherCommands())
                reporter.line(command);
        await compilerCaches?.save();
    }
    if (outcome.failures.some(f => f.kind === 'build' || f.kind === 'repair')) {
        const stray = strayObjectsWarning(options.projectDir);
        if (stray)
            reporter.warning(stray);
    }
    let sdist;
    const failed = outcome.failures.length;
    // With sdist: true, a run whose builds failed makes no sdist: said, not silent.
    const sdistSkipped = options.sdist && failed > 0
        ? `not built: ${failed} build${failed === 1 ? '' : 's'} failed`
        : undefined;
    if (sdistSkipped)
        reporter.warning(`sdist: true, but the sdist was ${sdistSkipped}`);
    try {
        if (failed === 0) {
            const artifact = context.isAction && options.publish.uploadArtifact;
            sdist = await afterBuild(options, toolsContext(context, options.cacheDir), outcome, artifact);
        }
    }
    finally {
        // The summary is written whatever happened after the builds.
        const totals = {
            ...(sdist ? { sdist } : {}),
            ...(sdistSkipped ? { sdistSkipped } : {}),
            seconds: (Date.now() - started) / 1000
        };
        await reportOutcome(outcome, totals, reporter);
    }
}
/** Where this run builds, said once at the start: host or which engine and images. */
function describeMode(plan) {
    const containers = plan.groups.filter(g => g.container);
    if (containers.length === 0)
        return `building on this host (${plan.platform})`;
    const engines = [...new Set(containers.map(g => g.container.engine))];
    const images = [...new Set(containers.map(g => g.container.image))];
    return `building in ${engines.join(' and ')} containers: ${images.join(', ')}`;
}

export { describeMode, runBuild };
