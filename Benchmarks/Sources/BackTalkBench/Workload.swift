/// The messages of one round of the mixed workload, each answered in a fresh conversation.
///
/// A mix of what people really send: short questions, misspelt ones, long
/// rambling ones, small talk, and questions BackTalk does not cover.
let workload: [String] = [
    // Short, well-formed questions.
    "what causes back spasms",
    "what is a back spasm?",
    "How long do back spasms last?",
    "should I use heat or ice?",
    "what stretches help a back spasm",
    "can I take ibuprofen for back spasms?",
    "when should I see a doctor",
    "how do I stop getting back spasms",
    "do back spasms happen during pregnancy?",
    "can stress cause back spasms",
    "How should I sleep with a back spasm?",
    "does drinking water help with muscle cramps?",
    "what makes back spasms worse",
    "how is a back spasm diagnosed",
    "are massage or acupuncture any good?",
    // Misspelt and clipped.
    "wat cuases bak spazms",
    "hw lng dose a bak spasim last",
    "shud i use hete or ise",
    "lower bak musle twiching",
    "streches for bak",
    "painkilers 4 back spasm?",
    "can't sleep back keeps cramping up",
    // Symptoms and worrying signs.
    "my lower back suddenly locked up and I can't stand straight",
    "back spasm with numbness in my legs and trouble peeing",
    "I have a fever and my back hurts badly",
    "what does a back spasm feel like",
    // A long, rambling message of five sentences.
    "So last weekend I was helping my brother move house and I must have lifted a sofa the wrong way. "
        + "The next morning my lower back went into this horrible tight knot and I could barely get out of bed. "
        + "It eases off a bit when I lie on the floor with my knees up, but it comes back whenever I sit at my desk for long. "
        + "I've been taking paracetamol and using a hot water bottle, which helps a little. "
        + "Is there anything else I should be doing, and how long is this likely to go on for?",
    "I'm 34 and I work in a warehouse, lots of bending and lifting, and my back keeps seizing up, "
        + "what can I change so this stops happening?",
    // Out of scope.
    "book me a flight to Lisbon",
    "what's the weather like tomorrow",
    "how do I fix a flat bicycle tyre",
    "who won the football last night",
    "my knee hurts when I run",
    "write me a poem about cats",
    // Small talk.
    "hi",
    "hello there",
    "thanks, that's really helpful",
    "thank you!",
    "bye",
    "what can you do?",
    "ok",
]

/// A message of exactly `bytes` bytes of ASCII words on one line, the same on every run.
func longMessage(bytes: Int) -> String {
    let paragraph =
        "My back has been tight and sore since I moved the wardrobe upstairs on Sunday, "
        + "and now every morning the muscles near my spine cramp, twitch and lock for a minute or two. "
        + "I tried a hot bath, some gentle stretching, a heat pack, ibuprofen and walking the dog slowly, "
        + "yet sitting at my desk still makes it flare, and sneezing hurts. "
        + "Could dehydration, stress, poor posture or a soft mattress be causing these spasms? "
    var utf8: [UInt8] = []
    utf8.reserveCapacity(bytes + paragraph.utf8.count)
    var round = 0
    while utf8.count < bytes {
        utf8.append(contentsOf: paragraph.utf8)
        // Vary the text a little from one repetition to the next, so that it is not one period.
        utf8.append(contentsOf: "day \(round) ".utf8)
        round += 1
    }
    return String(decoding: utf8.prefix(bytes), as: UTF8.self)
}
