/// Whether two sides of an equation agree within the rounding of the numbers involved.
///
/// Each printed number may be off by half a unit in its last decimal, so a sum of n rounded
/// parts may differ from its rounded total by up to the sum of those halves.
enum Rounding {
    struct Term {
        let number: ReportedNumber
        /// Multiplier into the unit the comparison is made in (1 unless converting tkr → mnkr).
        let factor: Double

        init(_ number: ReportedNumber, factor: Double = 1) {
            self.number = number
            self.factor = factor
        }

        var value: Double { number.doubleValue * factor }
        var halfUnit: Double { 0.5 / pow10(number.decimals) * abs(factor) }
    }

    /// True when `left` and `right` differ by no more than the rounding of every term.
    static func agree(_ left: Double, _ right: Double, terms: [Term]) -> Bool {
        let tolerance = terms.reduce(0) { $0 + $1.halfUnit }
        return abs(left - right) <= tolerance + 1e-9 * max(1, abs(left), abs(right))
    }
}
