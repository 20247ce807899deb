import Foundation

/// A multinomial logistic regression over a message's words, stems, concepts
/// and word pairs, trained on the knowledge base's own examples: it learns how
/// much each feature points to each entry (and to "out of scope", from the
/// knowledge base's own out-of-scope examples).
///
/// Training is deterministic: the same examples give the same weights, so a
/// model compiled at build time equals one trained from the same folder at run time.
package struct LearnedModel: Sendable, Hashable {
    /// Classes are the entries in knowledge-base order, then out of scope if there are examples of it.
    let classCount: Int
    /// Feature hashes, sorted, of the features that matter; their weights are
    /// `weights[position * classCount ..< (position + 1) * classCount]`.
    ///
    /// Read, like the weights, where the compiled form lies: a reply searches a few of them.
    let features: NumberList
    let weights: WeightTable
    let bias: [Float]
    /// A digest of what the model was trained on, so that a model compiled at
    /// build time is used only with the files it was learnt from.
    package let fingerprint: UInt64
    /// The probability of each class for a message with no feature the model knows: the softmax of the bias.
    let priorProbabilities: [Float]
    /// The classes in order of `priorProbabilities`, most probable first, ties to the earlier class.
    let priorOrder: [Int32]

    init(classCount: Int, features: [UInt32], weights: [Float], bias: [Float], fingerprint: UInt64) {
        self.init(
            classCount: classCount, features: NumberList(features.map(Int.init)), weights: WeightTable(weights), bias: bias,
            fingerprint: fingerprint)
    }

    init(classCount: Int, features: NumberList, weights: WeightTable, bias: [Float], fingerprint: UInt64) {
        self.classCount = classCount
        self.features = features
        self.weights = weights
        self.bias = bias
        self.fingerprint = fingerprint
        let prior = Self.softmax(bias)
        priorProbabilities = prior
        // An array sorted in place, compared without tuples: sorting a range, or comparing tuples,
        // makes their types at run time by searching the program's conformances, at every start.
        var order: [Int32] = []
        order.reserveCapacity(prior.count)
        for index in 0..<prior.count { order.append(Int32(index)) }
        order.sort { prior[Int($0)] != prior[Int($1)] ? prior[Int($0)] > prior[Int($1)] : $0 < $1 }
        priorOrder = order
    }

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
        for (index, stem) in text.stems.enumerated() where !text.ignoredTokens.contains(index) {
            result.insert(hash("s", stem))
            if index + 1 < text.stems.count, !text.ignoredTokens.contains(index + 1),
                text.tokens[index].sentence == text.tokens[index + 1].sentence
            {
                result.insert(hash("b", stem, " ", text.stems[index + 1]))
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
        part.ignoredTokens = Set(keep.indices.filter { text.ignoredTokens.contains(keep[$0]) })
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

    /// The same as `hash(kind, first + separator + second)`, without joining the three.
    static func hash(_ kind: Character, _ first: String, _ separator: String, _ second: String) -> UInt32 {
        var value: UInt32 = 2_166_136_261
        for byte in kind.utf8 { value = (value ^ UInt32(byte)) &* 16_777_619 }
        value = (value ^ 0x3A) &* 16_777_619
        for byte in first.utf8 { value = (value ^ UInt32(byte)) &* 16_777_619 }
        for byte in separator.utf8 { value = (value ^ UInt32(byte)) &* 16_777_619 }
        for byte in second.utf8 { value = (value ^ UInt32(byte)) &* 16_777_619 }
        return value
    }

    /// The probability of each class for `features`.
    func probabilities(_ message: [UInt32]) -> [Float] {
        probabilities(ifAny: message) ?? priorProbabilities
    }

    /// The probability of each class for `features`, or `nil` if the model knows
    /// none of them (every class then has its ``priorProbabilities``).
    func probabilities(ifAny message: [UInt32]) -> [Float]? {
        var scores: [Float] = []
        var known = false
        for feature in message {
            guard let row = row(of: feature) else { continue }
            if !known { scores = bias }
            known = true
            weights.add(from: row * classCount, to: &scores)
        }
        return known ? Self.softmax(scores) : nil
    }

    /// Where `feature`'s weights are, by binary search over the sorted features.
    private func row(of feature: UInt32) -> Int? {
        var low = 0
        var high = features.count
        while low < high {
            let middle = (low + high) / 2
            if features[middle] < Int(feature) { low = middle + 1 } else { high = middle }
        }
        return low < features.count && features[low] == Int(feature) ? low : nil
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
    static func train(
        _ examples: [(features: [UInt32], label: Int)], classCount: Int,
        settings: Settings = Settings(), fingerprint: UInt64
    ) -> LearnedModel {
        var index: [UInt32: Int] = [:]
        for example in examples { for feature in example.features where index[feature] == nil { index[feature] = index.count } }
        let featureCount = index.count
        var weights = [Float](repeating: 0, count: featureCount * classCount)
        var bias = [Float](repeating: 0, count: classCount)
        let encoded = examples.map { example in (example.features.compactMap { index[$0] }, example.label) }
        // Each class weighs the same however many examples it has: a broad topic
        // with forty examples must not drown a specific one with twenty.
        var sizes = [Int](repeating: 0, count: classCount)
        for example in examples { sizes[example.label] += 1 }
        let meanSize = Float(examples.count) / Float(max(1, sizes.filter { $0 > 0 }.count))
        let classWeight = sizes.enumerated().map { label, size in
            // The out-of-scope class, last, keeps its many examples' weight: the world outside is wide.
            size == 0 ? 0 : label == classCount - 1 && size > 3 * Int(meanSize) ? 1 : min(2, meanSize / Float(size))
        }
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
                let step = rate * classWeight[label] / Float(features.count).squareRoot()
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
        var kept: [UInt32] = []
        var keptWeights: [Float] = []
        for (feature, row) in index.sorted(by: { $0.key < $1.key }) {
            let values = weights[row * classCount..<(row + 1) * classCount]
            guard values.contains(where: { abs($0) >= settings.pruneBelow }) else { continue }
            kept.append(feature)
            keptWeights.append(contentsOf: values)
        }
        return LearnedModel(classCount: classCount, features: kept, weights: keptWeights, bias: bias, fingerprint: fingerprint)
    }

    /// A digest of training texts and their classes (FNV-1a, 64 bits).
    static func fingerprint(_ texts: [(text: String, label: Int)], settings: Settings = Settings()) -> UInt64 {
        var value: UInt64 = 14_695_981_039_346_656_037
        func mix(_ bytes: some Sequence<UInt8>) { for byte in bytes { value = (value ^ UInt64(byte)) &* 1_099_511_628_211 } }
        mix("\(settings)".utf8)
        for (text, label) in texts {
            mix(text.utf8)
            mix("\u{1}\(label)\u{2}".utf8)
        }
        return value
    }
}

/// A small deterministic random number generator (SplitMix64).
package struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    package init(seed: UInt64) { state = seed }
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1330_11EB
        return z ^ (z >> 31)
    }
}
