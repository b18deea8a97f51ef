import Foundation

/// The `main` of a fuzz target built without libFuzzer: runs the target's checks on the files
/// given (directories are read file by file), so a corpus or a crash input can be replayed in a
/// normal or sanitized build. Test support, not API.
public enum FuzzReplay {
  /// Every regular file under `path` (or `path` itself), sorted, skipping dot files.
  public static func inputs(at path: String) -> [URL] {
    let url = URL(fileURLWithPath: path)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
    guard isDirectory.boolValue else { return [url] }
    let enumerator = FileManager.default.enumerator(
      at: url, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
    var files: [URL] = []
    while let file = enumerator?.nextObject() as? URL {
      if (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
        files.append(file)
      }
    }
    return files.sorted { $0.path < $1.path }
  }

  /// Replays the inputs named on the command line; returns the exit status.
  public static func main(name: String, arguments: [String], _ run: ([UInt8]) -> Void) -> Int32 {
    let paths = arguments.filter { !$0.hasPrefix("-") }
    guard !paths.isEmpty else {
      FileHandle.standardError.write(
        Data(
          """
          usage: \(name) FILE|DIRECTORY...
          Replays inputs through the \(name) checks. Built with
            swift build -c release --product \(name) --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address \\
              -Xswiftc -parse-as-library -Xswiftc -DTNR_FUZZING
          it is a libFuzzer target instead (see .ci/fuzz.sh).

          """.utf8))
      return 2
    }
    var count = 0
    for path in paths {
      let files = inputs(at: path)
      if files.isEmpty {
        FileHandle.standardError.write(Data("\(name): no input at \(path)\n".utf8))
        return 1
      }
      for file in files {
        guard let data = FileManager.default.contents(atPath: file.path) else {
          FileHandle.standardError.write(Data("\(name): cannot read \(file.path)\n".utf8))
          return 1
        }
        run(Array(data))
        count += 1
      }
    }
    print("\(name): \(count) inputs replayed, every check held")
    return 0
  }
}
