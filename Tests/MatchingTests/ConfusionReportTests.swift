import BackTalk
import Foundation
import TestFixtures
import Testing

@testable import BackTalkAuthoring

@Suite("Per-entry precision, recall and F1")
struct ConfusionReportTests {
    typealias Outcome = ConfusionReport.Outcome

    func score(_ report: ConfusionReport, _ id: String) throws -> ConfusionReport.Score {
        try #require(report.scores.first { $0.id == id })
    }

    @Test func figuresMatchACountByHand() throws {
        let outcomes =
            Array(repeating: Outcome(expected: "heat", got: "heat"), count: 3) + [
                Outcome(expected: "heat", got: "sleep"),
                Outcome(expected: "sleep", got: "sleep"),
                Outcome(expected: "sleep", got: "clarify"),
                Outcome(expected: "out_of_scope", got: "out_of_scope"),
                Outcome(expected: "out_of_scope", got: "heat"),
            ]
        let report = ConfusionReport(outcomes: outcomes, labels: ["heat", "sleep", "out_of_scope"])
        // heat: 4 asked, 3 right, answered 4 times (once for out_of_scope).
        let heat = try score(report, "heat")
        #expect((heat.support, heat.predicted, heat.correct) == (4, 4, 3))
        #expect(heat.precision == 0.75 && heat.recall == 0.75 && heat.f1 == 0.75)
        // sleep: 2 asked, 1 right; answered twice (once for heat). "clarify" is no entry: a miss only.
        let sleep = try score(report, "sleep")
        #expect((sleep.support, sleep.predicted, sleep.correct) == (2, 2, 1))
        #expect(sleep.precision == 0.5 && sleep.recall == 0.5 && sleep.f1 == 0.5)
        let away = try score(report, "out_of_scope")
        #expect(away.precision == 1 && away.recall == 0.5 && abs(away.f1 - 2.0 / 3) < 1e-12)
        #expect(!report.scores.contains { $0.id == "clarify" })
        #expect(report.scores.map(\.id) == ["sleep", "out_of_scope", "heat"], "worst F1 first")
        #expect(
            report.confusions.map { "\($0.expected)>\($0.got)x\($0.count)" } == ["heat>sleepx1", "out_of_scope>heatx1", "sleep>clarifyx1"])
        #expect(abs(report.macroF1 - (0.75 + 0.5 + 2.0 / 3) / 3) < 1e-12)
        #expect(abs(report.weightedF1 - (0.75 * 4 + 0.5 * 2 + 2.0 / 3 * 2) / 8) < 1e-12)
    }

    @Test func anEntryOnlyEverGivenWronglyScoresZero() throws {
        let report = ConfusionReport(
            outcomes: [Outcome(expected: "heat", got: "sleep"), Outcome(expected: "heat", got: "sleep")],
            labels: ["heat", "sleep"])
        let sleep = try score(report, "sleep")
        #expect((sleep.support, sleep.predicted, sleep.correct, sleep.f1) == (0, 2, 0, 0))
        #expect(report.confusions.first?.count == 2)
        #expect(report.macroF1 == 0, "only heat was asked about")
    }

    @Test func evaluatingAFixtureFileScoresEachEntry() throws {
        let engine = Engine(knowledgeBase: try KnowledgeBase(files: Fixture.valid))
        let tsv = """
            heat\tshould i put heat on my back
            sleep\thow should i sleep with a sore back
            sleep\tshould i put heat on my back
            out_of_scope\torder a pizza
            """
        let report = try engine.evaluate(tsv: tsv, file: "fixture.tsv")
        let heat = try score(report.confusion, "heat")
        let sleep = try score(report.confusion, "sleep")
        #expect((heat.support, heat.predicted, heat.correct) == (1, 2, 1))
        #expect(heat.precision == 0.5 && heat.recall == 1)
        #expect((sleep.support, sleep.predicted, sleep.correct) == (2, 1, 1))
        #expect(sleep.precision == 1 && sleep.recall == 0.5)
        #expect(try score(report.confusion, "out_of_scope").isPerfect)
        #expect(report.confusion.confusions.map { "\($0.expected)>\($0.got)" } == ["sleep>heat"])
        #expect(report.misses.map(\.line) == [3])
    }
}

@Suite("Cross-validation over the examples")
struct CrossValidationTests {
    @Test func foldsAreStratifiedAndTheSameEveryTime() {
        let sizes = [10, 7, 3, 0, 12, 5]
        let assignment = KnowledgeBase.foldAssignment(classSizes: sizes, folds: 5, seed: 42)
        #expect(assignment == KnowledgeBase.foldAssignment(classSizes: sizes, folds: 5, seed: 42))
        #expect(assignment != KnowledgeBase.foldAssignment(classSizes: sizes, folds: 5, seed: 43))
        #expect(assignment.map(\.count) == sizes)
        for (size, folds) in zip(sizes, assignment) {
            let counts = (0..<5).map { fold in folds.filter { $0 == fold }.count }
            if size >= 5 { #expect(counts.allSatisfy { $0 > 0 }, "a class of \(size) is in every fold: \(counts)") }
            #expect(counts.max()! - counts.min()! <= 1, "a class is dealt evenly: \(counts)")
        }
        let foldSizes = (0..<5).map { fold in assignment.joined().filter { $0 == fold }.count }
        #expect(foldSizes.max()! - foldSizes.min()! <= 1, "the folds are the same size: \(foldSizes)")
    }

    @Test func aFoldLearnsOnlyFromItsTrainingExamples() throws {
        let knowledgeBase = try KnowledgeBase(files: Fixture.withOutOfScope)
        let training = knowledgeBase.keepingExamples { _, example in example % 2 == 0 }
        #expect(training.entry(id: "heat")?.examples == Fixture.heatExamples.enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
        #expect(training.exampleClasses.last?.examples.count == 5)
        #expect(training.learnedModel.fingerprint != knowledgeBase.learnedModel.fingerprint)
    }

    @Test func crossValidatingAFixtureIsDeterministic() throws {
        let knowledgeBase = try KnowledgeBase(files: Fixture.withOutOfScope)
        var progress: [Int] = []
        let report = try knowledgeBase.crossValidate(folds: 3) { done, _ in progress.append(done) }
        #expect(progress == [1, 2, 3])
        #expect(report == (try knowledgeBase.crossValidate(folds: 3)))
        #expect(report.folds.map(\.heldOut) == [10, 10, 10])
        #expect((report.evaluation.inScope, report.evaluation.outOfScope) == (20, 10))
        #expect(report.evaluation.accuracy >= 0.9 && report.evaluation.rejectionRate >= 0.9)
        #expect(report.evaluation.confusion.scores.map(\.support).sorted() == [10, 10, 10])
        for miss in report.evaluation.misses {
            #expect(miss.file?.hasPrefix("KB/") == true && miss.line > 0)
        }
    }

    @Test func everyExampleIsKnownByItsFileAndLine() throws {
        let files = Fixture.withOutOfScope
        let classes = try KnowledgeBase(files: files).exampleClasses
        #expect(classes.map(\.label) == ["heat", "sleep", "out_of_scope"])
        for kind in classes {
            let text = try #require(files.first { $0.path == kind.file }).text
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(kind.lines.count == kind.examples.count)
            for (example, line) in zip(kind.examples, kind.lines) { #expect(lines[line - 1].hasSuffix(example)) }
        }
    }

    @Test func fewerThanTwoFoldsIsAnError() throws {
        let knowledgeBase = try KnowledgeBase(files: Fixture.withOutOfScope)
        #expect(throws: CrossValidationError.self) { try knowledgeBase.crossValidate(folds: 1) }
        #expect(throws: CrossValidationError.self) { try knowledgeBase.crossValidate(folds: 31) }
    }
}
