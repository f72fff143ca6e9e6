import fs__default from 'node:fs';
import path from 'node:path';
import { b as EXIT } from './selector-wT822Vb0.js';
import { C as ChildTracker } from './index-Da-eS02x.js';

/**
 * A stretch of work that an interrupt (SIGINT, SIGTERM) must leave clean:
 * its temp dirs are removed and its children's process groups stopped,
 * whichever phase it is in, and it says "interrupted" before the process
 * exits 130 (143 for SIGTERM). If the process is killed outright, the
 * reaper removes the dirs instead. Used by publishing, where a half-done
 * step must never leave credentials or attestations behind in a temp dir.
 */
/**
 * After `signal`: SIGTERM to every child's process group, SIGKILL to what is
 * left after `graceMs`, then `cleanUp`, and once `flush` has written out what
 * was printed, exit 130 (SIGINT) or 143 (SIGTERM).
 */
function stopAndExit(signal, children, graceMs, cleanUp, flush) {
    children.signalAll('SIGTERM');
    const deadline = Date.now() + graceMs;
    const poll = setInterval(() => {
        if (children.size > 0 && Date.now() < deadline)
            return;
        clearInterval(poll);
        children.signalAll('SIGKILL');
        cleanUp();
        void flush().finally(() => process.exit(signal === 'SIGINT' ? EXIT.interrupted : EXIT.terminated));
    }, 50);
}
async function withInterruptScope(settings, work) {
    const children = new ChildTracker(settings.reaper);
    const dirs = new Set();
    const removeDirs = () => {
        for (const dir of dirs) {
            fs__default.rmSync(dir, { recursive: true, force: true });
            settings.reaper?.keep(dir);
        }
        dirs.clear();
    };
    const scope = {
        children,
        tempDir(parent, prefix) {
            fs__default.mkdirSync(parent, { recursive: true });
            const dir = fs__default.mkdtempSync(path.join(parent, prefix));
            dirs.add(dir);
            settings.reaper?.remove(dir);
            return dir;
        }
    };
    let stopping = false;
    const onSignal = (signal) => {
        if (stopping)
            return;
        stopping = true;
        settings.say(`interrupted (${signal}) while ${settings.what}: stopping; temp dirs removed`);
        stopAndExit(signal, children, settings.graceMs ?? 3000, removeDirs, settings.flush);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
        return await work(scope);
    }
    catch (error) {
        // A step killed by the interrupt fails; the exit status is the interrupt's.
        if (stopping)
            return new Promise(() => undefined);
        throw error;
    }
    finally {
        process.removeListener('SIGINT', onSignal);
        process.removeListener('SIGTERM', onSignal);
        if (!stopping)
            removeDirs();
    }
}

export { stopAndExit as s, withInterruptScope as w };
