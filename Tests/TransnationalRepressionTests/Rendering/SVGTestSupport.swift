import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A parsed XML element for checking chart output. Test support, not API.
final class ParsedElement {
  let name: String
  let attributes: [String: String]
  var text = ""
  var children: [ParsedElement] = []

  init(name: String, attributes: [String: String]) {
    self.name = name
    self.attributes = attributes
  }

  /// This element and all its descendants, in document order.
  var descendantsAndSelf: [ParsedElement] {
    [self] + children.flatMap(\.descendantsAndSelf)
  }

  /// Descendants (and self) named `name`, optionally with a class list containing `className`.
  func all(_ name: String, class className: String? = nil) -> [ParsedElement] {
    descendantsAndSelf.filter { element in
      element.name == name
        && (className == nil || element.classes.contains(className!))
    }
  }

  var classes: [String] {
    (attributes["class"] ?? "").split(separator: " ").map(String.init)
  }

  /// The element's own text plus its descendants' text, excluding `<title>` tooltips.
  var visibleText: String {
    text + children.filter { $0.name != "title" }.map(\.visibleText).joined()
  }

  func number(_ attribute: String) -> Double? {
    attributes[attribute].flatMap(Double.init)
  }
}

/// Parses `text` with Foundation's `XMLParser` (FoundationXML on Linux), failing the test with
/// the parser's error when it is not well-formed. Test support.
func parseXML(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws
  -> ParsedElement
{
  final class Delegate: NSObject, XMLParserDelegate {
    var stack: [ParsedElement] = []
    var root: ParsedElement?

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
      qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
      let element = ParsedElement(name: elementName, attributes: attributeDict)
      stack.last?.children.append(element)
      if stack.isEmpty { root = element }
      stack.append(element)
    }

    func parser(
      _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
      qualifiedName qName: String?
    ) {
      stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      stack.last?.text += string
    }
  }
  let parser = XMLParser(data: Data(text.utf8))
  let delegate = Delegate()
  parser.delegate = delegate
  let ok = parser.parse()
  #expect(
    ok, "not well-formed XML: \(String(describing: parser.parserError))",
    sourceLocation: sourceLocation)
  return try #require(delegate.root, sourceLocation: sourceLocation)
}

/// The checks every chart's SVG must pass: an SVG 1.1 root with namespace, size and viewBox;
/// `role="img"` and `aria-labelledby` naming a `<title>` and a `<desc>` that exist; the
/// expected title; finite numeric attributes; everything inside the viewBox. Returns the root.
@discardableResult
func checkSVGDocument(
  _ svg: String, title: String, sourceLocation: SourceLocation = #_sourceLocation
) throws -> ParsedElement {
  #expect(
    svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "),
    sourceLocation: sourceLocation)
  let root = try parseXML(svg, sourceLocation: sourceLocation)
  #expect(root.name == "svg", sourceLocation: sourceLocation)
  #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg", sourceLocation: sourceLocation)
  #expect(root.attributes["version"] == "1.1", sourceLocation: sourceLocation)
  #expect(root.attributes["role"] == "img", sourceLocation: sourceLocation)
  let width = try #require(root.number("width"), sourceLocation: sourceLocation)
  let height = try #require(root.number("height"), sourceLocation: sourceLocation)
  #expect(
    root.attributes["viewBox"] == "0 0 \(root.attributes["width"]!) \(root.attributes["height"]!)",
    sourceLocation: sourceLocation)
  let labelledBy = (root.attributes["aria-labelledby"] ?? "").split(separator: " ").map(String.init)
  #expect(labelledBy.count == 2, sourceLocation: sourceLocation)
  let ids = Dictionary(
    root.descendantsAndSelf.compactMap { element in element.attributes["id"].map { ($0, element) }
    },
    uniquingKeysWith: { first, _ in first })
  #expect(
    labelledBy.compactMap { ids[$0]?.name } == ["title", "desc"], sourceLocation: sourceLocation)
  // The first two children are the accessible name and description.
  #expect(root.children.prefix(2).map(\.name) == ["title", "desc"], sourceLocation: sourceLocation)
  #expect(root.children.first?.text == title, sourceLocation: sourceLocation)
  let description = root.children.dropFirst().first?.text ?? ""
  #expect(description.count > 10, sourceLocation: sourceLocation)

  let numeric = ["x", "y", "width", "height", "x1", "y1", "x2", "y2", "cx", "cy", "r", "font-size"]
  for element in root.descendantsAndSelf {
    for attribute in numeric {
      guard let value = element.attributes[attribute] else { continue }
      let number = Double(value)
      #expect(
        number?.isFinite == true, "\(element.name) \(attribute)=\(value)",
        sourceLocation: sourceLocation)
    }
    if let path = element.attributes["d"] {
      #expect(
        !path.lowercased().contains("nan") && !path.contains("inf"), sourceLocation: sourceLocation)
    }
    // Everything is drawn inside the viewBox.
    for (attribute, limit) in [
      ("x", width), ("cx", width), ("x1", width), ("x2", width),
      ("y", height), ("cy", height), ("y1", height), ("y2", height),
    ] {
      if let value = element.number(attribute) {
        #expect(
          value >= 0 && value <= limit,
          "\(element.name) \(attribute)=\(value) outside 0...\(limit)",
          sourceLocation: sourceLocation)
      }
    }
  }
  return root
}

/// The `<desc>` text of a parsed chart.
func descText(_ root: ParsedElement) -> String {
  root.children.first { $0.name == "desc" }?.text ?? ""
}
