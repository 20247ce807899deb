extension CannedReplies: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        for text in [outOfScope, clarify, empty, unreadable, suggestionsIntro, notCovered, moreHint, noMore, subjectName] {
            writer.write(text)
        }
        writer.write(tooLong)
        writer.write(interface)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        self.init(
            outOfScope: try reader.read(), clarify: try reader.read(), empty: try reader.read(),
            unreadable: try reader.read(), suggestionsIntro: try reader.read(), notCovered: try reader.read(),
            moreHint: try reader.read(), noMore: try reader.read(), subjectName: try reader.read(),
            tooLong: try reader.read(), interface: try reader.read())
    }
}

extension InterfaceTexts: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(name)
        writer.write(banner)
        for text in [
            emergencyNumbers, emergencyLabel, emergencyAction, urgentLabel, urgentAction, suggestionsIntro,
            goodbye, newConversation, chatIntro,
        ] {
            writer.write(text)
        }
        writer.write(chatHelp)
        writer.write(chatKeys)
        for text in [nothingToExplain, recordUsage, recordingUnavailable, unknownCommand, recordingTo, cannotRecord] {
            writer.write(text)
        }
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        self.init(
            name: try reader.read(), banner: try reader.read(), emergencyNumbers: try reader.read(),
            emergencyLabel: try reader.read(), emergencyAction: try reader.read(), urgentLabel: try reader.read(),
            urgentAction: try reader.read(), suggestionsIntro: try reader.read(), goodbye: try reader.read(),
            newConversation: try reader.read(), chatIntro: try reader.read(), chatHelp: try reader.read(), chatKeys: try reader.read(),
            nothingToExplain: try reader.read(), recordUsage: try reader.read(), recordingUnavailable: try reader.read(),
            unknownCommand: try reader.read(), recordingTo: try reader.read(), cannotRecord: try reader.read())
    }
}
