import Foundation
import JobMatchCore

extension Timestamp {
    /// `days` later (or earlier when negative), rounded down to the whole minute, in China Standard Time.
    func shifted(days: Double) -> Timestamp {
        let seconds = ((secondsSince1970 + days * 86_400) / 60).rounded(.down) * 60
        return Timestamp(secondsSince1970: seconds, utcOffsetSeconds: Timestamp.chinaOffsetSeconds)
    }

    /// Days from `self` to `other` (negative when `other` is earlier).
    func days(to other: Timestamp) -> Double { (other.secondsSince1970 - secondsSince1970) / 86_400 }
}

extension Timestamp {
    /// Midnight (China Standard Time) of the day `self` falls on.
    var startOfChinaDay: Timestamp {
        let offset = Double(Timestamp.chinaOffsetSeconds)
        let day = ((secondsSince1970 + offset) / 86_400).rounded(.down) * 86_400 - offset
        return Timestamp(secondsSince1970: day, utcOffsetSeconds: Timestamp.chinaOffsetSeconds)
    }
}
