// Fails when a public declaration written in the library's sources has no doc comment.
//
// Usage: swift Documentation/check-documentation-coverage.swift SYMBOL_GRAPH_DIR
//
// Reads the symbol graphs that `swift build -Xswiftc -emit-symbol-graph …` writes and lists every
// public or open symbol that has a source location (so compiler-synthesized conformances and
// inherited protocol members are skipped) but no doc comment. Run by .ci/run.
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
  FileHandle.standardError.write(Data("usage: check-documentation-coverage.swift SYMBOL_GRAPH_DIR\n".utf8))
  exit(2)
}
let directory = URL(fileURLWithPath: arguments[1])
let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
  .filter { $0.pathExtension == "json" }
var checked = 0
var missing: [String] = []
for file in files.sorted(by: { $0.path < $1.path }) {
  let graph = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
  for symbol in graph["symbols"] as? [[String: Any]] ?? [] {
    let access = symbol["accessLevel"] as? String ?? ""
    guard access == "public" || access == "open" else { continue }
    guard let location = symbol["location"] as? [String: Any],
      let uri = location["uri"] as? String, uri.contains("/Sources/")
    else { continue }
    checked += 1
    if symbol["docComment"] == nil {
      let path = (symbol["pathComponents"] as? [String] ?? []).joined(separator: ".")
      let position = (location["position"] as? [String: Any])?["line"] as? Int ?? 0
      let file = uri.components(separatedBy: "/Sources/").last ?? uri
      missing.append("Sources/\(file):\(position + 1): \(path)")
    }
  }
}
if missing.isEmpty {
  print("documentation coverage: all \(checked) public declarations are documented")
} else {
  print("documentation coverage: \(missing.count) of \(checked) public declarations have no doc comment:")
  for line in Set(missing).sorted() { print("  " + line) }
  exit(1)
}
