// tnr-benchmark: timings of the TransnationalRepression counting core (and, as they are
// registered, of other parts), with no dependencies. Run it as
//
//     swift run -c release tnr-benchmark help
//
// Exit status: 0 success, 1 a failed benchmark (unreadable input, wrong checksum), 2 a usage
// error or a debug build.

import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
// `scale` (Scale/ScaleCommand.swift): import and count large files in bounded memory.
if arguments.first == "scale" { exit(ScaleCommand.main(Array(arguments.dropFirst()))) }
// `workbook` (Workbook/WorkbookBenchmark.swift): read an .xlsx through the import; inflate MB/s.
if arguments.first == "workbook" { exit(WorkbookBenchmark.main(Array(arguments.dropFirst()))) }
exit(TNRBenchmark.main(arguments))
