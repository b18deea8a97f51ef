import Foundation
import Testing

@testable import TransnationalRepression

@Suite("ZIP archives")
struct ZipArchiveTests {
  @Test("every archive lists the entries zipfile lists, and every entry extracts with its CRC-32")
  func validArchives() throws {
    let manifest = try ContainerFixtures.zipManifest()
    #expect(manifest.archives.count >= 8)
    for archive in manifest.archives {
      let archiveReader = try ZipArchive(bytes: ContainerFixtures.bytes("zip/" + archive.file))
      #expect(archiveReader.entries.map(\.name) == archive.entries.map(\.name), "\(archive.file)")
      for (entry, expected) in zip(archiveReader.entries, archive.entries) {
        #expect(entry.method.rawValue == expected.method, "\(archive.file) \(entry.name)")
        #expect(entry.compressedSize == expected.compressedSize, "\(archive.file) \(entry.name)")
        #expect(
          entry.uncompressedSize == expected.uncompressedSize, "\(archive.file) \(entry.name)")
        #expect(entry.crc32 == expected.crc32, "\(archive.file) \(entry.name)")
        let data = try archiveReader.data(for: entry.name)
        #expect(data.count == expected.uncompressedSize, "\(archive.file) \(entry.name)")
        #expect(CRC32.checksum(data) == expected.crc32, "\(archive.file) \(entry.name)")
      }
    }
  }

  @Test("entry contents: stored, deflated, a UTF-8 name, a directory, ZIP64 and data descriptors")
  func contents() throws {
    let stored = try ZipArchive(bytes: ContainerFixtures.bytes("zip/stored.zip"))
    #expect(
      String(decoding: try stored.data(for: "hello.txt"), as: UTF8.self) == "Hello, workbook.\n")
    #expect(try stored.data(for: "empty.txt").isEmpty)
    #expect(stored.entry(named: "data/")?.isDirectory == true)
    #expect(stored.entry(named: "hello.txt")?.method == .stored)
    #expect(stored.entry(named: "nope") == nil)

    let deflated = try ZipArchive(bytes: ContainerFixtures.bytes("zip/deflated.zip"))
    #expect(
      try deflated.data(for: "text.txt") == ContainerFixtures.bytes("deflate/inputs/text.bin"))
    #expect(deflated.entry(named: "text.txt")?.method == .deflate)
    #expect(
      String(decoding: try deflated.data(for: "données/ünïcode.txt"), as: UTF8.self)
        == "Ürümqi → İstanbul\n")
    #expect(try deflated.data(for: "one.txt") == Array("A".utf8))

    let forced = try ZipArchive(bytes: ContainerFixtures.bytes("zip/zip64-forced-local.zip"))
    #expect(
      String(decoding: try forced.data(for: "small-forced-zip64.txt"), as: UTF8.self)
        == "a small entry with ZIP64 sizes in its local header\n")
    let central = try ZipArchive(bytes: ContainerFixtures.bytes("zip/zip64-central.zip"))
    #expect(
      String(decoding: try central.data(for: "zip64/stored.txt"), as: UTF8.self)
        == String(repeating: "stored under ZIP64\n", count: 20))
    #expect(
      try central.data(for: "zip64/deflated.txt")
        == Array(ContainerFixtures.bytes("deflate/inputs/text.bin")[..<5000]))

    let streamed = try ZipArchive(bytes: ContainerFixtures.bytes("zip/data-descriptor.zip"))
    #expect(
      try streamed.data(for: "streamed.txt")
        == Array(ContainerFixtures.bytes("deflate/inputs/text.bin")[..<8000]))
    let comment = try ZipArchive(
      bytes: ContainerFixtures.bytes("zip/comment-with-fake-end-record.zip"))
    #expect(try comment.data(for: "a.txt") == Array("alpha\n".utf8))
  }

  @Test("an openpyxl workbook: its parts are listed and extract")
  func workbook() throws {
    let zip = try ZipArchive(bytes: ContainerFixtures.bytes("zip/workbook.xlsx"))
    let names = Set(zip.entries.map(\.name))
    for part in [
      "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
      "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
    ] {
      #expect(names.contains(part), "\(part)")
    }
    let workbook = String(decoding: try zip.data(for: "xl/workbook.xml"), as: UTF8.self)
    #expect(workbook.contains("name=\"Incidents\""))
    #expect(workbook.contains("name=\"Notes\""))
    let sheet = String(decoding: try zip.data(for: "xl/worksheets/sheet1.xml"), as: UTF8.self)
    #expect(sheet.hasPrefix("<"))
    #expect(sheet.contains("<c r=\"A301\""))
  }

  @Test("every damaged or crafted archive throws its reason, naming the entry")
  func hostileArchives() throws {
    let manifest = try ContainerFixtures.zipManifest()
    #expect(manifest.hostile.count >= 25)
    for item in manifest.hostile {
      let bytes = try ContainerFixtures.bytes("zip/" + item.file)
      var limits = ZipArchive.Limits()
      if let l = item.limits {
        limits.maxEntries = l["maxEntries"] ?? limits.maxEntries
        limits.maxEntrySize = l["maxEntrySize"] ?? limits.maxEntrySize
        limits.maxTotalSize = l["maxTotalSize"] ?? limits.maxTotalSize
      }
      let error: ZipError?
      if item.stage == "open" {
        error = #expect(throws: ZipError.self, "\(item.file)") {
          _ = try ZipArchive(bytes: bytes, limits: limits)
        }
      } else {
        let zip = try ZipArchive(bytes: bytes, limits: limits)
        let name = try #require(item.extract)
        error = #expect(throws: ZipError.self, "\(item.file)") {
          _ = try zip.data(for: name)
        }
      }
      #expect(error?.reason.rawValue == item.reason, "\(item.file): \(String(describing: error))")
      if let entry = item.entry {
        #expect(error?.entry == entry, "\(item.file)")
        #expect(error?.description.hasPrefix(entry + ": ") == true, "\(item.file)")
      }
      if let inflateReason = item.inflateReason {
        #expect(error?.inflateError?.reason.rawValue == inflateReason, "\(item.file)")
      }
      #expect(error?.message.isEmpty == false)
    }
  }

  @Test("the plain messages say what is wrong and what to do")
  func messages() throws {
    let ole = try ContainerFixtures.bytes("zip/hostile/ole-compound-file.xlsx")
    let error = #expect(throws: ZipError.self) { _ = try ZipArchive(bytes: ole) }
    #expect(error?.description.contains("password-protected") == true)
    let bzip = try ZipArchive(
      bytes: ContainerFixtures.bytes("zip/hostile/unsupported-method-bzip2.zip"))
    let methodError = #expect(throws: ZipError.self) { _ = try bzip.data(for: "b.txt") }
    #expect(methodError?.description.contains("bzip2 (12)") == true)
    let missing = #expect(throws: ZipError.self) { _ = try bzip.data(for: "missing.txt") }
    #expect(missing?.reason == .entryNotFound)
  }

  @Test("truncating a valid archive anywhere throws a ZipError, never crashes")
  func everyTruncation() throws {
    let bytes = try ContainerFixtures.bytes("zip/deflated.zip")
    for length in stride(from: 0, to: bytes.count, by: 97) {
      #expect(throws: ZipError.self, "length \(length)") {
        let zip = try ZipArchive(bytes: Array(bytes[..<length]))
        for entry in zip.entries { _ = try zip.data(for: entry) }
      }
    }
  }
}
