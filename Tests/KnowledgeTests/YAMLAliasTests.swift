import BackTalk
import BackTalkAuthoring
import Foundation
import TestFixtures
import Testing

@testable import BackTalkCore

/// Anchors and aliases are refused before the YAML library can expand them.
@Suite("YAML anchors and aliases")
struct YAMLAliasTests {
    /// Ten levels of ten aliases each, the last used as a mapping key: 10^10 nodes
    /// that the YAML library hashes in full when it composes the file.
    static let aliasBomb = """
        a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol,lol]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]
        h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]
        i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h,*h]
        j: &j [*i,*i,*i,*i,*i,*i,*i,*i,*i,*i]
        ? *j
        : boom

        """

    // A hang here would be the bug; the limit turns it into a failure.
    @Test(.timeLimit(.minutes(1)))
    func theAliasBombIsRefusedWithItsFileAndLine() {
        let diagnostics = KnowledgeBase.lint(files: Fixture.replacing("KB/entries/heat.yaml", with: Self.aliasBomb))
        let first = diagnostics.first { $0.file == "KB/entries/heat.yaml" }
        #expect(first?.line == 1)
        #expect(first?.message.hasPrefix("an anchor (&name): anchors and aliases are not allowed in the knowledge base") == true)
    }

    @Test(.timeLimit(.minutes(1)))
    func anAliasInAnEntryIsRefusedAtItsLine() throws {
        let text = Fixture.entry("heat", title: "Heat", examples: Fixture.heatExamples).text
            .replacingOccurrences(of: "sources: [NHS back pain]", with: "sources: *shared")
        let error = #expect(throws: KnowledgeBaseError.self) {
            try KnowledgeBase(files: Fixture.replacing("KB/entries/heat.yaml", with: text))
        }
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("sources:") }.map { $0 + 1 }
        #expect(
            error?.diagnostics.first?.description.hasPrefix("KB/entries/heat.yaml:\(line ?? 0): an alias (*name)") == true,
            "\(error?.description ?? "")")
    }

    @Test(
        "Anchors and aliases wherever a node can start",
        arguments: [
            ("k: *a\n", 1, "*"),
            ("x: 1\nk: &a value\n", 2, "&"),
            ("k:\n  - one\n  - *a\n", 3, "*"),
            ("k: [one, *a]\n", 1, "*"),
            ("k: {a: *b}\n", 1, "*"),
            ("k: {\"a\":*b}\n", 1, "*"),
            ("? *a\n: v\n", 1, "*"),
            ("*a : v\n", 1, "*"),
            ("k: !!str &a v\n", 1, "&"),
            ("k: &a\n  x: 1\n", 1, "&"),
            ("k: &a\n  - 1\n", 1, "&"),
            ("a: 1\r\nb: 2\rc: *x\n", 3, "*"),
            ("\u{FEFF}k: *a\n", 1, "*"),
        ] as [(String, Int, Character)])
    func found(text: String, line: Int, indicator: Character) {
        #expect(YAMLAliasCheck.first(in: text) == YAMLAliasCheck.Finding(line: line, indicator: indicator))
    }

    @Test(
        "A * or & that is text is not an alias",
        arguments: [
            "title: R&D for a sore back\n",
            "answer: see *note* and A & B, 3 * 4 = 12\n",
            "answer: \"*quoted* &text\"\n",
            "answer: '*single* &quoted'\n",
            "answer: |\n  *Ice* helps.\n  &more\n  - *star* item\n",
            "answer: >\n  *folded* &text\n",
            "# a comment with *stars* and &ampersands\nk: v # and *here*\n",
            "examples: [rock & roll, \"*x\"]\n",
            "k: foo\n  *continued\n",
            "k: a*b&c\n",
        ])
    func notFound(text: String) {
        #expect(YAMLAliasCheck.first(in: text) == nil)
    }

    @Test func theBundledKnowledgeBaseHasNoneAndStillLoads() throws {
        let files = KnowledgeBase.bundledFiles
        #expect(files.allSatisfy { YAMLAliasCheck.first(in: $0.text) == nil })
        _ = try KnowledgeBase.bundled()
    }
}
