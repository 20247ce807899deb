/// Messages built to make a careless reader slow: each shape repeats the words
/// that start scans (fillers, negation and doubt cues, list items, people), so
/// that a reply whose time grew with the square of the length would show it.
let hostileShapes: [(name: String, head: String, unit: String)] = [
    ("ordinary text", "", "my back has been tight and sore since sunday and the muscles near my spine cramp and lock. "),
    ("repeated filler", "numb ", "very "),
    ("negation cues", "numb ", "no maybe "),
    ("uncertainty cues", "numb ", "not sure if maybe possibly "),
    ("long list", "my ", "legs, feet, bladder, bottom, groin, chest, "),
    ("people", "", "my mum and my dad and my son and her husband "),
    ("one enormous sentence", "", "back pain numbness fever weakness bladder legs tingling chest sweating "),
    ("question words", "", "what about is it can i and if that "),
]

/// `unit` repeated after `head` to `bytes` bytes.
func hostileMessage(head: String, unit: String, bytes: Int) -> String {
    var text = head
    text.reserveCapacity(bytes + unit.utf8.count)
    while text.utf8.count < bytes { text += unit }
    return String(decoding: text.utf8.prefix(bytes), as: UTF8.self)
}
