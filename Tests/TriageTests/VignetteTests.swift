import BackTalk
import BackTalkAuthoring
import Foundation
import Testing

/// The triage measured on clinical vignettes written apart from its rules
/// (`Tests/Vignettes`): a clinician's level for each opening of a conversation.
@Suite("Clinical vignettes")
struct VignetteTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Vignettes")

    /// Every vignette file; files whose name starts with `hidden` are the
    /// held-out check, whose rows are never printed.
    static func files() throws -> [(name: String, text: String)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tsv") }.sorted()
        return try names.map { ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) }
    }

    @Test func theWholeSetMeetsTheSafetyBar() throws {
        let engine = try Engine()
        var results: [VignetteReport.Result] = []
        var hidden = Set<String>()
        for (name, text) in try Self.files() {
            let report = try engine.evaluateVignettes(tsv: text, file: name)
            if name.hasPrefix("hidden") { hidden.formUnion(report.results.map(\.id)) }
            results += report.results
        }
        let report = VignetteReport(results: results)
        #expect(results.count >= 300)
        #expect(results.filter { $0.group.hasPrefix("trap") }.count >= 80)
        func describe(_ rows: [VignetteReport.Result]) -> String {
            rows.map {
                hidden.contains($0.id)
                    ? "\($0.id) (held out)" : "\($0.id): \($0.messages.joined(separator: " / ")) -> \($0.reached.rawValue)"
            }
            .joined(separator: "\n")
        }
        let missed = results.filter { $0.gold == .emergency && !$0.emergencyEarly }
        #expect(report.emergencySensitivity == 1, "emergencies missed:\n\(describe(missed))")
        #expect(report.safe >= 0.97, "unsafe:\n\(describe(results.filter { !$0.isSafe }))")
        #expect(
            report.falseEmergencies <= 0.03,
            "false emergencies:\n\(describe(results.filter { ($0.gold == .selfCare || $0.gold == .seeDoctor) && $0.reached == .emergency }))"
        )
        #expect(report.overTriage <= 0.15)
    }

    @Test func everyRowOfTheTableHasFivePhrasingsAndEveryGroupIsCovered() throws {
        let engine = try Engine()
        var groups: [String: Int] = [:]
        for (name, text) in try Self.files() {
            for result in try engine.evaluateVignettes(tsv: text, file: name).results { groups[result.group, default: 0] += 1 }
        }
        for row in try KnowledgeBase.bundled().clinicalRows {
            #expect((groups[row] ?? 0) >= 5, "\(row) has \(groups[row] ?? 0) vignettes")
        }
    }
}
