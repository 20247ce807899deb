/// The examples of an entry or of a triage rule: in hand, or still in the embedded compiled
/// form, read the first time anything asks for them (authoring does; replies never do).
///
/// It compares, hashes, encodes and reflects as its strings, wherever they are.
struct ExampleList: Sendable, Hashable, Codable, CustomReflectable {
    private enum Storage: Sendable {
        case strings([String])
        case deferred(DeferredExamples, index: Int)
    }

    private let storage: Storage

    /// Examples in hand.
    init(_ strings: [String]) {
        storage = .strings(strings)
    }

    /// The list at `index` of examples still in the compiled form.
    init(deferred table: DeferredExamples, at index: Int) {
        storage = .deferred(table, index: index)
    }

    /// The examples, read now if they have not been.
    var strings: [String] {
        switch storage {
        case .strings(let strings): return strings
        case .deferred(let table, let index): return table.list(at: index)
        }
    }

    static func == (left: ExampleList, right: ExampleList) -> Bool {
        // The same list of the same table is equal without reading it.
        if case .deferred(let leftTable, let leftIndex) = left.storage, case .deferred(let rightTable, let rightIndex) = right.storage,
            leftTable === rightTable, leftIndex == rightIndex
        {
            return true
        }
        return left.strings == right.strings
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(strings)
    }

    init(from decoder: any Decoder) throws {
        self.init(try [String](from: decoder))
    }

    func encode(to encoder: any Encoder) throws {
        try strings.encode(to: encoder)
    }

    var customMirror: Mirror {
        Mirror(self, unlabeledChildren: strings, displayStyle: .collection)
    }
}
