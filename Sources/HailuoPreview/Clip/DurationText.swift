import Foundation

/// Seconds in words for reasons and file names: "10 s", "0.3 s", "2.5 s".
enum DurationText {
    /// `duration` as "<number> s".
    static func seconds(_ duration: Duration) -> String {
        let components = duration.components
        return seconds(Double(components.seconds) + Double(components.attoseconds) / 1e18)
    }

    /// `value` seconds as "<number> s", with at most two decimals and no trailing zeros.
    static func seconds(_ value: Double) -> String {
        "\(number(value)) s"
    }

    /// `value` with at most two decimals and no trailing zeros ("3", "2.5", "0.04").
    static func number(_ value: Double) -> String {
        let hundredths = (value * 100).rounded()
        if hundredths.truncatingRemainder(dividingBy: 100) == 0 { return String(Int(hundredths / 100)) }
        var text = String(format: "%.2f", hundredths / 100)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
