/**
 * Which variables carry a credential: never given to a build step, a
 * container or a tool unless environment-pass names them, and their values
 * masked in every line. Taken by pattern (`*_TOKEN`, `*_PASSWORD`,
 * `*_SECRET`, `*API_KEY*`) as well as by name, since a workflow may hold a
 * token under any name (PYPI_API_TOKEN is the usual one with
 * gh-action-pypi-publish).
 */
const KNOWN =
  /^(ACTIONS_ID_TOKEN_REQUEST_TOKEN|ACTIONS_ID_TOKEN_REQUEST_URL|ACTIONS_RUNTIME_TOKEN|ACTIONS_RESULTS_URL|ACTIONS_CACHE_URL|GITHUB_TOKEN|GH_TOKEN|TWINE_PASSWORD|PYPI_TOKEN|INPUT_.*)$/i
const PATTERN = /(_TOKEN|_PASSWORD|_SECRET)$|API_KEY|^(TOKEN|PASSWORD|SECRET)$/i

export function isCredential(name: string): boolean {
  return KNOWN.test(name) || PATTERN.test(name)
}

/** Shorter values (`1`, `true`) would mask ordinary words everywhere; no token is that short. */
const MIN_SECRET_LENGTH = 8

/**
 * The values to mask: every credential variable's, except the action's
 * inputs (other than password) and the service URLs, which are not secret.
 */
export function secretValues(env: Readonly<Record<string, string | undefined>>): string[] {
  const values = Object.entries(env)
    .filter(([name]) => isCredential(name))
    .filter(([name]) => !/^INPUT_/i.test(name) || /^INPUT_PASSWORD$/i.test(name))
    .filter(([name]) => !/_URL$/i.test(name))
    .map(([, value]) => value?.trim() ?? '')
    .filter(value => value.length >= MIN_SECRET_LENGTH)
  return [...new Set(values)]
}
