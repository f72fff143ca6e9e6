import { s as selectedConfigurations, b as buildMatrix } from './select-fUeGHI4h.js';
import { expandArtifactName } from './artifacts-CzzhEEOk.js';
import { U as UserError } from './selector-wT822Vb0.js';
import './identifiers-BO1s8poE.js';
import 'node:path';
import 'node:crypto';
import 'node:fs';
import './files-dg-71lIr.js';
import './filename-CvnRmlht.js';
import './version-B18YtENW.js';
import './version-DsHt9dgB.js';

/**
 * Each group's artifact name, as its build job will expand artifact-name
 * (`{os}` the platform, `{arch}` the group's archs, `{group}` its name). Two
 * groups with one name would collide after every build of the run: refused
 * here, before any job starts.
 */
function namedEntries(entries, template) {
    const named = entries.map(entry => ({
        ...entry,
        'artifact-name': expandArtifactName(template, {
            os: entry.platform,
            arch: entry.archs,
            group: entry.group
        })
    }));
    const seen = new Map();
    for (const entry of named) {
        const other = seen.get(entry['artifact-name']);
        if (other !== undefined) {
            throw new UserError(`gives the groups ${other} and ${entry.group} the same artifact name ${JSON.stringify(entry['artifact-name'])}; their uploads would collide`, {
                key: 'artifact-name',
                value: template,
                hint: 'keep [-{group}] in artifact-name (the default wheels-{os}-{arch}[-{group}] is unique per group), and pass group: ${{ matrix.group }} or artifact-name: ${{ matrix.artifact-name }} to the build jobs'
            });
        }
        seen.set(entry['artifact-name'], entry.group);
    }
    return named;
}
async function runPlan(options, context) {
    const configurations = selectedConfigurations(options);
    const identifiers = configurations.map(c => c.identifier);
    const matrix = {
        include: namedEntries(buildMatrix(configurations, options.maxPerJob), options.publish.artifactName)
    };
    const { reporter } = context;
    if (context.isAction) {
        reporter.setOutput('identifiers', JSON.stringify(identifiers));
        reporter.setOutput('matrix', JSON.stringify(matrix));
        reporter.info(`${identifiers.length} identifiers in ${matrix.include.length} groups`);
        for (const entry of matrix.include) {
            reporter.info(`${entry.group} (${entry.os}, artifact ${entry['artifact-name']}): ${entry.identifiers.join(' ')}`);
        }
        return;
    }
    if (options.matrix)
        reporter.result(JSON.stringify(matrix));
    else if (identifiers.length > 0)
        reporter.result(identifiers.join('\n'));
}

export { namedEntries, runPlan };
