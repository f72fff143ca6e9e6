/**
 * Outside a workflow, @actions/* libraries (tool-cache) still print
 * `::debug::` workflow commands on stdout, which would spoil the CLI's output
 * (identifiers, JSON). The CLI drops them from its stdout once, at start; the
 * tool-cache lookups also drop them around each synchronous call.
 */
type Write = typeof process.stdout.write

/** `write` without `::debug::` lines. */
export function withoutDebugCommands(write: Write, stream: NodeJS.WriteStream): Write {
  return ((chunk: unknown, ...rest: unknown[]) =>
    typeof chunk === 'string' && chunk.startsWith('::debug::')
      ? true
      : (write as (...a: unknown[]) => boolean).call(stream, chunk, ...rest)) as Write
}

export function hideDebugCommands(stream: NodeJS.WriteStream): void {
  stream.write = withoutDebugCommands(stream.write, stream)
}
