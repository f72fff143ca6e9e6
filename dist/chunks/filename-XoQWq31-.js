import path$1 from 'node:path';
import { s as selectorMatches, U as UserError } from './selector-DCRlYccv.js';
import crypto$1 from 'node:crypto';
import fs__default from 'node:fs';
import os$1 from 'node:os';
import { a as semverExports, s as semver, e as exec$1, d as detectRunner } from './runner-Vbc7fZBQ.js';
import { i as info, m as mkdirP, d as debug, e as exec, a as isDebug, H as HttpClient, r as rmRF, w as which } from './core-CM_3Ha9x.js';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import 'child_process';
import * as path from 'path';
import * as require$$0$1 from 'stream';
import * as require$$0 from 'util';
import { ok } from 'assert';

/**
 * cibuildwheel placeholders (`{project}`, `{package}`, `{wheel}`, `{dest_dir}`,
 * `{delocate_archs}`, `{abi3_wheel}`; `#{name}` escapes one) in user commands.
 * Each placeholder becomes a quoted reference to an environment variable that
 * holds the value, so no value is ever pasted into a shell string: paths with
 * spaces or quotes stay intact, and `{wheel}`, which is only known after the
 * build, uses the same mechanism.
 */
const PLACEHOLDER_VARS = {
    project: 'WHEELWRIGHT_PROJECT',
    package: 'WHEELWRIGHT_PACKAGE',
    wheel: 'WHEELWRIGHT_WHEEL',
    abi3_wheel: 'WHEELWRIGHT_WHEEL',
    dest_dir: 'WHEELWRIGHT_DEST_DIR',
    delocate_archs: 'WHEELWRIGHT_DELOCATE_ARCHS'
};
function substitutePlaceholders(command, shell) {
    return command.replace(/(#?)\{(\w+)\}/g, (whole, escape, name) => {
        const variable = PLACEHOLDER_VARS[name];
        if (!variable)
            return whole;
        if (escape)
            return `{${name}}`;
        return shell === 'bash' ? `"\${${variable}}"` : `"%${variable}%"`;
    });
}
/** The argv that runs a user script as written, through the platform's shell. */
function shellArgv(script, shell) {
    const body = substitutePlaceholders(script, shell);
    return shell === 'bash' ? ['bash', '-c', body] : ['cmd', '/d', '/s', '/c', body];
}

/** Planning pieces shared by the platforms. */
function isTested(options, build) {
    return !!build.testCommand && !selectorMatches(options.testSkip, build.identifier);
}
function baseBuildEnv(identifier) {
    return {
        CIBUILDWHEEL: '1',
        CIBUILDWHEEL_BUILD_IDENTIFIER: identifier,
        PIP_DISABLE_PIP_VERSION_CHECK: '1',
        PIP_ROOT_USER_ACTION: 'ignore'
    };
}
/** Creates the host tools venv once; skipped when it already has the tools. */
function toolsSetupSteps(facts, requirements) {
    const marker = path$1.join(facts.toolsDir, `.ready-${requirements.join('-')}`);
    return [
        {
            name: 'tools',
            argv: [
                'bash',
                '-c',
                '"$1" -m venv "$2" && "$2/bin/python" -m pip install --disable-pip-version-check -q "${@:4}" && touch "$3"',
                'tools',
                facts.hostPython,
                facts.toolsDir,
                marker,
                ...requirements
            ],
            env: hostBaseEnv(facts),
            cwd: facts.tempDir,
            where: 'host',
            phase: 'build',
            creates: marker
        }
    ];
}
/** The runner's environment minus anything that carries a credential. */
function hostBaseEnv(facts) {
    const result = {};
    for (const [k, v] of Object.entries(facts.env)) {
        if (v === undefined || isCredential(k))
            continue;
        result[k] = v;
    }
    const sde = facts.env.SOURCE_DATE_EPOCH ?? facts.sourceDateEpoch;
    if (sde)
        result.SOURCE_DATE_EPOCH = sde;
    return result;
}
const CREDENTIALS = /^(ACTIONS_ID_TOKEN_REQUEST_TOKEN|ACTIONS_RUNTIME_TOKEN|ACTIONS_RESULTS_URL|ACTIONS_CACHE_URL|GITHUB_TOKEN|GH_TOKEN|INPUT_PASSWORD|TWINE_PASSWORD|PYPI_TOKEN|INPUT_.*)$/;
function isCredential(name) {
    return CREDENTIALS.test(name);
}
/** abi3audit (or the user's audit command) on the host copy of an abi3 wheel. */
function auditStep(build, hostWheelDir, facts) {
    if (!build.auditCommand)
        return [];
    const env = hostBaseEnv(facts);
    return [
        {
            name: 'audit',
            argv: shellArgv(build.auditCommand, 'bash'),
            env: {
                ...env,
                PATH: `${path$1.join(facts.toolsDir, 'bin')}${path$1.delimiter}${env.PATH ?? ''}`
            },
            cwd: facts.tempDir,
            where: 'host',
            phase: 'build',
            wheelDir: hostWheelDir,
            onlyAbi3: true
        }
    ];
}
/**
 * Each build's share of the cores: when fewer builds run at once than there
 * are cores, a build may use the rest (parallel=1 on 4 cores → 4 each).
 */
function coreShare(facts, parallel, builds) {
    const atOnce = Math.max(1, Math.min(parallel, builds));
    return Math.max(1, Math.floor((facts.cpuCount ?? 1) / atOnce));
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
        yield exec('tar --version', [], {
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
        yield exec(`tar`, args);
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
            yield exec(`"${pwshPath}"`, args);
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
            yield exec(`"${powershellPath}"`, args);
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
        yield exec(`"${unzipPath}"`, args, { cwd: dest });
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
/** Tool-cache arch directory names of machine names. */
const ARCH_DIRS = {
    x86_64: 'x64',
    AMD64: 'x64',
    aarch64: 'arm64',
    arm64: 'arm64',
    ARM64: 'arm64',
    i686: 'x86',
    x86: 'x86'
};
function toolCacheArch(machine) {
    return ARCH_DIRS[machine] ?? machine;
}
/** The tool cache root: AGENT_TOOLSDIRECTORY wins, as in setup-python. */
function toolCacheRoot(env) {
    return env.AGENT_TOOLSDIRECTORY || env.RUNNER_TOOL_CACHE || undefined;
}
/** The tool cache of each OS on GitHub's hosted runners (dry-run on another OS). */
const HOSTED_TOOL_CACHE = {
    macos: '/Users/runner/hostedtoolcache',
    windows: 'C:\\hostedtoolcache\\windows'
};
function archDir(spec) {
    return spec.freeThreaded ? `${spec.arch}-freethreaded` : spec.arch;
}
/** `3.12` → `3.12.x` (prereleases of 3.12 included); an exact version stays exact. */
function semverRange(version) {
    const [major, minor, patch] = version.split('.');
    if (patch !== undefined)
        return semver.clean(version) ?? version;
    return `>=${major}.${minor}.0-0 <${major}.${Number(minor) + 1}.0-0`;
}
/** stdout's write without @actions/core's `::debug::` lines. */
function withoutDebug(write) {
    return ((chunk, ...rest) => typeof chunk === 'string' && chunk.startsWith('::debug::')
        ? true
        : write.call(process.stdout, chunk, ...rest));
}
/** Outside a workflow, @actions/core's debug lines would spoil the CLI's stdout (JSON). */
function quiet() {
    return process.env.GITHUB_ACTIONS !== 'true';
}
let quietDepth = 0;
let savedWrite;
/** Runs `fn` (an @actions/tool-cache call) with its `::debug::` lines kept off stdout. */
async function withoutDebugLines(fn) {
    if (!quiet())
        return fn();
    if (quietDepth++ === 0) {
        savedWrite = process.stdout.write;
        process.stdout.write = withoutDebug(savedWrite);
    }
    try {
        return await fn();
    }
    finally {
        if (--quietDepth === 0 && savedWrite)
            process.stdout.write = savedWrite;
    }
}
/** Runs a synchronous @actions/tool-cache call against `root` (it reads the root from process.env). */
function withRoot(root, fn) {
    const saved = process.env.RUNNER_TOOL_CACHE;
    const write = process.stdout.write;
    process.env.RUNNER_TOOL_CACHE = root;
    if (quiet())
        process.stdout.write = withoutDebug(write);
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
function pythonIn(dir, platform, minor) {
    const names = platform === 'windows'
        ? ['python.exe', `python${minor}t.exe`]
        : ['bin/python3', 'bin/python', `bin/python${minor}`, `bin/python${minor}t`];
    return names.map(n => path$1.join(dir, n)).find(f => fs__default.existsSync(f));
}
/** The newest cached Python matching `spec`, or undefined. */
function findCachedPython(root, spec, platform) {
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
    const python = pythonIn(dir, platform, minor);
    return python ? { version, dir, python } : undefined;
}
/** Where a lookup for `spec` looked, for error messages. */
function lookupLocation(root, spec, platform) {
    const join = platform === 'windows' ? path$1.win32.join : path$1.posix.join;
    return join(root, 'Python', `${spec.version}${spec.version.split('.').length < 3 ? '.*' : ''}`, archDir(spec));
}

/**
 * Where the interpreter of a macOS or Windows identifier comes from, and
 * where it ends up (pure): CPython from the runner tool cache (installed from
 * the actions/python-versions manifest when missing), PyPy and GraalPy from
 * the catalogue's archive (url + sha256) unpacked into our cache, and, for a
 * win_arm64 build on another Windows machine, the ARM64 import libraries
 * from the `pythonarm64` NuGet package. The planners use the same paths for
 * `--dry-run` on a machine that has not installed anything.
 */
function pathOf(platform) {
    return platform === 'windows' ? path$1.win32 : path$1.posix;
}
function minorOf(version) {
    return version.split('.').slice(0, 2).join('.');
}
/** Windows machine names of the platform tags. */
const WINDOWS_TARGET = {
    win32: 'x86',
    win_amd64: 'AMD64',
    win_arm64: 'ARM64'
};
function windowsTarget(identifier) {
    return WINDOWS_TARGET[identifier.slice(identifier.indexOf('-') + 1)] ?? 'AMD64';
}
/** Where a configuration's interpreter comes from on a runner whose machine is `hostMachine`. */
function placementOf(config, hostMachine) {
    const id = config.identifier;
    if (/^(pp|gp)/.test(id)) {
        if (!config.url || !config.sha256) {
            throw new Error(`catalogue entry ${id} has no archive url/sha256`);
        }
        return {
            source: {
                kind: 'archive',
                implementation: id.startsWith('pp') ? 'pypy' : 'graalpy',
                url: config.url,
                sha256: config.sha256
            }
        };
    }
    const freeThreaded = /^cp\d+t-/.test(id);
    const version = minorOf(config.version);
    if (config.platform === 'macos') {
        // python.org builds are universal2: the host's own arch dir serves every target.
        return {
            source: {
                kind: 'tool-cache',
                spec: { version, arch: toolCacheArch(hostMachine), freeThreaded }
            }
        };
    }
    const target = windowsTarget(id);
    if (target === 'ARM64' && hostMachine !== 'ARM64') {
        return {
            source: {
                kind: 'tool-cache',
                spec: { version, arch: toolCacheArch(hostMachine), freeThreaded }
            },
            crossLibs: {
                nugetId: freeThreaded ? 'pythonarm64-freethreaded' : 'pythonarm64',
                version: config.version
            }
        };
    }
    return {
        source: { kind: 'tool-cache', spec: { version, arch: toolCacheArch(target), freeThreaded } }
    };
}
/** The name of an archive without its extension: the directory it is unpacked to. */
function archiveStem(url) {
    const file = url.slice(url.lastIndexOf('/') + 1);
    return file.replace(/\.(zip|tar\.gz|tgz|tar\.bz2|tar\.xz)$/, '');
}
/** Where an archive interpreter is unpacked (its single top directory stripped). */
function archiveDir(cacheDir, url, platform) {
    return pathOf(platform).join(cacheDir, 'interpreters', archiveStem(url));
}
/** The executable inside an unpacked PyPy or GraalPy. */
function archiveExecutable(dir, implementation, platform) {
    const p = pathOf(platform);
    if (implementation === 'pypy') {
        return platform === 'windows' ? p.join(dir, 'python.exe') : p.join(dir, 'bin', 'pypy3');
    }
    return platform === 'windows' ? p.join(dir, 'bin', 'graalpy.exe') : p.join(dir, 'bin', 'graalpy');
}
function nugetDir(cacheDir, nugetId, version) {
    return path$1.win32.join(cacheDir, 'nuget-cpython', `${nugetId}.${version}`);
}
function nugetUrl(nugetId, version) {
    const id = nugetId.toLowerCase();
    return `https://api.nuget.org/v3-flatcontainer/${id}/${version}/${id}.${version}.nupkg`;
}
/** The import libraries (`python3XY.lib`) of an unpacked NuGet Python. */
function nugetLibs(cacheDir, nugetId, version) {
    return path$1.win32.join(nugetDir(cacheDir, nugetId, version), 'tools', 'libs');
}
/**
 * The tool-cache interpreter path for a spec, for a plan made before
 * anything is installed (the newest patch is only known by looking).
 */
function expectedToolCachePython(root, spec, patchVersion, platform) {
    const p = pathOf(platform);
    const dir = p.join(root, 'Python', patchVersion, archDir(spec));
    if (platform === 'windows')
        return p.join(dir, 'python.exe');
    return p.join(dir, 'bin', spec.freeThreaded ? `python${spec.version}t` : 'python3');
}
/** The full version a catalogue entry names (`3.12.10` from a python.org URL, or its version). */
function catalogueFullVersion(config) {
    if (config.version.split('.').length >= 3)
        return config.version;
    const fromUrl = config.url ? /python-(\d+\.\d+\.\d+)/.exec(config.url)?.[1] : undefined;
    return fromUrl ?? config.version;
}
/** Where the interpreter of `config` would be once provided, for plans made without it. */
function expectedInterpreter(config, hostMachine, toolCacheRoot, cacheDir) {
    const placement = placementOf(config, hostMachine);
    const { source } = placement;
    const platform = config.platform;
    if (source.kind === 'archive') {
        const dir = archiveDir(cacheDir, source.url, platform);
        return {
            path: archiveExecutable(dir, source.implementation, platform),
            version: config.version
        };
    }
    const version = catalogueFullVersion(config);
    return {
        path: expectedToolCachePython(toolCacheRoot, source.spec, version, platform),
        version,
        ...(placement.crossLibs
            ? {
                importLibs: nugetLibs(cacheDir, placement.crossLibs.nugetId, placement.crossLibs.version)
            }
            : {})
    };
}

/** docker/podman, driven through argv arrays only. */
/** True when the engine answers (a client with no daemon does not). */
async function engineWorks(engine) {
    const result = await exec$1([engine, 'info', '--format', '{{json .}}'], { timeoutMs: 30000 }).catch(() => undefined);
    return result?.code === 0;
}
/** The image's ID (content digest), part of the wheel cache key. */
async function imageId(engine, image) {
    const result = await exec$1([engine, 'image', 'inspect', '--format', '{{.Id}}', image], {
        timeoutMs: 30000
    }).catch(() => undefined);
    return result?.code === 0 ? result.stdout.trim() : undefined;
}

/**
 * Finds the Pythons on this machine for host builds: the runner tool cache
 * (`RUNNER_TOOL_CACHE/Python/<X.Y.Z>/<arch>[-freethreaded]` with its
 * `<arch>.complete` marker), pyenv, then PATH. Each candidate is asked for its
 * version once; the first interpreter found for an identifier wins.
 */
const PROBE = 'import json, platform, sys, sysconfig; print(json.dumps({"version": platform.python_version(), ' +
    '"implementation": sys.implementation.name, "ft": bool(sysconfig.get_config_var("Py_GIL_DISABLED")), ' +
    '"pypy": getattr(sys, "pypy_version_info", None) and "%d%d" % sys.pypy_version_info[:2]}))';
/**
 * Tool-cache layout: the arch directories that have a `.complete` marker,
 * newest version first, listed through @actions/tool-cache.
 */
function toolCacheCandidates(toolCache, arch, platform) {
    const result = [];
    for (const flavour of [arch, `${arch}-freethreaded`]) {
        for (const version of cachedVersions(toolCache, flavour)) {
            const minor = version.split('.').slice(0, 2).join('.');
            const exe = pythonIn(path$1.join(toolCache, 'Python', version, flavour), platform, minor);
            if (exe)
                result.push({ path: exe, source: 'tool-cache' });
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
        .map(v => path$1.join(versions, v, 'bin', 'python'))
        .filter(p => fs__default.existsSync(p))
        .map(p => ({ path: p, source: 'pyenv' }));
}
function pathCandidates(env) {
    const names = ['python3', 'pypy3', ...Array.from({ length: 8 }, (_, i) => `python3.${i + 9}`)];
    const found = [];
    for (const dir of (env.PATH ?? '').split(path$1.delimiter).filter(Boolean)) {
        if (dir.includes(`${path$1.sep}.pyenv${path$1.sep}shims`))
            continue;
        for (const name of names) {
            const file = path$1.join(dir, name);
            if (fs__default.existsSync(file))
                found.push({ path: fs__default.realpathSync(file), source: 'path' });
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
async function discoverInterpreters(input) {
    const { env } = input;
    const toolCache = toolCacheRoot(env);
    const candidates = [
        ...(toolCache ? toolCacheCandidates(toolCache, input.toolCacheArch, input.platform) : []),
        ...pyenvCandidates(env),
        ...pathCandidates(env)
    ];
    const unique = [...new Map(candidates.map(c => [c.path, c])).values()];
    const probes = await Promise.all(unique.map(async (candidate) => {
        const result = await exec$1([candidate.path, '-c', PROBE], { timeoutMs: 20000 }).catch(() => undefined);
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
/** The manifest's platform names. */
const MANIFEST_PLATFORM = {
    linux: 'linux',
    macos: 'darwin',
    windows: 'win32'
};
/**
 * The release and file to install for a query: the newest version in the
 * range, stable releases before prereleases, with a file for the platform
 * and arch (pure).
 */
function matchManifest(manifest, query) {
    const range = semverRange(query.spec.version);
    const arch = archDir(query.spec);
    const platform = MANIFEST_PLATFORM[query.platform];
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
const manifests = new Map();
/** The manifest at `url`, fetched once per process (a failed fetch is not remembered). */
function fetchManifest(url, policy = DEFAULT_RETRY, log = () => undefined) {
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
        ...(ctx.platform === 'linux' ? { LD_LIBRARY_PATH: path$1.join(dir, 'lib') } : {})
    };
    const argv = ctx.platform === 'windows'
        ? [
            'powershell',
            '-NoLogo',
            '-NoProfile',
            '-NonInteractive',
            '-ExecutionPolicy',
            'Bypass',
            '-File',
            '.\\setup.ps1'
        ]
        : ['bash', './setup.sh'];
    const result = await exec$1(argv, { cwd: dir, env, timeoutMs: 30 * 60 * 1000 });
    if (result.code !== 0) {
        throw new Error(`${argv.at(-1)} exited with ${result.code}: ${result.output.trim().split('\n').slice(-5).join(' | ')}`);
    }
}
/** Installs CPython for `spec` from the manifest into the tool cache and returns it. */
async function installFromManifest(spec, ctx) {
    const log = ctx.log ?? (() => undefined);
    const policy = ctx.retry ?? DEFAULT_RETRY;
    const url = manifestUrl(ctx.env);
    const manifest = await fetchManifest(url, policy, log);
    const match = matchManifest(manifest, {
        spec,
        platform: ctx.platform,
        platformVersion: ctx.platformVersion
    });
    const label = `Python ${spec.version} (${archDir(spec)})`;
    if (!match) {
        throw new UserError(`${label} is not in the tool cache and not in the manifest for ${MANIFEST_PLATFORM[ctx.platform]}`, {
            hint: `looked in ${lookupLocation(ctx.toolCache, spec, ctx.platform)} and ${url}; skip this identifier or use another runner`
        });
    }
    const { release, file } = match;
    const exact = { ...spec, version: release.version };
    try {
        return await withoutDebugLines(() => withRetries(policy, log, `${label} from ${file.download_url}`, async (n) => {
            const work = fresh(path$1.join(ctx.tempDir, `python-${release.version}-${archDir(spec)}-${n}`));
            const archive = await download(file.download_url, path$1.join(work, file.filename));
            const dir = await extract(archive, path$1.join(work, 'unpacked'));
            await runSetupScript(dir, ctx);
            const found = findCachedPython(ctx.toolCache, exact, ctx.platform);
            if (!found)
                throw new Error('the setup script left no complete Python in the tool cache');
            return found;
        }));
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
        return await withoutDebugLines(() => withRetries(policy, log, `${request.label} from ${request.url}`, async (n) => {
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
            fs__default.renameSync(staging, request.dest);
            fs__default.rmSync(work, { recursive: true, force: true });
            return request.dest;
        }));
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
        await withoutDebugLines(() => withRetries(policy, log, `Python ${request.minor} from ${request.url}`, async () => {
            fresh(dest);
            await download(request.url, file);
            const actual = sha256Of(file);
            if (actual !== request.sha256)
                throw new Error(`sha256 mismatch: expected ${request.sha256}, got ${actual}`);
        }));
    }
    catch (error) {
        throw new UserError(`could not download Python ${request.minor} from ${request.url}: ${message(error)}`);
    }
    const result = await exec$1(['sudo', 'installer', '-pkg', file, '-target', '/'], {
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
function implementationOf(identifier) {
    return identifier.startsWith('pp') ? 'pypy' : identifier.startsWith('gp') ? 'graalpy' : 'cpython';
}
async function provideInterpreters(input) {
    const result = new Map();
    const root = toolCacheRoot(input.env);
    const ctx = {
        env: input.env,
        platform: input.platform,
        toolCache: root ?? '',
        tempDir: input.tempDir,
        retry: input.retry,
        log: input.log
    };
    for (const config of input.configurations) {
        const placement = placementOf(config, input.hostMachine);
        const { source } = placement;
        const freeThreaded = /^cp\d+t-/.test(config.identifier);
        let found;
        if (source.kind === 'archive') {
            const dir = archiveDir(input.cacheDir, source.url, input.platform);
            const exe = archiveExecutable(dir, source.implementation, input.platform);
            if (!fs__default.existsSync(exe) && input.install) {
                await installArchive({ url: source.url, sha256: source.sha256, dest: dir, label: config.identifier }, ctx);
            }
            if (fs__default.existsSync(exe))
                found = { path: exe, version: config.version };
        }
        else {
            const cached = root ? findCachedPython(root, source.spec, input.platform) : undefined;
            const sibling = discoveredFor(input, config);
            if (cached)
                found = { path: cached.python, version: cached.version };
            else if (sibling)
                found = sibling;
            else if (input.install && root) {
                found = await installCpython(config, source.spec, ctx, input.cacheDir);
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
/** A CPython that discovery found for this identifier (or, on macOS, for its host-arch sibling). */
function discoveredFor(input, config) {
    const direct = input.discovered.get(config.identifier);
    if (direct)
        return direct;
    if (input.platform !== 'macos')
        return undefined;
    const tag = config.identifier.slice(0, config.identifier.indexOf('-'));
    for (const [identifier, interpreter] of input.discovered) {
        if (identifier.startsWith(`${tag}-macosx_`))
            return interpreter;
    }
    return undefined;
}
async function installCpython(config, spec, ctx, cacheDir) {
    try {
        const installed = await installFromManifest(spec, ctx);
        return { path: installed.python, version: installed.version };
    }
    catch (error) {
        const fallback = await fallbackInstall(config, spec, ctx, cacheDir).catch(() => undefined);
        if (fallback)
            return fallback;
        throw error;
    }
}
/**
 * When the manifest cannot provide a version: NuGet on Windows (what
 * cibuildwheel uses), the python.org pkg on macOS CI.
 */
async function fallbackInstall(config, spec, ctx, cacheDir) {
    if (ctx.platform === 'windows') {
        const ids = { x64: 'python', x86: 'pythonx86', arm64: 'pythonarm64' };
        const id = `${ids[spec.arch] ?? 'python'}${spec.freeThreaded ? '-freethreaded' : ''}`;
        const version = config.version.split('.').length >= 3 ? config.version : undefined;
        if (!version)
            return undefined;
        const dest = nugetDir(cacheDir, id, version);
        await installArchive({ url: nugetUrl(id, version), dest, keepTop: true, label: `${id} ${version}` }, ctx);
        const python = pythonIn(path$1.join(dest, 'tools'), 'windows', minorOf(version));
        return python ? { path: python, version } : undefined;
    }
    if (ctx.platform === 'macos' &&
        !spec.freeThreaded &&
        config.url?.endsWith('.pkg') &&
        config.sha256) {
        if (ctx.env.GITHUB_ACTIONS !== 'true')
            return undefined;
        const python = await installMacosPkg({ url: config.url, sha256: config.sha256, minor: spec.version }, ctx);
        return { path: python, version: spec.version };
    }
    return undefined;
}

/** Gathers the PlanFacts of this machine (the effects before planning). */
function defaultCacheDir(env) {
    const base = env.XDG_CACHE_HOME || path$1.join(env.HOME || os$1.homedir(), '.cache');
    return path$1.join(base, 'wheelwright');
}
function platformTagFor(options) {
    const { platform, runner } = options;
    switch (platform) {
        case 'linux':
            return `${hostLibc() === 'musl' ? 'musllinux' : 'manylinux'}_${runner.machine}`;
        case 'macos':
            return `macosx_${runner.machine}`;
        case 'windows':
            return runner.machine === 'ARM64'
                ? 'win_arm64'
                : runner.machine === 'x86'
                    ? 'win32'
                    : 'win_amd64';
    }
}
function hostLibc() {
    const report = process.report?.getReport();
    return report?.header?.glibcVersionRuntime ? 'glibc' : 'musl';
}
async function lastCommitTime(dir) {
    const result = await exec$1(['git', '-C', dir, 'log', '-1', '--format=%ct'], {
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
    const alive = (pid) => {
        try {
            process.kill(pid, 0);
            return true;
        }
        catch {
            return false;
        }
    };
    if (fs__default.existsSync(stable)) {
        const pid = Number.parseInt(fs__default.existsSync(owner) ? fs__default.readFileSync(owner, 'utf8') : '', 10);
        if (Number.isInteger(pid) && alive(pid))
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
/** GitHub's hosted runner paths, for a dry run of another OS's plan on this machine. */
const HOSTED_PATHS = {
    linux: {
        temp: '/home/runner/work/_temp',
        cache: '/home/runner/.cache/wheelwright',
        path: path$1.posix
    },
    macos: {
        temp: '/Users/runner/work/_temp',
        cache: '/Users/runner/.cache/wheelwright',
        path: path$1.posix
    },
    windows: {
        temp: 'D:\\a\\_temp',
        cache: 'C:\\Users\\runneradmin\\.cache\\wheelwright',
        path: path$1.win32
    }
};
function simulatedRunner(options) {
    return options.dryRun && options.runner.platform !== detectRunner({}).platform
        ? HOSTED_PATHS[options.runner.platform]
        : undefined;
}
async function gatherFacts(options, configurations, env) {
    // RUNNER_OS may name another OS (a dry run of a macOS or Windows plan here):
    // then this machine's interpreters are not that runner's.
    const onThisOs = options.platform === options.runner.platform && options.platform === detectRunner({}).platform;
    let useContainer = false;
    if (options.platform === 'linux' && options.container !== 'off') {
        const engines = new Set(configurations.map(c => options.buildOptions(c.identifier).containerEngine.name));
        const works = await Promise.all([...engines].map(engineWorks));
        const allWork = works.length > 0 && works.every(Boolean);
        if (options.container === 'on' && !allWork && !options.dryRun) {
            throw new UserError('no working container engine', {
                key: 'container',
                value: 'on',
                hint: `${[...engines].join(', ')} did not answer; install one, set container-engine, or use container: off`
            });
        }
        useContainer = options.container === 'on' || allWork;
    }
    const runId = crypto$1.randomBytes(4).toString('hex');
    const simulated = simulatedRunner(options);
    const tempRoot = env.RUNNER_TEMP || simulated?.temp || os$1.tmpdir();
    const tempDir = options.dryRun
        ? (simulated?.path ?? path$1).join(tempRoot, `wheelwright-${runId}`)
        : acquireRunDir(tempRoot, options.packageDir);
    const discovered = onThisOs && !useContainer
        ? await discoverInterpreters({
            env,
            platform: options.platform,
            platformTag: platformTagFor(options),
            toolCacheArch: toolCacheArch(options.runner.machine)
        })
        : new Map();
    const cacheDir = options.cacheDir ?? simulated?.cache ?? defaultCacheDir(env);
    // macOS and Windows: every identifier's own interpreter (tool cache, archives),
    // installed when missing unless this is a dry run.
    const hostInterpreters = onThisOs && options.platform !== 'linux'
        ? await provideInterpreters({
            configurations,
            discovered,
            platform: options.platform,
            hostMachine: options.runner.machine,
            env,
            cacheDir,
            tempDir: path$1.join(tempDir, 'downloads'),
            install: !options.dryRun
        })
        : discovered;
    return {
        runId,
        tempDir,
        env,
        useContainer,
        hostInterpreters,
        hostLibc: hostLibc(),
        hostPython: options.runner.platform === 'windows' ? 'python' : 'python3',
        toolsDir: (simulated?.path ?? path$1).join(cacheDir, 'tools'),
        containerCacheDir: path$1.join(cacheDir, 'container-cache'),
        cpuCount: os$1.availableParallelism(),
        sourceDateEpoch: await lastCommitTime(options.packageDir)
    };
}

/** PEP 427 wheel file names: parse and the tag facts the pipeline needs. */
function parseWheelName(filename) {
    const base = filename.replace(/^.*[\\/]/, '');
    if (!base.endsWith('.whl'))
        throw badName(base);
    const parts = base.slice(0, -4).split('-');
    if (parts.length !== 5 && parts.length !== 6)
        throw badName(base);
    const [distribution, version] = parts;
    const build = parts.length === 6 ? parts[2] : undefined;
    const [python, abi, platform] = parts.slice(-3);
    return {
        filename: base,
        distribution,
        version,
        ...(build ? { build } : {}),
        pythonTags: python.split('.'),
        abiTags: abi.split('.'),
        platformTags: platform.split('.')
    };
}
function badName(name) {
    return new UserError('is not a wheel file name (name-version[-build]-python-abi-platform.whl)', {
        value: name
    });
}
function isAbi3(wheel) {
    return wheel.abiTags.includes('abi3') && wheel.pythonTags.every(t => t.startsWith('cp'));
}
/** A pure-Python wheel (`none-any`): wrong for a native identifier. */
function isPurePython(wheel) {
    return wheel.abiTags.every(t => t === 'none') && wheel.platformTags.every(t => t === 'any');
}

export { HOSTED_TOOL_CACHE as H, auditStep as a, baseBuildEnv as b, coreShare as c, toolCacheRoot as d, expectedInterpreter as e, isAbi3 as f, isCredential as g, hostBaseEnv as h, isTested as i, isPurePython as j, imageId as k, gatherFacts as l, defaultCacheDir as m, parseWheelName as p, shellArgv as s, toolsSetupSteps as t, windowsTarget as w };
