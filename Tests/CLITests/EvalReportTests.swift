import Foundation
import TestFixtures
import Testing

@Suite("eval's per-entry report and cross-validation")
struct EvalReportTests {
    func temporaryFile(_ text: String) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appending(path: "backtalk-eval-\(UUID().uuidString).tsv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    func object(_ bytes: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
    }

    @Test func evalPrintsTheTableTheConfusedPairsAndValidJSON() throws {
        let file = try temporaryFile("causes\twhat causes back spasms\nsleep\tbook me a flight\nout_of_scope\torder a pizza\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CLIRunner.run(["eval", file.path])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("entry         support  answered  precision  recall     f1"))
        #expect(lines.contains("sleep               1         0      0.000   0.000  0.000"))
        #expect(lines.contains("out_of_scope        1         2      0.500   1.000  0.667"))
        #expect(!lines.contains { $0.hasPrefix("causes ") }, "an entry without errors is left out")
        #expect(lines.contains("most confused (expected -> got):"))
        #expect(lines.contains("    1  sleep -> out_of_scope"))
        #expect(lines.contains("per entry:    3 asked about, 1 without errors; macro F1 0.556, weighted F1 0.556"))

        let summary = try CLIRunner.run(["eval", "--summary", file.path])
        #expect(!summary.stdout.contains("most confused"), "--summary prints the figures only")
        #expect(summary.stdout.contains("per entry:"))

        let json = try object(try CLIRunner.run(["eval", "--json", file.path]).stdoutBytes)
        let confusion = try #require(json["confusion"] as? [String: Any])
        let scores = try #require(confusion["scores"] as? [[String: Any]])
        #expect(scores.first?["id"] as? String == "sleep")
        #expect(scores.first { $0["id"] as? String == "out_of_scope" }?["precision"] as? Double == 0.5)
        let pairs = try #require(confusion["confusions"] as? [[String: Any]])
        #expect(pairs.count == 1 && pairs[0]["expected"] as? String == "sleep" && pairs[0]["got"] as? String == "out_of_scope")
        #expect((confusion["macroF1"] as? Double).map { abs($0 - 5.0 / 9) < 1e-9 } == true)
    }

    @Test func evalExplainShowsEachMissesTrace() throws {
        let file = try temporaryFile("sleep\tbook me a flight\ncauses\twhat causes back spasms\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CLIRunner.run(["eval", "--explain", file.path])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let miss = try #require(
            lines.firstIndex {
                $0.hasSuffix("expected sleep, got out_of_scope (1.00): book me a flight") || $0.contains("expected sleep, got out_of_scope")
            })
        #expect(lines[miss + 1] == "    taken as:    out_of_scope (no entry fits)")
        #expect(lines.contains("    decision:    out_of_scope"))
        #expect(!lines.contains { $0.contains("what causes back spasms") }, "only misses are explained")
        let json = try object(try CLIRunner.run(["eval", "--json", file.path]).stdoutBytes)
        let misses = try #require(json["misses"] as? [[String: Any]])
        #expect((misses.first?["understanding"] as? [String: Any])?["kind"] as? String == "out_of_scope")
    }

    @Test func crossValidateReportsFoldsOnAFixture() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "backtalk-cv-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let intents = try Fixture.write(Fixture.withOutOfScope, under: folder).path

        let text = try CLIRunner.run(["eval", "--cross-validate", "3", "--intents", intents])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("in scope:     "))
        #expect(text.stdout.contains("out of scope: "))
        #expect(text.stdout.contains("per entry:    3 asked about"))
        #expect(text.stdout.contains("folds:        3 of 30 examples, seed"))
        #expect(text.stderr.contains("cross-validation: fold 3/3 done"))
        let again = try CLIRunner.run(["eval", "--intents", intents, "--cross-validate", "3"])
        #expect(again.stdout == text.stdout, "the same folds every time")

        // Without a number, five folds.
        let json = try CLIRunner.run(["eval", "--intents", intents, "--json", "--cross-validate"])
        #expect(json.status == 0, "\(json.stderr)")
        let report = try object(json.stdoutBytes)
        let folds = try #require(report["folds"] as? [[String: Any]])
        #expect(folds.map { $0["heldOut"] as? Int } == [6, 6, 6, 6, 6])
        let evaluation = try #require(report["evaluation"] as? [String: Any])
        #expect(evaluation["inScope"] as? Int == 20 && evaluation["outOfScope"] as? Int == 10)
        #expect((evaluation["confusion"] as? [String: Any])?["scores"] is [[String: Any]])
    }
}
