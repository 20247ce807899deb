import BackTalk
import BackTalkAuthoring
import Foundation
import Testing

@Suite("The bundled knowledge base")
struct BundledKnowledgeTests {
    static let requiredIDs = [
        "definition", "symptoms", "causes", "underlying_conditions", "risk_factors", "red_flags",
        "when_to_see_doctor", "diagnosis", "treatment", "medication", "heat_cold", "home_remedies",
        "exercise_stretching", "alternative_therapies", "prevention", "hydration_nutrition", "posture_lifting",
        "duration", "worsening_factors", "location", "sleep", "stress", "other_muscle_spasms", "living_with",
        "pregnancy", "greeting", "thanks", "goodbye", "capabilities",
    ]

    @Test func lintsClean() throws {
        let diagnostics = KnowledgeBase.lint(files: KnowledgeBase.bundledFiles)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description).joined(separator: "\n"))")
    }

    @Test func hasEveryRequiredEntry() throws {
        let ids = Set(try KnowledgeBase.bundled().entries.map(\.id))
        for id in Self.requiredIDs { #expect(ids.contains(id), "missing entry \(id)") }
    }

    @Test func topicsCiteASeedArticleOrAnAuthority() throws {
        for entry in try KnowledgeBase.bundled().entries where entry.kind == .topic {
            #expect(!entry.sources.isEmpty, "\(entry.id) has no sources")
            #expect(entry.examples.count >= 10, "\(entry.id) has \(entry.examples.count) examples")
        }
    }

    @Test func everySeedSectionIsMappedToAnEntryOrLeftOutWithAReason() throws {
        let map = try String(contentsOf: repositoryRoot.appending(path: "Intents/coverage.md"), encoding: .utf8)
        for seed in ["000_", "001_", "002_", "003_", "004_"] {
            #expect(map.contains("## \(seed)"), "coverage.md does not map seed \(seed)")
        }
        let ids = Set(try KnowledgeBase.bundled().entries.map(\.id))
        // Rows: | seed section | entry ids | note |
        let rows = map.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| seed section") }
        #expect(rows.count > 50)
        for row in rows {
            let cells = row.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 4 else {
                Issue.record("malformed row: \(row)")
                continue
            }
            let entries = cells[2]
            if entries == "-" {
                #expect(cells[3].hasPrefix("left out"), "a section with no entry needs a reason: \(row)")
                continue
            }
            for id in entries.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                #expect(ids.contains(id), "coverage.md names unknown entry `\(id)` in: \(row)")
            }
        }
    }

    @Test("Emergency advice names the emergency numbers", arguments: ["red_flags", "when_to_see_doctor"])
    func emergencyNumbers(id: String) throws {
        let answer = try #require(try KnowledgeBase.bundled().entry(id: id)).answer
        #expect(answer.contains("999") && answer.contains("911") && answer.contains("112"))
    }

    @Test func correctsTheSeedErrors() throws {
        let kb = try KnowledgeBase.bundled()
        let conditions = try #require(kb.entry(id: "underlying_conditions")).answer.lowercased()
        #expect(conditions.contains("narrow"), "stenosis is a narrowing, not a curvature")
        #expect(!conditions.contains("skull"), "a spinal abscess is not inside the skull")
        let heat = try #require(kb.entry(id: "heat_cold")).answer.lowercased()
        #expect(heat.contains("towel"))
        #expect(heat.contains("never"))
    }
}

/// The repository's top folder, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
