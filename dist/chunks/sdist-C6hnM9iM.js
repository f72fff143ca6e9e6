import path from 'node:path';
import { t as toolsContext } from './lock-QCJmxl7j.js';
import { makeSdist } from './sdist-iuLIofog.js';
import { expandArtifactName, checkArtifactName } from './artifacts-BK6__78s.js';
import { requireArtifactService, uploadJobArtifact } from './job-artifact-BgoPOIjv.js';
import { SDIST_ARTIFACT_NAME } from './settings-Bj5XoxIZ.js';
import 'node:crypto';
import 'node:fs';
import 'node:os';
import './credentials-iRjG5aRn.js';
import 'node:child_process';
import 'node:string_decoder';
import './_commonjsHelpers-Bgu_3bK-.js';
import './dirs-BdNF9XuG.js';
import './tools-BtC53Gxi.js';
import './index-url-DLWLAkSp.js';
import './version-DsHt9dgB.js';
import './files-CZkIn5-Y.js';
import './filename-4TpxK364.js';
import './version-B18YtENW.js';
import './tag-DkEFSrYL.js';

/** `sdist`: build the source distribution, twine-check it, upload it as an artifact. */
/** The sdist job's artifact: `sdist` unless artifact-name was given for this step. */
function artifactName(options) {
    const settings = options.publish;
    return settings.artifactNameGiven
        ? expandArtifactName(settings.artifactName, {
            os: options.platform,
            arch: options.runner.machine,
            ...(options.group ? { group: options.group } : {})
        })
        : checkArtifactName(SDIST_ARTIFACT_NAME);
}
/** `sdist` with dry-run: what it would make and upload; nothing is built or uploaded. */
function describeSdist(options, context, artifact) {
    const what = options.sdistInput
        ? `check and copy ${options.sdistInput}`
        : `run python -m build --sdist on ${options.packageDir}`;
    context.reporter.result(`dry run: would ${what} into ${options.outputDir}` +
        (artifact ? `, then upload it as the artifact ${artifact}` : '') +
        '; nothing was built or uploaded');
}
async function runSdist(options, context) {
    const settings = options.publish;
    const upload = context.isAction && settings.uploadArtifact;
    if (options.dryRun)
        return describeSdist(options, context, upload ? artifactName(options) : undefined);
    if (upload)
        requireArtifactService(settings, context.env);
    const tools = toolsContext(context, options.cacheDir);
    const sdist = await makeSdist(options, tools);
    if (!context.isAction) {
        context.reporter.result(sdist);
        return;
    }
    if (!settings.uploadArtifact)
        return;
    await uploadJobArtifact({
        ...tools,
        name: artifactName(options),
        files: [sdist],
        rootDirectory: path.dirname(sdist),
        settings
    });
}

export { runSdist };
