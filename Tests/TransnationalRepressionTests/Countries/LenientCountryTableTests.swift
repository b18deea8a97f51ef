import Foundation
import Testing

@testable import TransnationalRepression

@Suite("Per-country tables read leniently")
struct LenientCountryTableTests {
  static func file(_ text: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tnr-lenient-\(UUID()).csv")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url
  }

  static let text = """
    country,cases,diaspora,sco
    KZ,13,297000,1
    Kyrgyzstan,3,60000,1
    Atlantis,4,10,0
    TH,559,200,0
    KZ,1,1,1
    Pakistan,28,x,1
    Egypt,84,300,0
    Uzbekistan,2,50000,1
    """

  @Test("Bad rows are left out whole with their line and reason; strict reading still fails")
  func lenient() throws {
    let url = try Self.file(Self.text)
    defer { try? FileManager.default.removeItem(at: url) }
    let (table, rejected) = try CountryTable.read(contentsOf: url, lenient: true)
    #expect(rejected.map(\.line) == [4, 6, 7])
    #expect(rejected[0].reason.contains("Atlantis"))
    #expect(rejected[1].reason.contains("twice"))
    #expect(rejected[2].reason.contains("not a decimal number"))
    // Pakistan's row is left out whole: not even its cases enter.
    #expect(table["cases"]?.number(for: Country("PK")!) == nil)
    #expect(table["cases"]?.number(for: Country("KZ")!) == 13)
    #expect(table["cases"]?.number(for: Country("KG")!) == 3)
    #expect(table["cases"]?.listedCountries.count == 5)
    #expect(throws: ImportError.self) { try CountryTable.read(contentsOf: url, lenient: false) }
    let strict = try CountryTable.read(
      contentsOf: try Self.file("country,x\nKZ,1\nKG,2\n"), lenient: false)
    #expect(strict.rejected.isEmpty)
  }

  @Test("tnr model --table --lenient lists the rejected rows; without --table it reads the incidents leniently")
  func commandLine() throws {
    let url = try Self.file(Self.text)
    defer { try? FileManager.default.removeItem(at: url) }
    let arguments = ["model", "--table", url.path, "--outcome", "cases", "--exposure", "diaspora", "--covariates", "sco"]
    #expect(runTNR(arguments).status == 1)
    let result = runTNR(arguments + ["--lenient"])
    #expect(result.status == 0, "\(result.err)")
    #expect(result.out.contains("Rows of the table left out (--lenient): 3"))
    #expect(result.out.contains("line 4:"))
    let json = runTNR(arguments + ["--lenient", "--format", "json"])
    let object = try #require(JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
    let rows = try #require(object["rejected_rows"] as? [[String: Any]])
    #expect(rows.map { $0["line"] as? Int } == [4, 6, 7])
    #expect(object["n"] as? Int == 5)
    #expect(runTNR(["model", "--covariates", "china_share_total", "--lenient"]).status == 0)
  }

  @Test("A workbook table reads as its CSV twin does: same values, same rejected lines, strict or lenient")
  func workbook() throws {
    let lines = Self.text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    var writer = WorkbookWriter()
    try writer.addSheet(
      named: "countries", header: lines[0],
      rows: lines.dropFirst().map { row in
        row.enumerated().map { column, text in
          column > 0 && Double(text) != nil ? WorkbookCell.number(Double(text)!) : WorkbookCell.text(text)
        }
      })
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tnr-table-\(UUID()).xlsx")
    try writer.write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let csv = try Self.file(Self.text)
    defer { try? FileManager.default.removeItem(at: csv) }

    let fromWorkbook = try CountryTable.read(contentsOf: url, lenient: true)
    let fromCSV = try CountryTable.read(contentsOf: csv, lenient: true)
    #expect(fromWorkbook.rejected.map(\.line) == [4, 6, 7])
    for name in ["cases", "diaspora", "sco"] {
      let values = try #require(fromWorkbook.table[name]).values
      #expect(values == fromCSV.table[name]?.values, "\(name)")
    }
    #expect(fromWorkbook.table["cases"]?.number(for: Country("TH")!) == 559)
    #expect(throws: ImportError.self) { try CountryTable.read(contentsOf: url, lenient: false) }
  }

  @Test("The country column can have another name, in the library and with tnr model --country-column")
  func countryColumn() throws {
    let text = Self.text.replacingOccurrences(of: "country,cases", with: "Host country,cases")
    let url = try Self.file(text)
    defer { try? FileManager.default.removeItem(at: url) }
    #expect(throws: ImportError.self) { try CountryTable.read(contentsOf: url, lenient: true) }
    let (table, rejected) = try CountryTable.read(contentsOf: url, lenient: true, countryColumn: "Host country")
    #expect(rejected.map(\.line) == [4, 6, 7])
    #expect(table["cases"]?.number(for: Country("KG")!) == 3)
    let arguments = [
      "model", "--table", url.path, "--country-column", "Host country", "--outcome", "cases",
      "--exposure", "diaspora", "--covariates", "sco", "--lenient",
    ]
    let result = runTNR(arguments)
    #expect(result.status == 0, "\(result.err)")
    #expect(result.out.contains("Rows of the table left out (--lenient): 3"))
    #expect(runTNR(["model", "--country-column", "Host country", "--covariates", "china_share_total"]).status == 2)
  }
}
