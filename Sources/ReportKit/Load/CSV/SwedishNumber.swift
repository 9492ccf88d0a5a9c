/// Numbers as Swedish Excel and LibreOffice write them in a CSV file: `1 054,4`, `1 054,4`
/// (no-break space), `−17,6` or `-17,6`, `1054384`. The digits are kept exactly.
enum SwedishNumber {
    /// Spaces Excel and LibreOffice put between groups of thousands.
    static let groupSeparators: Set<Unicode.Scalar> = [" ", "\u{A0}", "\u{202F}"]

    static func parse(_ text: String) -> ReportedNumber? {
        var scalars = Substring(text).unicodeScalars[...]
        while let first = scalars.first, groupSeparators.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, groupSeparators.contains(last) { scalars = scalars.dropLast() }
        var sign = ""
        if let first = scalars.first, first == "-" || first == "\u{2212}" || first == "+" {
            sign = first == "+" ? "" : "-"
            scalars = scalars.dropFirst()
        }
        let parts = scalars.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
        guard let wholePart = parts.first else { return nil }
        let groups = wholePart.split(omittingEmptySubsequences: false) { groupSeparators.contains($0) }
        // Groups of thousands: the first has one to three digits, every later one exactly three.
        guard let head = groups.first, (1...(groups.count > 1 ? 3 : 17)).contains(head.count),
              groups.dropFirst().allSatisfy({ $0.count == 3 }),
              groups.allSatisfy({ $0.allSatisfy(isDigit) }) else { return nil }
        var plain = sign + groups.map { String(String.UnicodeScalarView($0)) }.joined()
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.allSatisfy(isDigit) else { return nil }
            plain += "." + String(String.UnicodeScalarView(fraction))
        }
        return ReportedNumber(parsing: plain)
    }

    /// A cell that says "no value" the way Swedish tables print it: empty, or a dash alone.
    static func isMissing(_ text: String) -> Bool {
        let trimmed = text.unicodeScalars.filter { !groupSeparators.contains($0) }
        return trimmed.isEmpty || (trimmed.count == 1 && ["-", "\u{2013}", "\u{2014}", "\u{2212}"].contains(trimmed.first!))
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
}
