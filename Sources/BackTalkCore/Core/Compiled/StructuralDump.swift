/// Every stored value of a structure as lines of `path = value`, found by
/// reflection, so that two structures can be compared field by field, private
/// ones included, without an `==` that lists the fields (and forgets new ones).
///
/// Sets and dictionaries are listed in an order that does not depend on hashing.
package enum StructuralDump {
    /// The lines of `value`.
    package static func lines(of value: Any) -> [String] {
        var lines: [String] = []
        append(value, path: "", to: &lines)
        return lines
    }

    /// The first line where `first` and `second` differ, or `nil` if they are the same.
    package static func firstDifference(_ first: Any, _ second: Any) -> String? {
        let a = lines(of: first)
        let b = lines(of: second)
        for (left, right) in zip(a, b) where left != right { return "\(left)\n  versus\n\(right)" }
        if a.count != b.count {
            let longer = a.count > b.count ? a : b
            return "one has \(longer.count - min(a.count, b.count)) more lines, from: \(longer[min(a.count, b.count)])"
        }
        return nil
    }

    private static func append(_ value: Any, path: String, to lines: inout [String]) {
        // Long arrays of numbers are summarised by a digest: reflecting each element is slow.
        if let digest = numericDigest(value) {
            lines.append("\(path) = \(digest)")
            return
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .set?:
            let elements = mirror.children.map { child -> [String] in
                var element: [String] = []
                append(child.value, path: "", to: &element)
                return element
            }.map { $0.joined(separator: "; ") }.sorted()
            lines.append("\(path) = set of \(elements.count)")
            for element in elements { lines.append("\(path){\(element)}") }
        case .dictionary?:
            var pairs: [(key: String, lines: [String])] = []
            for child in mirror.children {
                let pair = Mirror(reflecting: child.value).children.map(\.value)
                guard pair.count == 2 else { continue }
                var key: [String] = []
                append(pair[0], path: "", to: &key)
                let keyText = key.joined(separator: "; ")
                var entry: [String] = []
                append(pair[1], path: "\(path)[\(keyText)]", to: &entry)
                pairs.append((keyText, entry))
            }
            lines.append("\(path) = dictionary of \(pairs.count)")
            for pair in pairs.sorted(by: { $0.key < $1.key }) { lines += pair.lines }
        case .collection?:
            lines.append("\(path) = \(mirror.children.count) elements")
            for (index, child) in mirror.children.enumerated() { append(child.value, path: "\(path)[\(index)]", to: &lines) }
        case .optional?:
            if let child = mirror.children.first {
                append(child.value, path: path, to: &lines)
            } else {
                lines.append("\(path) = nil")
            }
        case .enum?:
            if let child = mirror.children.first {
                lines.append("\(path) = .\(child.label ?? "?")")
                append(child.value, path: "\(path).\(child.label ?? "?")", to: &lines)
            } else {
                lines.append("\(path) = \(String(reflecting: value))")
            }
        default:
            if mirror.children.isEmpty {
                lines.append("\(path) = \(String(reflecting: value))")
            } else {
                for (index, child) in mirror.children.enumerated() {
                    append(child.value, path: "\(path).\(child.label ?? String(index))", to: &lines)
                }
            }
        }
    }

    private static func numericDigest(_ value: Any) -> String? {
        func digest<Element>(_ array: [Element], _ bits: (Element) -> UInt64) -> String {
            var hash: UInt64 = 14_695_981_039_346_656_037
            for element in array { hash = (hash ^ bits(element)) &* 1_099_511_628_211 }
            return "\(array.count) numbers, digest \(String(hash, radix: 16))"
        }
        switch value {
        case let array as [Float]: return digest(array) { UInt64($0.bitPattern) }
        case let array as [Double]: return digest(array) { $0.bitPattern }
        case let array as [UInt8]: return digest(array) { UInt64($0) }
        case let array as [UInt32]: return digest(array) { UInt64($0) }
        case let array as [Int32]: return digest(array) { UInt64(bitPattern: Int64($0)) }
        case let array as [Int] where array.count > 16: return digest(array) { UInt64(bitPattern: Int64($0)) }
        default: return nil
        }
    }
}
