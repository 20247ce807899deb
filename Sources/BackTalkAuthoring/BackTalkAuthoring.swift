// The tools for writing a knowledge base: loading one from a folder, lint and triage
// lint, every evaluation, coverage, and transcripts. The engine comes with it, so
// `import BackTalkAuthoring` is all an authoring tool needs; the bundled knowledge
// base is the `BackTalk` library's.
@_exported import BackTalkCore
