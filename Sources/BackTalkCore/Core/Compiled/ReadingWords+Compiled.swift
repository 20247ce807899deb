extension ReadingWords: CompiledByFields {
    /// Every stored property, in the order written (checked as ``Language/visitCompiledFields(_:_:)`` is).
    static func visitCompiledFields<Visitor: CompiledFieldVisitor>(
        _ value: inout ReadingWords, _ visitor: inout Visitor
    ) throws(CompiledFormError) {
        try visitor.visit("years", &value.years)
        try visitor.visit("ageAfterYears", &value.ageAfterYears)
        try visitor.visit("ageBefore", &value.ageBefore)
        try visitor.visit("ageVerbs", &value.ageVerbs)
        try visitor.visit("yearsHad", &value.yearsHad)
        try visitor.visit("ago", &value.ago)
        try visitor.visit("pregnantAfter", &value.pregnantAfter)
        try visitor.visit("pregnancyWeeksBefore", &value.pregnancyWeeksBefore)
        try visitor.visit("notPregnancyAfter", &value.notPregnancyAfter)
        try visitor.visit("howOften", &value.howOften)
        try visitor.visit("decadeOwners", &value.decadeOwners)
        try visitor.visit("lasting", &value.lasting)
        try visitor.visit("and", &value.and)
        try visitor.visit("or", &value.or)
        try visitor.visit("historyStopsBack", &value.historyStopsBack)
        try visitor.visit("notAQuestionAfterStart", &value.notAQuestionAfterStart)
    }
}
