/**
 * Outside a workflow, @actions/* libraries (tool-cache) still print
 * `::debug::` workflow commands on stdout, which would spoil the CLI's output
 * (identifiers, JSON). The CLI drops them from its stdout once, at start.
 */
type Write = typeof process.stdout.write

export function hideDebugCommands(stream: NodeJS.WriteStream): void {
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean
  stream.write = ((chunk: unknown, ...rest: unknown[]) =>
    typeof chunk === 'string' && chunk.startsWith('::debug::')
      ? true
      : write(chunk, ...rest)) as Write
}
