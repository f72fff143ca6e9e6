import fs__default from 'node:fs';
import os from 'node:os';
import { t as toolsContext } from './lock-Bv3Ceag5.js';
import { artifactServiceMissing, downloadDistributions } from './artifacts-CzzhEEOk.js';
import { d as distributionsUnder } from './files-dg-71lIr.js';
import { publishScope, publishAndReport } from './publishing-B8Ai7mUS.js';
import { shouldPublish } from './settings-DFpDbotx.js';
import { U as UserError } from './selector-wT822Vb0.js';
import 'node:crypto';
import 'node:path';
import './filename-CvnRmlht.js';
import './version-B18YtENW.js';
import './version-DsHt9dgB.js';
import './interrupt-FJeqM1js.js';
import './index-Da-eS02x.js';
import 'node:child_process';
import 'node:string_decoder';
import './_commonjsHelpers-Bgu_3bK-.js';
import './index-url-DDV0Wi_r.js';
import './tools-DMhzfJfG.js';
import 'node:zlib';
import 'module';
import './index-BmlZbbp_.js';
import 'events';
import './tag-BZk1Qlxj.js';

/**
 * `publish`: in the action, this run's wheel and sdist artifacts are
 * downloaded into dist-dir; in the CLI, dist-dir (the positional argument) is
 * taken as it is. Then the release is verified and uploaded.
 */
async function runPublish(options, context) {
    const tools = toolsContext(context, options.cacheDir);
    await publishScope(tools, scope => publishFromDistDir(options, context.isAction, tools, scope));
}
async function publishFromDistDir(options, isAction, tools, scope) {
    const { reporter, env } = tools;
    const settings = options.publish;
    if (isAction) {
        const missing = artifactServiceMissing(env);
        if (missing) {
            reporter.warning(`${missing}: publishing what is already in ${settings.distDir}`);
        }
        else {
            const scratch = scope.tempDir(env.RUNNER_TEMP || os.tmpdir(), 'ww-artifacts-');
            const already = distributionsUnder(settings.distDir);
            const downloaded = await downloadDistributions(settings.artifactPattern, settings.distDir, scratch, reporter).catch(error => {
                // No matching artifact, but dist-dir already has files (an earlier
                // download-artifact step): publish those.
                if (already.length > 0 && /no artifact of this workflow run matches/.test(String(error))) {
                    reporter.info(`no artifact matches ${settings.artifactPattern}; using the files in ${settings.distDir}`);
                    return [];
                }
                throw error;
            });
            reporter.info(`downloaded ${downloaded.length} file${downloaded.length === 1 ? '' : 's'} into ${settings.distDir}`);
        }
    }
    if (!fs__default.existsSync(settings.distDir)) {
        throw new UserError('does not exist', {
            key: 'dist-dir',
            value: settings.distDir,
            hint: 'give the directory that holds the wheels and the sdist (wheelwright publish DIST_DIR)'
        });
    }
    const files = distributionsUnder(settings.distDir);
    const upload = settings.mode === 'tag' ? shouldPublish('tag', env.GITHUB_REF) : true;
    await publishAndReport(files, 'dist-dir', options, tools, upload, scope);
}

export { runPublish };
