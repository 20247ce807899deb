extension Engine {
    /// Replays `transcript` in a fresh conversation and compares every reply
    /// with the one expected; the first turn that differs is the divergence.
    ///
    /// Every turn is answered even after a divergence, so that
    /// ``ReplayResult/updated`` and ``ReplayResult/reached`` cover the whole transcript.
    public func replay(_ transcript: Transcript) -> ReplayResult {
        TranscriptReplayer(engine: self).replay(transcript)
    }
}
