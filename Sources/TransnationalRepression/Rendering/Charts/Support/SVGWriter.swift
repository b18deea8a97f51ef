/// Writes SVG markup one element per line, indented, with escaped text and attribute values.
/// Attribute order is the order given, so the output is deterministic. Internal.
struct SVGWriter {
  /// Attribute names and (unescaped) values, in output order.
  typealias Attributes = [(String, String)]

  /// The markup written so far.
  private(set) var output = ""
  private var depth = 0

  /// Opens `<name …>`; every `open` needs a matching ``close(_:)``.
  mutating func open(_ name: String, _ attributes: Attributes = []) {
    line("<" + name + Self.attributes(attributes) + ">")
    depth += 1
  }

  /// Closes the element `name` opened last.
  mutating func close(_ name: String) {
    depth -= 1
    line("</" + name + ">")
  }

  /// Writes an element: self-closing without text or tooltip; otherwise with an SVG `<title>`
  /// child (shown as a tooltip by browsers) followed by the escaped text.
  mutating func element(
    _ name: String, _ attributes: Attributes, text: String? = nil, tooltip: String? = nil
  ) {
    let head = "<" + name + Self.attributes(attributes)
    guard text != nil || tooltip != nil else {
      line(head + "/>")
      return
    }
    var content = ""
    if let tooltip { content += "<title>" + Markup.escape(tooltip) + "</title>" }
    if let text { content += Markup.escape(text) }
    line(head + ">" + content + "</" + name + ">")
  }

  /// Writes a `<text>` element.
  mutating func text(
    _ string: String, x: Double, y: Double, size: Double, anchor: String = "start",
    fill: String = ChartPalette.text, weight: String? = nil, className: String? = nil,
    tooltip: String? = nil, extra: Attributes = []
  ) {
    var attributes: Attributes = []
    if let className { attributes.append(("class", className)) }
    attributes += [("x", Self.number(x)), ("y", Self.number(y)), ("font-size", Self.number(size))]
    if anchor != "start" { attributes.append(("text-anchor", anchor)) }
    if let weight { attributes.append(("font-weight", weight)) }
    attributes.append(("fill", fill))
    attributes += extra
    element("text", attributes, text: string, tooltip: tooltip)
  }

  /// Writes a horizontal or vertical `<line>`.
  mutating func line(
    x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1,
    className: String? = nil, extra: Attributes = []
  ) {
    var attributes: Attributes = []
    if let className { attributes.append(("class", className)) }
    attributes += [
      ("x1", Self.number(x1)), ("y1", Self.number(y1)), ("x2", Self.number(x2)),
      ("y2", Self.number(y2)), ("stroke", stroke), ("stroke-width", Self.number(width)),
    ]
    attributes += extra
    element("line", attributes)
  }

  /// Writes a `<rect>`.
  mutating func rect(
    x: Double, y: Double, width: Double, height: Double, fill: String,
    className: String? = nil, tooltip: String? = nil, extra: Attributes = []
  ) {
    var attributes: Attributes = []
    if let className { attributes.append(("class", className)) }
    attributes += [
      ("x", Self.number(x)), ("y", Self.number(y)), ("width", Self.number(max(width, 0))),
      ("height", Self.number(max(height, 0))), ("fill", fill),
    ]
    attributes += extra
    element("rect", attributes, tooltip: tooltip)
  }

  /// Appends raw, already well-formed markup as one line.
  mutating func raw(_ markup: String) {
    line(markup)
  }

  private mutating func line(_ markup: String) {
    output += String(repeating: "  ", count: max(depth, 0)) + markup + "\n"
  }

  /// A coordinate or length: rounded to 2 decimals, trailing zeros removed.
  static func number(_ value: Double) -> String {
    ChartNumberFormat.trimmed(value, maximumDecimals: 2)
  }

  private static func attributes(_ attributes: Attributes) -> String {
    attributes.map { " " + $0.0 + "=\"" + Markup.escape($0.1) + "\"" }.joined()
  }
}
