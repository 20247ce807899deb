/// How a message is written after `> `: invisible characters become `\u{HEX}`,
/// so that a transcript shows control characters, unreadable bytes (U+FFFD)
/// and trailing spaces instead of hiding them, and a backslash is `\\`.
enum MessageEscaping {
    static func escape(_ message: String) -> String {
        let scalars = Array(message.unicodeScalars)
        // Trailing spaces are escaped too: editors strip them, which would change the message.
        let visibleEnd = (scalars.lastIndex(where: { $0 != " " }) ?? -1) + 1
        var result = ""
        for (position, scalar) in scalars.enumerated() {
            if scalar == "\\" {
                result += "\\\\"
            } else if position >= visibleEnd || isInvisible(scalar) {
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Reads `\\` and `\u{HEX}`; any other backslash is kept as it is, so that a
    /// hand-written `C:\path` means what it says.
    static func unescape(_ text: Substring) -> String? {
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            guard scalar == "\\" else {
                result.append(scalar)
                continue
            }
            if scalars.first == "\\" {
                scalars.removeFirst()
                result.append("\\")
            } else if scalars.starts(with: "u{".unicodeScalars) {
                guard let close = scalars.firstIndex(of: "}") else { return nil }
                let hex = String(String.UnicodeScalarView(scalars[scalars.index(scalars.startIndex, offsetBy: 2)..<close]))
                guard let value = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(value) else { return nil }
                result.append(decoded)
                scalars = scalars[scalars.index(after: close)...]
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFD: true
        default: false
        }
    }
}
