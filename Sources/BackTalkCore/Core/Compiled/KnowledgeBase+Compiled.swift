extension KnowledgeBase {
    /// The first bytes of a compiled knowledge base, and the version of its layout.
    private static let compiledMagic = "BackTalk compiled knowledge base"
    private static let compiledVersion = 13

    /// This knowledge base in compiled form: everything it holds once loaded,
    /// analysed and indexed, including the matcher's learnt weights, as bytes
    /// that ``init(compiledForm:)`` reads back without parsing or indexing.
    ///
    /// The build compiles the bundled knowledge base this way. The bytes are
    /// valid UTF-8, and read only by the same version of the engine.
    public var compiledForm: [UInt8] {
        var payload = CompiledWriter()
        writeCompiled(to: &payload)
        var writer = CompiledWriter()
        Self.writeHeader(to: &writer)
        writer.write(Self.checksum(payload.bytes))
        writer.append(payload.bytes)
        return writer.bytes
    }

    /// Reads a knowledge base from ``compiledForm``.
    ///
    /// - Throws: ``KnowledgeBaseError`` if the bytes are not a compiled knowledge
    ///   base of this version of the engine, or are damaged.
    public init(compiledForm bytes: [UInt8]) throws(KnowledgeBaseError) {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(CompiledFormError) in try Self.readCompiled(buffer, verify: true, constant: false) }
        }
        switch result {
        case .success(let knowledgeBase): self = knowledgeBase
        case .failure(let error):
            throw KnowledgeBaseError(diagnostics: [Diagnostic(file: "compiled knowledge base", line: nil, message: error.message)])
        }
    }

    /// Reads the compiled form in `buffer`; `verify` checks its checksum first
    /// (the build has already checked the one it embeds), and `constant` says the
    /// buffer lasts as long as the program, so the weights can stay where they are.
    static func readCompiled(_ buffer: UnsafeRawBufferPointer, verify: Bool, constant: Bool) throws(CompiledFormError) -> KnowledgeBase {
        var reader = CompiledReader(buffer, constant: constant)
        try readHeader(&reader)
        let checksum: UInt64 = try reader.read()
        if verify, checksum != Self.checksum(UnsafeRawBufferPointer(rebasing: buffer[reader.offset...])) {
            throw CompiledFormError("the compiled knowledge base is damaged (its checksum does not match)")
        }
        let knowledgeBase = try KnowledgeBase(compiledFrom: &reader)
        guard reader.isAtEnd else { throw CompiledFormError("the compiled knowledge base has bytes left over") }
        return knowledgeBase
    }

    /// Writes what every compiled form starts with: the magic words and the layout's version.
    fileprivate static func writeHeader(to writer: inout CompiledWriter) {
        writer.write(compiledMagic)
        writer.write(compiledVersion)
    }

    /// Reads what ``writeHeader(to:)`` wrote, or says why these bytes are not for this engine.
    fileprivate static func readHeader(_ reader: inout CompiledReader) throws(CompiledFormError) {
        guard (try? reader.readString()) == compiledMagic else { throw CompiledFormError("these bytes are not a compiled knowledge base") }
        let version = try reader.readInt()
        guard version == compiledVersion else {
            throw CompiledFormError("the compiled knowledge base has layout \(version); this engine reads layout \(compiledVersion)")
        }
    }

    /// FNV-1a, 64 bits.
    private static func checksum(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var value: UInt64 = 14_695_981_039_346_656_037
        for byte in bytes { value = (value ^ UInt64(byte)) &* 1_099_511_628_211 }
        return value
    }

    private func writeCompiled(to writer: inout CompiledWriter) {
        writer.write(entries)
        writer.write(vocabulary)
        writer.write(vocabularyPath)
        writer.write(replies)
        writer.write(matcher.index)
        writer.write(triage)
        writer.write(cues)
        writer.write(cuesPath)
        // The examples apart, in one block that the library's own form leaves unread until authoring asks for them.
        DeferredExamples.write(
            entries.map(\.examples) + triage.rules.rules.flatMap { [$0.exampleList.strings, $0.counterExampleList.strings] },
            to: &writer)
        // Last, so that the library's own form can leave it unread until authoring asks for it.
        let source = self.source
        AuthoringTail.write(
            (source.entryFiles, source.outOfScope, source.exampleLines, source.outOfScopeFile), to: &writer)
    }

    private init(compiledFrom reader: inout CompiledReader) throws(CompiledFormError) {
        var entries: [KnowledgeEntry] = try reader.read()
        let vocabulary: Vocabulary = try reader.read()
        let vocabularyPath: String = try reader.read()
        let replies: CannedReplies = try reader.read()
        let index: IntentIndex = try reader.read()
        var triage: Triage = try reader.read()
        let cues: DialogueCues = try reader.read()
        let cuesPath: String = try reader.read()
        let examples = try DeferredExamples.read(&reader)
        guard examples.count == entries.count + 2 * triage.rules.rules.count else {
            throw CompiledFormError("the compiled knowledge base's examples do not fit its entries and rules")
        }
        for position in entries.indices { entries[position].exampleList = examples[position] }
        for (position, rule) in triage.rules.rules.indices.enumerated() {
            triage.rules.rules[rule].exampleList = examples[entries.count + 2 * position]
            triage.rules.rules[rule].counterExampleList = examples[entries.count + 2 * position + 1]
        }
        // The library's own bytes last as long as the program: what only authoring reads stays where it lies.
        let deferred: AuthoringTail?
        let tail: AuthoringTail.Value
        if reader.isConstant {
            deferred = AuthoringTail(deferred: try reader.readPacked(reader.remaining))
            tail = AuthoringTail.empty
        } else {
            tail = try AuthoringTail.read(&reader)
            deferred = nil
        }
        guard index.entryCount == entries.count else {
            throw CompiledFormError("the compiled knowledge base's index does not fit its entries")
        }
        // What it was loaded from shares the values above: the dictionary is the analyser's.
        let loaded = KnowledgeLoader.Loaded(
            entries: entries, entryFiles: tail.entryFiles, vocabulary: vocabulary,
            vocabularyPath: vocabularyPath, replies: replies, triage: triage, dictionary: index.analyzer.dictionary,
            cues: cues, cuesPath: cuesPath, language: index.analyzer.language, outOfScope: tail.outOfScope,
            exampleLines: tail.exampleLines, outOfScopeFile: tail.outOfScopeFile)
        self.init(loaded: loaded, index: index, tail: deferred)
    }
}

extension KnowledgeBase {
    /// Reads the compiled form embedded as a string literal, in place; `nil` if it is empty.
    package init?(compiledLiteral literal: StaticString) throws(KnowledgeBaseError) {
        guard literal.utf8CodeUnitCount > 0 else { return nil }
        // The build checked this form against the files, so the checksum is not read again.
        let result = literal.withUTF8Buffer { buffer in
            Result { () throws(CompiledFormError) in
                try Self.readCompiled(UnsafeRawBufferPointer(buffer), verify: false, constant: true)
            }
        }
        switch result {
        case .success(let knowledgeBase): self = knowledgeBase
        case .failure(let error):
            throw KnowledgeBaseError(diagnostics: [
                Diagnostic(
                    file: "compiled knowledge base", line: nil,
                    message: "\(error.message); rebuild the library")
            ])
        }
    }
}

extension KnowledgeBase {
    /// The interface texts alone in compiled form, so that a tool's `--help` can show
    /// them without reading the whole knowledge base.
    package var compiledInterfaceTexts: [UInt8] {
        var writer = CompiledWriter()
        Self.writeHeader(to: &writer)
        writer.write(replies.interface)
        return writer.bytes
    }

    /// Reads ``compiledInterfaceTexts`` embedded as a string literal; `nil` if it is empty or unreadable.
    package static func interfaceTexts(compiledLiteral literal: StaticString) -> InterfaceTexts? {
        guard literal.utf8CodeUnitCount > 0 else { return nil }
        return literal.withUTF8Buffer { interfaceTexts(compiled: UnsafeRawBufferPointer($0)) }
    }

    /// Reads ``compiledInterfaceTexts``; `nil` if the bytes are not that.
    package static func interfaceTexts(compiled bytes: UnsafeRawBufferPointer) -> InterfaceTexts? {
        var reader = CompiledReader(bytes)
        // The type is named: inferred through `try?`, it would be read as an optional texts.
        guard (try? readHeader(&reader)) != nil, let texts = try? reader.read(InterfaceTexts.self), reader.isAtEnd
        else { return nil }
        return texts
    }
}
