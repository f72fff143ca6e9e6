import crypto from 'node:crypto';
import fs__default from 'node:fs';
import path from 'node:path';
import { S as SCCACHE_REQUIREMENT } from './identifiers-BO1s8poE.js';
import './selector-wT822Vb0.js';

/**
 * The compiler cache across runs in the action: each cache dir of the plan
 * (one per platform and arch, on the host or mounted into containers) is
 * restored from the Actions cache before the builds and saved after them,
 * in the same store as the wheel cache. An entry's key names the platform,
 * the arch, the image or the runner's toolchain, and the compiler cache's
 * version, then the run; restore keys drop the run, then the toolchain, so a
 * new run starts from the newest entry that matches most. Before a save, the
 * oldest files go until the dir fits the cap (sccache also evicts by itself
 * while it runs). A failure of the service is a warning: the builds go on.
 */
/** The largest a saved compiler cache dir may be: the oldest files go first. */
const SAVED_CAP_BYTES = 2 * 1024 * 1024 * 1024;
const short = (text) => crypto.createHash('sha256').update(text).digest('hex').slice(0, 12);
/**
 * The compiler cache dirs of a plan with their keys. `mounted` maps a
 * container path of the mounted download cache dir to its host dir.
 */
function compilerCacheEntries(plan, env, mounted) {
    const byDir = new Map();
    for (const group of plan.groups) {
        for (const build of group.builds) {
            const step = build.steps.find(s => s.name === 'build');
            const inside = step?.env.SCCACHE_DIR ?? step?.env.CCACHE_DIR;
            if (!step || !inside)
                continue;
            const tool = step.env.SCCACHE_DIR ? 'sccache' : 'ccache';
            const dir = group.container && mounted && inside.startsWith(`${mounted.inside}/`)
                ? path.join(mounted.host, inside.slice(mounted.inside.length + 1))
                : inside;
            if (byDir.has(dir) || (group.container && dir === inside))
                continue;
            const toolchain = group.container
                ? group.container.image
                : `${env.ImageOS ?? plan.runner.platform}-${env.ImageVersion ?? ''}`;
            const place = `wheelwright-compiler-${path.basename(dir)}-${tool}`;
            const version = tool === 'sccache' ? SCCACHE_REQUIREMENT : tool;
            const withToolchain = `${place}-${short(`${toolchain} ${version}`)}-`;
            byDir.set(dir, {
                dir,
                key: `${withToolchain}${env.GITHUB_RUN_ID ?? Date.now()}-${env.GITHUB_RUN_ATTEMPT ?? '1'}`,
                restoreKeys: [withToolchain, `${place}-`]
            });
        }
    }
    return [...byDir.values()];
}
/** Restores each dir from its newest matching entry. */
async function restoreCompilerCaches(entries, cache, warn) {
    const restored = [];
    for (const entry of entries) {
        try {
            fs__default.mkdirSync(entry.dir, { recursive: true });
            const hit = await cache.restoreCache([entry.dir], entry.key, [...entry.restoreKeys]);
            if (hit)
                restored.push(hit);
        }
        catch (error) {
            warn(`compiler cache restore failed, compiling without it: ${error.message}`);
        }
    }
    return restored;
}
/** Files under `dir`, oldest first (by modification time). */
function filesByAge(dir) {
    const found = [];
    const walk = (at) => {
        for (const entry of fs__default.readdirSync(at, { withFileTypes: true })) {
            const full = path.join(at, entry.name);
            if (entry.isDirectory())
                walk(full);
            else if (entry.isFile()) {
                const stat = fs__default.statSync(full);
                found.push({ file: full, size: stat.size, mtime: stat.mtimeMs });
            }
        }
    };
    if (fs__default.existsSync(dir))
        walk(dir);
    return found.sort((a, b) => a.mtime - b.mtime);
}
/** Removes the oldest files of `dir` until it holds at most `cap` bytes; returns how many went. */
function capDir(dir, cap) {
    const files = filesByAge(dir);
    let total = files.reduce((sum, f) => sum + f.size, 0);
    let removed = 0;
    for (const f of files) {
        if (total <= cap)
            break;
        fs__default.rmSync(f.file, { force: true });
        total -= f.size;
        removed++;
    }
    return removed;
}
/** Saves each dir that holds anything, capped, under its key. */
async function saveCompilerCaches(entries, cache, warn, cap = SAVED_CAP_BYTES) {
    const saved = [];
    for (const entry of entries) {
        if (filesByAge(entry.dir).length === 0)
            continue;
        capDir(entry.dir, cap);
        try {
            await cache.saveCache([entry.dir], entry.key);
            saved.push(entry.key);
        }
        catch (error) {
            warn(`compiler cache save failed: ${error.message}`);
        }
    }
    return saved;
}

export { SAVED_CAP_BYTES, capDir, compilerCacheEntries, restoreCompilerCaches, saveCompilerCaches };
