import TNRCommandLine

/// Runs `tnr` in-process with the given arguments and returns the exit status with what it wrote
/// to standard output and standard error. Test support, not API.
func runTNR(_ arguments: [String]) -> (status: Int32, out: String, err: String) {
  let recording = RecordingConsole()
  let status = TNRCommand.run(arguments: arguments, console: recording.console)
  return (status, recording.standardOutput, recording.standardError)
}
