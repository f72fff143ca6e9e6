import fs__default from 'node:fs';
import path from 'node:path';
import { U as UserError, w as words, j as fnmatch } from './selector-wT822Vb0.js';
import { d as distributionsUnder, s as sha256File } from './files-dg-71lIr.js';
import 'node:crypto';
import './filename-CvnRmlht.js';
import './version-B18YtENW.js';
import './version-DsHt9dgB.js';

/**
 * Workflow artifacts through @actions/artifact: the job's distributions go up
 * as one artifact with a unique name, and the publish job brings this run's
 * wheel and sdist artifacts down into one directory. Name templates, name
 * matching and error wording are pure; the client is loaded lazily.
 */
const FORBIDDEN = /[":<>|*?\r\n\\/]/;
/**
 * Expands `wheels-{os}-{arch}[-{group}]`: `{name}` is replaced, and a `[...]`
 * section is kept only when every placeholder in it has a value.
 */
function expandArtifactName(template, values) {
    const lookup = (name) => {
        if (!['os', 'arch', 'group'].includes(name)) {
            throw new UserError(`unknown placeholder {${name}}`, {
                key: 'artifact-name',
                value: template,
                hint: 'use {os}, {arch} and {group}; put optional parts in [...], e.g. wheels-{os}-{arch}[-{group}]'
            });
        }
        const value = values[name];
        return value === undefined || value === '' ? undefined : value;
    };
    const fill = (text) => {
        let missing = false;
        const result = text.replace(/\{([^{}]*)\}/g, (_, name) => {
            const value = lookup(name);
            if (value === undefined)
                missing = true;
            return value ?? '';
        });
        return missing ? undefined : result;
    };
    if (/\[[^\]]*\[/.test(template) ||
        (template.match(/\[/g) ?? []).length !== (template.match(/\]/g) ?? []).length) {
        throw new UserError('has unbalanced or nested [ ]', {
            key: 'artifact-name',
            value: template,
            hint: 'optional parts are single [...] sections, e.g. wheels-{os}-{arch}[-{group}]'
        });
    }
    const expanded = template.replace(/\[([^\]]*)\]/g, (_, inner) => fill(inner) ?? '');
    const name = fill(expanded);
    if (name === undefined) {
        throw new UserError('uses a placeholder that has no value in this job', {
            key: 'artifact-name',
            value: template,
            hint: 'wrap optional placeholders in [...], e.g. [-{group}]'
        });
    }
    return checkArtifactName(name, template);
}
function checkArtifactName(name, given = name) {
    if (name.trim() === '' || FORBIDDEN.test(name)) {
        throw new UserError(`gives the artifact name ${JSON.stringify(name)}, which is empty or has a character artifacts cannot have (" : < > | * ? \\ / or a newline)`, { key: 'artifact-name', value: given, hint: 'use letters, digits, - _ and .' });
    }
    return name;
}
/** The names that match any of the space-separated fnmatch patterns, in order. */
function matchArtifactNames(names, patterns) {
    const list = words(patterns);
    return names.filter(name => list.some(pattern => fnmatch(name, pattern)));
}
/**
 * The artifact's page on the run, as upload-artifact's `artifact-url`:
 * `{server}/{repository}/actions/runs/{run id}/artifacts/{id}`; empty without
 * the run's variables.
 */
function artifactUrl(env, id) {
    const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: run } = env;
    if (id === undefined || !server || !repository || !run)
        return '';
    return `${server}/${repository}/actions/runs/${run}/artifacts/${id}`;
}
/** Why the artifact service cannot be used here, or undefined when it can. */
function artifactServiceMissing(env) {
    const missing = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL'].filter(name => !env[name]);
    return missing.length > 0
        ? `the artifact service is not available here (${missing.join(' and ')} unset)`
        : undefined;
}
/** Rewords an error of the artifact client; a name collision names the input. */
function explainArtifactError(error, name, action) {
    const message = error instanceof Error ? error.message : String(error);
    if (/\(409\)|already exists/i.test(message)) {
        return new UserError(`an artifact named ${JSON.stringify(name)} already exists in this workflow run`, {
            key: 'artifact-name',
            value: name,
            hint: 'every job needs its own artifact name: keep {os} and {arch} in artifact-name and add [-{group}] (or a matrix value) when several jobs build on one kind of runner'
        });
    }
    return new Error(`artifact ${action} of ${JSON.stringify(name)} failed: ${message}`);
}
// ---------------------------------------------------------------- effects
async function client() {
    const { DefaultArtifactClient } = await import('./artifact-2oy_pLHS.js');
    return new DefaultArtifactClient();
}
async function uploadFiles(request) {
    const artifacts = await client();
    if (request.overwrite) {
        try {
            await artifacts.deleteArtifact(request.name);
        }
        catch (error) {
            // Nothing of that name yet is what overwrite expects most of the time.
            if (!/not ?found/i.test(String(error.name) + String(error.message)))
                throw explainArtifactError(error, request.name, 'upload');
        }
    }
    try {
        return await artifacts.uploadArtifact(request.name, [...request.files], request.rootDirectory, {
            ...(request.retentionDays ? { retentionDays: request.retentionDays } : {}),
            ...(request.compressionLevel !== undefined
                ? { compressionLevel: request.compressionLevel }
                : {})
        });
    }
    catch (error) {
        throw explainArtifactError(error, request.name, 'upload');
    }
}
/**
 * Downloads this run's artifacts whose names match `patterns` into `dest`,
 * flat. The same file name from two artifacts is kept once when identical
 * and is an error when not; a different file already in `dest` is an error.
 */
async function downloadDistributions(patterns, dest, scratch, reporter) {
    const artifacts = await client();
    const { artifacts: all } = await artifacts.listArtifacts({ latest: true });
    const names = matchArtifactNames(all.map(a => a.name), patterns).sort();
    if (names.length === 0) {
        throw new UserError(`no artifact of this workflow run matches (the run has ${all.length === 0 ? 'no artifacts' : all.map(a => a.name).join(', ')})`, {
            key: 'artifact-pattern',
            value: patterns,
            hint: 'the publish job must `needs:` the build jobs, and those must upload their wheels (upload-artifact: true) and the sdist'
        });
    }
    const placed = new Map();
    fs__default.mkdirSync(dest, { recursive: true });
    for (const name of names) {
        const artifact = all.find(a => a.name === name);
        if (!artifact)
            continue;
        const into = path.join(scratch, `${artifact.id}`);
        let result;
        try {
            result = await artifacts.downloadArtifact(artifact.id, {
                path: into,
                ...(artifact.digest ? { expectedHash: artifact.digest } : {})
            });
        }
        catch (error) {
            throw explainArtifactError(error, name, 'download');
        }
        if (result.digestMismatch) {
            throw new UserError(`the download of artifact ${JSON.stringify(name)} does not match its digest ${artifact.digest}`, {
                key: 'artifact-pattern',
                hint: 're-run the job; if it persists, the artifact is damaged: rebuild it'
            });
        }
        const files = distributionsUnder(into);
        reporter.info(`artifact ${name}: ${files.length} distribution${files.length === 1 ? '' : 's'}`);
        for (const file of files) {
            const base = path.basename(file);
            const target = path.join(dest, base);
            const earlier = placed.get(base);
            if (earlier) {
                if (sha256File(earlier.path) === sha256File(file))
                    continue;
                throw new UserError(`artifacts ${JSON.stringify(earlier.artifact)} and ${JSON.stringify(name)} both hold ${base}, with different contents`, {
                    key: 'artifact-pattern',
                    hint: 'each wheel and the sdist must be built by exactly one job: make the jobs build disjoint identifiers, and build the sdist in one job'
                });
            }
            if (fs__default.existsSync(target) && sha256File(target) !== sha256File(file)) {
                throw new UserError(`already holds a different ${base}`, {
                    key: 'dist-dir',
                    value: dest,
                    hint: 'start from an empty dist-dir'
                });
            }
            fs__default.copyFileSync(file, `${target}.partial`);
            fs__default.renameSync(`${target}.partial`, target);
            placed.set(base, { artifact: name, path: target });
        }
    }
    return [...placed.values()];
}

export { artifactServiceMissing, artifactUrl, checkArtifactName, downloadDistributions, expandArtifactName, explainArtifactError, matchArtifactNames, uploadFiles };
