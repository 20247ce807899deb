import Yams

/// The words the message reader looks for around numbers and within cue scopes.
///
/// Read from `reading_words` in `triage/context.yaml`: which words make a
/// number an age, weeks of pregnancy or how often, and which words stop a
/// cue's reach. Each list holds words as the tokenizer gives them (lower case,
/// contractions expanded), so a second language lists its own.
struct ReadingWords: Sendable {
    /// Words for years after a number: "15 years old".
    var years: Set<String> = []
    /// What follows "N years" to make it an age, each a phrase of words: "old", "of age".
    var ageAfterYears: [[String]] = []
    /// Words before a number that make it an age: "aged 40", "age 40".
    var ageBefore: Set<String> = []
    /// Verbs before a number that make it an age unless a unit follows: "I'm 72", "she turned 80".
    var ageVerbs: Set<String> = []
    /// Words before "N years" that make it an age: "I have 29 years".
    var yearsHad: Set<String> = []
    /// Words that date an event back from now: "3 weeks ago".
    var ago: Set<String> = []
    /// Words after "N weeks" or "N months" that make it a pregnancy: "33 weeks pregnant", "8 months gone".
    var pregnantAfter: Set<String> = []
    /// Words before "N weeks" that make it a pregnancy: "I'm 32 weeks", "at 33 weeks".
    var pregnancyWeeksBefore: Set<String> = []
    /// Words after "N weeks" that undo ``pregnancyWeeksBefore``: "I'm 3 weeks into physio".
    var notPregnancyAfter: Set<String> = []
    /// Words before a number with a unit that make it how often, not how long: "twice a year".
    var howOften: Set<String> = []
    /// Possessive words before a decade that make it an age: "in my 70s".
    var decadeOwners: Set<String> = []
    /// Words shortly before a duration that make it the pain's: "been bad for 6 weeks".
    var lasting: Set<String> = []
    /// Words that join: "and" ends a negation, a history or a resolution, and
    /// "18 and never had back pain" makes the number an age.
    var and: Set<String> = []
    /// Words that offer alternatives: a negation reaches across a comma into the last item after them.
    var or: Set<String> = []
    /// Words that stop a history cue reaching back: "since".
    var historyStopsBack: Set<String> = []
    /// Words that, second in a sentence, make a question start an instruction: "do not lift".
    var notAQuestionAfterStart: Set<String> = []

    /// The fields of `reading_words`, each a list of words.
    static let keys: [String] = [
        "years", "age_after_years", "age_before", "age_verbs", "years_had", "ago", "pregnant_after", "pregnancy_weeks_before",
        "not_pregnancy_after", "how_often", "decade_owners", "lasting", "and", "or", "history_stops_back",
        "not_a_question_after_start",
    ]

    /// Whether the words from `position` on start with one of ``ageAfterYears``.
    func ageAfterYears(at position: Int, _ word: (Int) -> String) -> Bool {
        ageAfterYears.contains { phrase in phrase.indices.allSatisfy { word(position + $0) == phrase[$0] } }
    }

    /// Reads `reading_words`, reporting each word that is not lower case, or a
    /// phrase where one word is expected, at its line.
    static func parse(_ node: Node, reader: inout YAMLReader) -> ReadingWords {
        var result = ReadingWords()
        guard let map = reader.mapping(node, "`reading_words`") else { return result }
        reader.rejectUnknownKeys(in: map, known: Set(keys))
        func list(_ key: String, phrases: Bool = false) -> [String] {
            guard let value = reader.value(key, in: map, at: node, required: true),
                let items = reader.strings(value, "reading_words.\(key)")
            else { return [] }
            for (item, line) in zip(items, YAMLReader.itemLines(value))
            where item != item.lowercased() || (!phrases && item.contains(" ")) {
                reader.report(
                    line: line,
                    "`reading_words.\(key)`: \"\(item)\" should be \(phrases ? "words" : "one word") in lower case")
            }
            return items
        }
        func words(_ key: String) -> Set<String> { Set(list(key)) }
        result.years = words("years")
        result.ageAfterYears = list("age_after_years", phrases: true).map { $0.split(separator: " ").map(String.init) }
        result.ageBefore = words("age_before")
        result.ageVerbs = words("age_verbs")
        result.yearsHad = words("years_had")
        result.ago = words("ago")
        result.pregnantAfter = words("pregnant_after")
        result.pregnancyWeeksBefore = words("pregnancy_weeks_before")
        result.notPregnancyAfter = words("not_pregnancy_after")
        result.howOften = words("how_often")
        result.decadeOwners = words("decade_owners")
        result.lasting = words("lasting")
        result.and = words("and")
        result.or = words("or")
        result.historyStopsBack = words("history_stops_back")
        result.notAQuestionAfterStart = words("not_a_question_after_start")
        return result
    }
}
