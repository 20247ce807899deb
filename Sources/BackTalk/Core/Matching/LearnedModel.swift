import Foundation

/// A multinomial logistic regression over a message's words, stems, concepts
/// and word pairs, trained on the knowledge base's own examples: it learns how
/// much each feature points to each entry (and to "out of scope", from the
/// knowledge base's own out-of-scope examples).
///
/// Training is deterministic: the same examples give the same weights, so a
/// model compiled at build time equals one trained from the same folder at run time.
struct LearnedModel: Sendable, Hashable {
    /// Classes are the entries in knowledge-base order, then out of scope if there are examples of it.
    let classCount: Int
    /// Feature hash → its row of weights, one per class, kept only where they matter.
    let rows: [UInt32: [Float]]
    let bias: [Float]

    struct Settings: Sendable, Hashable {
        var epochs = 30
        var learningRate: Float = 0.5
        var l2: Float = 1e-5
        /// Weights smaller than this are dropped after training, to keep the model small.
        var pruneBelow: Float = 1e-3
    }

    /// The features of an analysed message: its terms (stems and concepts), every
    /// word's stem (question words included), and adjacent stem pairs.
    static func features(_ text: AnalyzedText) -> [UInt32] {
        var result = Set<UInt32>()
        for term in text.terms { result.insert(hash("t", term.key)) }
        for (index, stem) in text.stems.enumerated() {
            result.insert(hash("s", stem))
            if index + 1 < text.stems.count, text.tokens[index].sentence == text.tokens[index + 1].sentence {
                result.insert(hash("b", stem + " " + text.stems[index + 1]))
            }
        }
        return result.sorted()
    }

    /// The features of the sentences `sentences` of a message, with `terms` as its terms.
    static func features(_ text: AnalyzedText, sentences: Range<Int>?, terms: [Term]) -> [UInt32] {
        guard let sentences else { return features(text) }
        var part = text
        let keep = text.tokens.indices.filter { sentences.contains(text.tokens[$0].sentence) }
        part.tokens = keep.map { text.tokens[$0] }
        part.stems = keep.map { text.stems[$0] }
        part.terms = terms
        return features(part)
    }

    /// FNV-1a over a kind letter and a key: stable across runs and platforms.
    static func hash(_ kind: Character, _ key: String) -> UInt32 {
        var value: UInt32 = 2_166_136_261
        for byte in kind.utf8 { value = (value ^ UInt32(byte)) &* 16_777_619 }
        value = (value ^ 0x3A) &* 16_777_619
        for byte in key.utf8 { value = (value ^ UInt32(byte)) &* 16_777_619 }
        return value
    }

    /// The probability of each class for `features`.
    func probabilities(_ features: [UInt32]) -> [Float] {
        var scores = bias
        for feature in features {
            guard let row = rows[feature] else { continue }
            for index in 0..<classCount { scores[index] += row[index] }
        }
        return Self.softmax(scores)
    }

    static func softmax(_ scores: [Float]) -> [Float] {
        let top = scores.max() ?? 0
        var exps = scores.map { exp($0 - top) }
        let sum = exps.reduce(0, +)
        for index in exps.indices { exps[index] /= sum }
        return exps
    }

    /// Trains on `examples` (features and class) by stochastic gradient descent
    /// with L2, in an order fixed by a seeded shuffle.
    static func train(_ examples: [(features: [UInt32], label: Int)], classCount: Int,
                      settings: Settings = Settings()) -> LearnedModel {
        var index: [UInt32: Int] = [:]
        for example in examples { for feature in example.features where index[feature] == nil { index[feature] = index.count } }
        let featureCount = index.count
        var weights = [Float](repeating: 0, count: featureCount * classCount)
        var bias = [Float](repeating: 0, count: classCount)
        let encoded = examples.map { example in (example.features.compactMap { index[$0] }, example.label) }
        var order = Array(encoded.indices)
        var random = SplitMix(seed: 0x5EED)
        var scores = [Float](repeating: 0, count: classCount)
        for epoch in 0..<settings.epochs {
            // Fisher–Yates with a fixed seed: the same order on every machine.
            for position in stride(from: order.count - 1, to: 0, by: -1) {
                order.swapAt(position, Int(random.next() % UInt64(position + 1)))
            }
            let rate = settings.learningRate / (1 + Float(epoch) * 0.2)
            for item in order {
                let (features, label) = encoded[item]
                guard !features.isEmpty else { continue }
                for c in 0..<classCount { scores[c] = bias[c] }
                for feature in features {
                    let base = feature * classCount
                    for c in 0..<classCount { scores[c] += weights[base + c] }
                }
                let probabilities = softmax(scores)
                let step = rate / Float(features.count).squareRoot()
                for c in 0..<classCount {
                    let gradient = probabilities[c] - (c == label ? 1 : 0)
                    bias[c] -= rate * gradient * 0.1
                    guard abs(gradient) > 1e-6 else { continue }
                    for feature in features {
                        let slot = feature * classCount + c
                        weights[slot] -= step * (gradient + settings.l2 * weights[slot])
                    }
                }
            }
        }
        var rows: [UInt32: [Float]] = [:]
        for (feature, row) in index {
            let values = Array(weights[row * classCount..<(row + 1) * classCount])
            if values.contains(where: { abs($0) >= settings.pruneBelow }) { rows[feature] = values }
        }
        return LearnedModel(classCount: classCount, rows: rows, bias: bias)
    }
}

/// A small deterministic random number generator (SplitMix64).
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1330_11EB
        return z ^ (z >> 31)
    }
}
