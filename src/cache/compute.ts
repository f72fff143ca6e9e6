/** Gathers what the wheel cache keys need (source digest, image IDs) and builds the keys. */
import path from 'node:path'
import type { Options } from '../model/options.js'
import type { BuildPlan } from '../model/build-plan.js'
import { imageId } from '../container/engine.js'
import { VERSION } from '../model/version.js'
import { wheelCacheKey } from './keys.js'
import { sourceDigest } from './sources.js'
import { constraintsFor } from '../steps/constraints.js'

/**
 * Variables that can change what a compiler or build backend produces.
 * SOURCE_DATE_EPOCH is left out on purpose: it changes with every commit, and
 * a commit that changes nothing the build reads must be a hit (a restored
 * wheel keeps the timestamps of the commit that built it).
 */
const BUILD_VARIABLES =
  /^(CC|CXX|CPP|LD|AR|CFLAGS|CXXFLAGS|CPPFLAGS|LDFLAGS|CL|_CL_|RUSTFLAGS|MACOSX_DEPLOYMENT_TARGET|ARCHFLAGS|_PYTHON_HOST_PLATFORM|DIST_EXTRA_CONFIG|VSCMD_ARG_TGT_ARCH|(SETUPTOOLS|CMAKE|CARGO|PIP|UV|DISTUTILS)_\w+)$/

export function buildVariables(env: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(([k]) => BUILD_VARIABLES.test(k) && !/CACHE_DIR$/.test(k))
  )
}

export async function computeCacheKeys(
  plan: BuildPlan,
  options: Options
): Promise<Map<string, string>> {
  const relativeOutput = path.relative(options.packageDir, path.resolve(options.outputDir))
  const sources = await sourceDigest(
    options.packageDir,
    relativeOutput.startsWith('..') ? [] : [relativeOutput]
  )
  const keys = new Map<string, string>()
  for (const group of plan.groups) {
    let toolchainOfGroup: string | undefined
    if (group.container) {
      const id = await imageId(group.container.engine, group.container.image)
      if (!id) continue // an image we cannot identify is never cached
      toolchainOfGroup = `image:${id}`
    }
    for (const build of group.builds) {
      const buildStep = build.steps.find(s => s.name === 'build')
      keys.set(
        build.identifier,
        wheelCacheKey({
          sources,
          identifier: build.identifier,
          options: options.buildOptions(build.identifier),
          toolchain: toolchainOfGroup ?? `python:${build.python}@${build.version}`,
          env: {
            ...buildVariables(group.container?.env ?? {}),
            ...buildVariables(buildStep?.env ?? {})
          },
          version: VERSION,
          constraints: constraintsFor(
            options.buildOptions(build.identifier).dependencyConstraints,
            build.version
          )
        })
      )
    }
  }
  return keys
}
