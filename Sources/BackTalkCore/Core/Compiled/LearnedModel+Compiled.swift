extension LearnedModel: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(classCount)
        writer.write(features)
        // Packed as an array of floats is, so that either way reads back the same.
        writer.write(UInt64(weights.count))
        if let packed = weights.packedBytes {
            packed.withBytes { writer.append(Array($0)) }
        } else {
            for weight in weights.floats { writer.write(weight) }
        }
        writer.write(bias)
        writer.write(fingerprint)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        let classCount: Int = try reader.read()
        let features: NumberList = try reader.read()
        let count = try reader.readCount()
        // Left packed: a reply unpacks only the rows of its words.
        let weights = WeightTable(packed: try reader.readPacked(count * WeightTable.packedWidth), count: count)
        self.init(
            classCount: classCount, features: features, weights: weights, bias: try reader.read(),
            fingerprint: try reader.read())
        guard weights.count == features.count * classCount, bias.count == classCount else {
            throw CompiledFormError("the learnt model in the compiled knowledge base is malformed")
        }
    }
}
