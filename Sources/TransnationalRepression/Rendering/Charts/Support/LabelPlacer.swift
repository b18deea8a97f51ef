/// Greedy placement of point labels without overlaps, for ``ScatterChart``. Internal.
///
/// Points are visited in the order given (the chart passes the most prominent first). For each
/// label, twelve positions around its point are tried — right, left, above, below, the four
/// diagonals, then right and left shifted up and down by most of a line — and the first whose
/// estimated box stays inside the plot (allowing 3 points of overhang) and clears every point
/// marker and every label already placed is taken. A label with no free position is
/// left out (the chart says so under the plot).
struct LabelPlacer {
  struct Box {
    var minX, minY, maxX, maxY: Double

    func intersects(_ other: Box) -> Bool {
      minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    func inside(_ other: Box) -> Bool {
      minX >= other.minX && maxX <= other.maxX && minY >= other.minY && maxY <= other.maxY
    }
  }

  /// A placed label: its baseline position and text anchor.
  struct Placement {
    var x: Double
    var y: Double
    var anchor: String
  }

  let bounds: Box
  let fontSize: Double
  let radius: Double
  private var obstacles: [Box]

  /// - Parameters:
  ///   - markers: the centres of all point markers, which labels must not cover.
  init(bounds: Box, markers: [(x: Double, y: Double)], radius: Double, fontSize: Double) {
    self.bounds = Box(
      minX: bounds.minX, minY: bounds.minY - 3, maxX: bounds.maxX + 3, maxY: bounds.maxY + 3)
    self.fontSize = fontSize
    self.radius = radius
    obstacles = markers.map {
      Box(minX: $0.x - radius, minY: $0.y - radius, maxX: $0.x + radius, maxY: $0.y + radius)
    }
  }

  /// Places `text` next to the point at (`x`, `y`), or returns nil when every position is
  /// taken. A placed label becomes an obstacle for later ones.
  mutating func place(_ text: String, x: Double, y: Double) -> Placement? {
    let width = TextMetrics.width(of: text, fontSize: fontSize)
    let ascent = fontSize * 0.78
    let descent = fontSize * 0.22
    let gap = radius + 3
    let candidates: [Placement] = [
      Placement(x: x + gap, y: y + ascent / 2 - 0.5, anchor: "start"),
      Placement(x: x - gap, y: y + ascent / 2 - 0.5, anchor: "end"),
      Placement(x: x, y: y - gap - descent, anchor: "middle"),
      Placement(x: x, y: y + gap + ascent, anchor: "middle"),
      Placement(x: x + radius, y: y - radius - descent - 1, anchor: "start"),
      Placement(x: x + radius, y: y + radius + ascent + 1, anchor: "start"),
      Placement(x: x - radius, y: y - radius - descent - 1, anchor: "end"),
      Placement(x: x - radius, y: y + radius + ascent + 1, anchor: "end"),
      Placement(x: x + gap, y: y + ascent / 2 - 0.5 - ascent, anchor: "start"),
      Placement(x: x + gap, y: y + ascent / 2 - 0.5 + ascent, anchor: "start"),
      Placement(x: x - gap, y: y + ascent / 2 - 0.5 - ascent, anchor: "end"),
      Placement(x: x - gap, y: y + ascent / 2 - 0.5 + ascent, anchor: "end"),
    ]
    for candidate in candidates {
      let minX: Double
      switch candidate.anchor {
      case "start": minX = candidate.x
      case "end": minX = candidate.x - width
      default: minX = candidate.x - width / 2
      }
      let box = Box(
        minX: minX - 0.5, minY: candidate.y - ascent - 0.5, maxX: minX + width + 0.5,
        maxY: candidate.y + descent + 0.5)
      guard box.inside(bounds), !obstacles.contains(where: { $0.intersects(box) }) else {
        continue
      }
      obstacles.append(box)
      return candidate
    }
    return nil
  }
}
