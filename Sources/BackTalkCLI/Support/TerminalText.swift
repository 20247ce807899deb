/// Text made safe to print: nothing a user or a file supplied can move the
/// cursor, change colours or ring the bell.
enum TerminalText {
    /// `text` with escape sequences removed and other control characters shown as `?`.
    static func sanitized(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar.value {
            case 0x1B:
                // Drop a whole CSI sequence (ESC [ ... final byte), not just the ESC.
                if let next = scalars.next(), next == "[" {
                    while let s = scalars.next(), !(0x40...0x7E).contains(s.value) {}
                }
                result.append("?")
            case 0x0A, 0x09:
                result.append(scalar)
            case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029:
                result.append("?")
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }
}
