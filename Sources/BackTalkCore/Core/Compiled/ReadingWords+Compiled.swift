extension ReadingWords: CompiledByFields {
    /// Every stored property, in the order written (checked as ``Language/compiledFields`` is).
    static var compiledFields: [CompiledField<ReadingWords>] {
        [
            .init("years", \.years),
            .init("ageAfterYears", \.ageAfterYears),
            .init("ageBefore", \.ageBefore),
            .init("ageVerbs", \.ageVerbs),
            .init("yearsHad", \.yearsHad),
            .init("ago", \.ago),
            .init("pregnantAfter", \.pregnantAfter),
            .init("pregnancyWeeksBefore", \.pregnancyWeeksBefore),
            .init("notPregnancyAfter", \.notPregnancyAfter),
            .init("howOften", \.howOften),
            .init("decadeOwners", \.decadeOwners),
            .init("lasting", \.lasting),
            .init("and", \.and),
            .init("or", \.or),
            .init("historyStopsBack", \.historyStopsBack),
            .init("notAQuestionAfterStart", \.notAQuestionAfterStart),
        ]
    }
}
