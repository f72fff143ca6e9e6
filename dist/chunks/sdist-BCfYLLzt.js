import crypto from 'node:crypto';
import fs__default from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { c as checkWritableDir } from './dirs-CvDxw7Nn.js';
import { U as UserError } from './selector-wT822Vb0.js';
import { e as exec } from './index-Da-eS02x.js';
import { p as publishPython, t as toolEnv, a as twineCheck } from './tools-DMhzfJfG.js';
import 'node:child_process';
import 'node:string_decoder';
import './_commonjsHelpers-Bgu_3bK-.js';
import './index-url-DDV0Wi_r.js';
import './version-DsHt9dgB.js';
import './lock-Bv3Ceag5.js';

/**
 * The sdist: `python -m build --sdist` of a copy of the project (the build
 * writes `*.egg-info`, which must never land in the user's tree) into a
 * scratch dir, `twine check`, then an atomic move into output-dir (never
 * silently replacing a different file).
 */
/** Builds the sdist of the options into output-dir and returns its path; sets the `sdist` output. */
async function makeSdist(options, tools) {
    checkWritableDir(options.outputDir, 'output-dir');
    const sdist = await buildSdist({
        ...tools,
        packageDir: options.packageDir,
        ...(options.sdistInput ? { sdistInput: options.sdistInput } : {}),
        outputDir: options.outputDir,
        python: await publishPython(tools)
    });
    tools.reporter.setOutput('sdist', sdist);
    tools.reporter.info(`sdist: ${sdist}`);
    return sdist;
}
function sdistBuildArgv(python, packageDir, outDir) {
    return [python, '-m', 'build', '--sdist', '--outdir', outDir, packageDir];
}
/** Builds (or takes) the sdist and returns its path in output-dir. */
async function buildSdist(request) {
    const { reporter } = request;
    const scratch = fs__default.mkdtempSync(path.join(request.env.RUNNER_TEMP || os.tmpdir(), 'ww-sdist-'));
    try {
        let built;
        if (request.sdistInput) {
            built = path.join(scratch, path.basename(request.sdistInput));
            fs__default.copyFileSync(request.sdistInput, built);
        }
        else {
            const started = Date.now();
            const copy = copyProject(request.packageDir, path.join(scratch, 'project'), request.outputDir);
            const result = await exec(sdistBuildArgv(request.python, copy, scratch), {
                env: toolEnv(request.env),
                cwd: copy,
                timeoutMs: 1_800_000
            });
            reporter.group(`sdist: python -m build --sdist (${((Date.now() - started) / 1000).toFixed(1)} s)`, result.output);
            if (result.code !== 0) {
                const tail = result.output.trimEnd().split('\n').slice(-15).join('\n');
                throw new UserError(`python -m build --sdist failed:\n${tail}\n`, {
                    key: 'package-dir',
                    value: request.packageDir,
                    hint: 'run `python -m build --sdist` in the project to see the whole error'
                });
            }
            const made = fs__default
                .readdirSync(scratch)
                .filter(f => f.endsWith('.tar.gz') && fs__default.statSync(path.join(scratch, f)).isFile());
            if (made.length !== 1) {
                throw new UserError(`python -m build --sdist made ${made.length} .tar.gz files`, {
                    key: 'package-dir',
                    value: request.packageDir
                });
            }
            built = path.join(scratch, made[0]);
        }
        await twineCheck(request.python, [built], request.env, reporter, 'sdist');
        return placeFile(built, request.outputDir);
    }
    finally {
        fs__default.rmSync(scratch, { recursive: true, force: true });
    }
}
/** Top-level folders of build output and tool state, left out of the copy. */
const NOT_COPIED = new Set([
    'build',
    'dist',
    'wheelhouse',
    '.tox',
    '.nox',
    '.venv',
    'venv',
    'node_modules',
    '__pycache__'
]);
/** Copies the project (with its .git, which setuptools-scm reads) without build output. */
function copyProject(project, dest, outputDir) {
    fs__default.cpSync(project, dest, {
        recursive: true,
        verbatimSymlinks: true,
        filter: source => {
            const relative = path.relative(project, source);
            if (relative === '')
                return true;
            if (path.resolve(source) === path.resolve(outputDir))
                return false;
            return !(path.dirname(relative) === '.' && NOT_COPIED.has(relative));
        }
    });
    return dest;
}
function sha256(file) {
    return crypto.createHash('sha256').update(fs__default.readFileSync(file)).digest('hex');
}
/**
 * Moves `file` into `dir` atomically (copy to a temp name there, then rename).
 * An identical file already there is kept; a different one is an error.
 */
function placeFile(file, dir) {
    fs__default.mkdirSync(dir, { recursive: true });
    const dest = path.join(dir, path.basename(file));
    if (fs__default.existsSync(dest)) {
        if (sha256(dest) === sha256(file))
            return dest;
        throw new UserError(`already holds a different ${path.basename(file)}`, {
            key: 'output-dir',
            value: dir,
            hint: 'remove the old file (or use an empty output-dir) so that the new one is not confused with it'
        });
    }
    const temp = `${dest}.tmp-${process.pid}-${crypto.randomBytes(3).toString('hex')}`;
    fs__default.copyFileSync(file, temp);
    fs__default.renameSync(temp, dest);
    return dest;
}

export { buildSdist, makeSdist, placeFile, sdistBuildArgv };
