// The logic behind `KnowledgeBase.crossValidate(folds:seed:progress:)`: the folds and the retraining.

extension KnowledgeBase {
    func runCrossValidation(
        folds: Int, seed: UInt64,
        progress: (_ done: Int, _ folds: Int) -> Void
    )
        throws(CrossValidationError) -> CrossValidationReport
    {
        guard folds >= 2 else { throw CrossValidationError(description: "cross-validation needs at least 2 folds, not \(folds)") }
        let classes = exampleClasses
        let total = classes.map(\.examples.count).reduce(0, +)
        guard folds <= total else {
            throw CrossValidationError(description: "\(folds) folds, but the knowledge base has only \(total) examples")
        }
        let assignment = Self.foldAssignment(classSizes: classes.map(\.examples.count), folds: folds, seed: seed)
        let labels = Engine(knowledgeBase: self).scoredLabels

        var report = CrossValidationReport(seed: seed)
        var outcomes: [ConfusionReport.Outcome] = []
        for fold in 0..<folds {
            let training = keepingExamples { assignment[$0][$1] != fold }
            var heldOut: [LabelledQuestion] = []
            for (position, kind) in classes.enumerated() {
                for (index, example) in kind.examples.enumerated() where assignment[position][index] == fold {
                    heldOut.append(
                        LabelledQuestion(
                            file: kind.file, line: kind.lines.indices.contains(index) ? kind.lines[index] : 0,
                            labels: [kind.label], question: example))
                }
            }
            let (part, partOutcomes) = Engine(knowledgeBase: training).evaluate(heldOut)
            report.folds.append(.init(heldOut: heldOut.count, right: part.inScopeCorrect + part.outOfScopeRejected))
            report.evaluation.inScope += part.inScope
            report.evaluation.inScopeCorrect += part.inScopeCorrect
            report.evaluation.clarified += part.clarified
            report.evaluation.outOfScope += part.outOfScope
            report.evaluation.outOfScopeRejected += part.outOfScopeRejected
            report.evaluation.misses += part.misses
            outcomes += partOutcomes
            progress(fold + 1, folds)
        }
        report.evaluation.misses.sort { ($0.file ?? "", $0.line) < ($1.file ?? "", $1.line) }
        report.evaluation.confusion = ConfusionReport(outcomes: outcomes, labels: labels)
        return report
    }

    /// The fold of each example of each class.
    ///
    /// A class's examples are shuffled and dealt round the folds, starting where
    /// the previous class stopped so that the folds stay the same size.
    static func foldAssignment(classSizes: [Int], folds: Int, seed: UInt64) -> [[Int]] {
        var random = SplitMix(seed: seed)
        var next = 0
        return classSizes.map { size in
            var order = Array(0..<size)
            for position in stride(from: size - 1, to: 0, by: -1) {
                order.swapAt(position, Int(random.next() % UInt64(position + 1)))
            }
            var assignment = [Int](repeating: 0, count: size)
            for (turn, example) in order.enumerated() { assignment[example] = (next + turn) % folds }
            next = (next + size) % folds
            return assignment
        }
    }
}
