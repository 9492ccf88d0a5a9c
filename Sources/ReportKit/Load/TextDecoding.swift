/// Turns a file's bytes into text, or says precisely why it is not UTF-8 text.
enum TextDecoding {
    struct Failure: Error {
        let line: Int
        let column: Int
        let message: MessagePart
    }

    /// Accepts UTF-8 with or without a byte-order mark and LF or CRLF line endings; returns the
    /// text without the mark and with LF endings (lines and columns are unchanged by both).
    static func decode(_ bytes: [UInt8]) -> Result<String, Failure> {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .failure(Failure(line: 1, column: 1, message: MessagePart(.utf16)))
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        if let nul = body.firstIndex(of: 0) {
            let (line, column) = position(of: nul, in: body)
            return .failure(Failure(line: line, column: column, message: MessagePart(.nulByte)))
        }
        guard let text = String(validating: body, as: UTF8.self) else {
            let offset = firstInvalidOffset(in: body)
            let (line, column) = position(of: offset, in: body)
            let byte = String(body[offset], radix: 16, uppercase: true)
            return .failure(Failure(line: line, column: column, message: MessagePart(.notUTF8, byte)))
        }
        // U+FEFF after the start is invisible in an editor: usually two files pasted together.
        if let mark = firstOffset(of: [0xEF, 0xBB, 0xBF], in: body) {
            let (line, column) = position(of: mark, in: body)
            return .failure(Failure(line: line, column: column, message: MessagePart(.strayBOM)))
        }
        guard text.utf8.contains(UInt8(ascii: "\r")) else { return .success(text) }
        let unix = text.replacingAll("\r\n", with: "\n")
        if let bytes = Optional(Array(unix.utf8)), let cr = bytes.firstIndex(of: UInt8(ascii: "\r")) {
            let slice = bytes[...]
            let (line, column) = position(of: cr, in: slice)
            let crOnly = !bytes.contains(UInt8(ascii: "\n"))
            return .failure(Failure(line: line, column: column, message: MessagePart(crOnly ? .crOnly : .strayCR)))
        }
        return .success(unix)
    }

    /// Where `pattern` first occurs in `bytes`.
    private static func firstOffset(of pattern: [UInt8], in bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8>.Index? {
        guard bytes.count >= pattern.count else { return nil }
        var index = bytes.startIndex
        while let found = bytes[index...].firstIndex(of: pattern[0]) {
            if bytes[found...].starts(with: pattern) { return found }
            index = bytes.index(after: found)
        }
        return nil
    }

    /// Line and column (in Unicode scalars) of the byte at `offset`.
    private static func position(of offset: ArraySlice<UInt8>.Index, in bytes: ArraySlice<UInt8>) -> (Int, Int) {
        var line = 1
        var column = 1
        for byte in bytes[bytes.startIndex..<offset] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {  // count lead bytes only: one per scalar
                column += 1
            }
        }
        return (line, column)
    }

    private static func firstInvalidOffset(in bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8>.Index {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = bytes.startIndex
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
            case .emptyInput:
                return bytes.endIndex
            case .error:
                return offset
            }
        }
    }
}

extension String {
    /// Foundation-free replacement of every occurrence of `target`, matched on UTF-8 bytes:
    /// matching Characters (`firstRange(of:)`) was slow on large texts such as the search
    /// index, and missed a target whose last character a combining mark follows.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        let pattern = Array(target.utf8)
        var source = self
        let replaced = source.withUTF8 { bytes -> String? in
            var output: [UInt8] = []
            var copied = 0
            var index = 0
            let last = bytes.count - pattern.count
            while index <= last {
                if bytes[index] == pattern[0] {
                    var offset = 1
                    while offset < pattern.count, bytes[index + offset] == pattern[offset] { offset += 1 }
                    if offset == pattern.count {
                        if output.isEmpty { output.reserveCapacity(bytes.count + 16) }
                        output.append(contentsOf: bytes[copied..<index])
                        output.append(contentsOf: replacement.utf8)
                        index += pattern.count
                        copied = index
                        continue
                    }
                }
                index += 1
            }
            guard copied > 0 else { return nil }
            output.append(contentsOf: bytes[copied...])
            return String(decoding: output, as: UTF8.self)
        }
        return replaced ?? self
    }
}
