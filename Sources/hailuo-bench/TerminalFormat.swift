import Foundation

/// Number formatting for the terminal figures (fixed, locale-independent).
enum TerminalFormat {
    /// `10000` → `10,000`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }

    /// Milliseconds with one decimal: `12.3 ms`.
    static func millis(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }

    /// Megabytes (MiB) with one decimal: `18.4 MB`.
    static func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_048_576) }

    /// A share of one core: `0.042 %`.
    static func percent(_ value: Double) -> String { String(format: "%.3f %%", value) }

    /// The median of `values` (0 when empty).
    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
