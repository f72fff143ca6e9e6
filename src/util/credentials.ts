/** Which variables carry a credential: never given to a build step or a container. */
const CREDENTIALS =
  /^(ACTIONS_ID_TOKEN_REQUEST_TOKEN|ACTIONS_RUNTIME_TOKEN|ACTIONS_RESULTS_URL|ACTIONS_CACHE_URL|GITHUB_TOKEN|GH_TOKEN|INPUT_PASSWORD|TWINE_PASSWORD|PYPI_TOKEN|INPUT_.*)$/

export function isCredential(name: string): boolean {
  return CREDENTIALS.test(name)
}
