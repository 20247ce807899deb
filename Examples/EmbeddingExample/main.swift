import BackTalk

// A program that embeds the BackTalk engine: one conversation, three turns.
let engine = try Engine()
var conversation = Conversation()

for message in ["hi", "what causes back spasms?", "should I use ice or heat"] {
    let reply = engine.reply(to: message, in: &conversation)
    print("> \(message)")
    print("[\(reply.intent), confidence \(reply.confidence)]")
    print(reply.text)
}
