/// How urgently a person should get care, highest first.
public enum TriageLevel: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Call the emergency number or go to the emergency department now.
    case emergency
    /// Get medical advice today.
    case urgent
    /// Book an appointment in the coming days.
    case seeDoctor = "see_doctor"
    /// Look after it at home, and watch for the signs that should bring you back.
    case selfCare = "self_care"

    /// `emergency` is the greatest.
    public static func < (lhs: TriageLevel, rhs: TriageLevel) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .selfCare: 0
        case .seeDoctor: 1
        case .urgent: 2
        case .emergency: 3
        }
    }
}
