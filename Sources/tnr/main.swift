import TNRCommandLine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

let status = TNRCommand.main(arguments: Array(CommandLine.arguments.dropFirst()))
exit(status)
