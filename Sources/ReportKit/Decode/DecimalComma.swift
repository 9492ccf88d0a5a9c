/// Finds numbers written with a Swedish decimal comma inside a YAML flow list, where the
/// comma separates items: `[Vuxna, -300,0, -297,2]` is five cells to YAML. Yams keeps no
/// source text, so the row's line is read from the file.
enum DecimalComma {
    static func find(_ decoder: NodeDecoder) -> [String] {
        guard case .sequence = decoder.node, let mark = decoder.node.mark else { return [] }
        let lineNumber = mark.line + decoder.session.lineOffset
        guard let row = decoder.session.line(lineNumber) else { return [] }
        let line = Array(row.dropFirst(max(mark.column - 1, 0)).unicodeScalars)
        guard line.first == "[" else { return [] }
        var found: [String] = []
        var index = 0
        // A run of digits, a comma, and a digit straight after it (no space): "-300,0", "1,5".
        while index < line.count {
            guard isDigit(line[index]), index == 0 || !isDigit(line[index - 1]) && line[index - 1] != "." else { index += 1; continue }
            var start = index
            if start > 0, line[start - 1] == "-" || line[start - 1] == "\u{2212}" { start -= 1 }
            var end = index
            while end < line.count, isDigit(line[end]) { end += 1 }
            guard end + 1 < line.count, line[end] == ",", isDigit(line[end + 1]) else { index = end; continue }
            end += 1
            while end < line.count, isDigit(line[end]) { end += 1 }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: line[start..<end])
            found.append(String(text))
            index = end
        }
        return found
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
}
