/**
 * The resolved options, printed first in a build's log (in a group that
 * folds in the action), as cibuildwheel prints its own: what was read from
 * inputs, the config file and CIBW_* variables, after the cascade. The
 * per-identifier options are those of the first identifier; overrides may
 * change them for others. Credentials never appear: a URL's userinfo is
 * masked and the password is only said to be set.
 */
import type { BuildOptions, Options } from '../model/options.js'

/** Redacts a URL's userinfo (publish/index-url.ts's rule, kept here so report/ needs no release code). */
function withoutUserinfo(text: string): string {
  return text.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1***@')
}

const shown = (value: unknown): string => {
  if (value === undefined || value === '') return '(none)'
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.join(' ')
  if (value instanceof Set) return value.size === 0 ? '(none)' : [...value].join(' ')
  return String(value)
}

/** `name: value` lines, the names aligned. */
export function optionLines(options: Options, first?: BuildOptions): string[] {
  const global: [string, unknown][] = [
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
      ? ([
          ['repository-url', withoutUserinfo(options.publish.repositoryUrl)],
          ['password', options.publish.password ? '(set)' : '(none: trusted publishing)']
        ] as [string, unknown][])
      : [])
  ]
  const perBuild: [string, unknown][] = first
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
    : []
  const width = Math.max(...[...global, ...perBuild].map(([name]) => name.length))
  const line = ([name, value]: [string, unknown]) => `  ${name.padEnd(width)}  ${shown(value)}`
  return [
    ...global.map(line),
    ...(first ? [`for ${first.identifier} (overrides may differ per identifier):`] : []),
    ...perBuild.map(line)
  ]
}
