/// Break opportunities in long Swedish compounds, for table cells on a phone.
///
/// Tables ask for `hyphens: auto`, but a browser without a Swedish hyphenation dictionary
/// (Chromium on Linux and Windows, for one) cannot use it, and a word such as
/// "förvaltningsgemensamma" then makes its column as wide as itself. The joint most Swedish
/// compounds have, a linking *s* after a suffix such as -ning, -het or -tion
/// ("förvaltnings|gemensamma", "hemlöshets|kartläggningen"), is a safe place to break, so a
/// soft hyphen goes there: invisible unless the line breaks at it, and then shown as "-".
/// A `/` or `,` between letters ("verksamhet/tjänster") gets a zero-width break after it. Nothing is
/// ever cut at an arbitrary letter.
enum CompoundBreaks {
    static let softHyphen: Character = "\u{00AD}"
    static let zeroWidthSpace: Character = "\u{200B}"
    /// Words shorter than this fit in a phone's table column as they are.
    static let minimumLength = 12
    /// Endings after which an `s` is a compound's linking s.
    static let joints = ["ing", "het", "tet", "ion", "skap", "nad", "tid", "ans", "ift", "ånd", "ång", "ård", "kt", "et", "al", "el", "and", "em", "en"]
    static let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y", "å", "ä", "ö"]

    static func marked(_ text: String) -> String {
        guard text.count >= minimumLength else { return text }
        var out = ""
        var word: [Character] = []
        func flush() {
            out += word.count >= minimumLength ? breaking(word) : String(word)
            word.removeAll()
        }
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            if character.isLetter {
                word.append(character)
                continue
            }
            flush()
            out.append(character)
            // "verksamhet/tjänster", "Kontormöbler,besöksrumsmöbler": two words written as one.
            if character == "/" || character == ",", index > 0, characters[index - 1].isLetter,
               index + 1 < characters.count, characters[index + 1].isLetter {
                out.append(zeroWidthSpace)
            }
        }
        flush()
        return out
    }

    /// One word with a soft hyphen after each linking s that leaves at least five letters
    /// before it and a syllable of four letters after it.
    static func breaking(_ word: [Character]) -> String {
        let lower = word.map { Character($0.lowercased()) }
        var out = ""
        for (index, character) in word.enumerated() {
            out.append(character)
            guard lower[index] == "s", index >= 5, word.count - index - 1 >= 4 else { continue }
            let before = String(lower[..<index])
            guard joints.contains(where: before.hasSuffix) else { continue }
            let after = lower[(index + 1)...].prefix(4)
            guard let next = after.first, !vowels.contains(next), after.contains(where: vowels.contains) else { continue }
            out.append(softHyphen)
        }
        return out
    }
}
