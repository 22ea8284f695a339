/// Stepping through a toggle's values and naming them.
enum OptionValues {
    static func next<T: Equatable>(after value: T, in values: [T]) -> T {
        guard let index = values.firstIndex(of: value) else { return values.first ?? value }
        return values[(index + 1) % values.count]
    }

    static func list(_ values: [Int]) -> String {
        values.map(String.init).joined(separator: " or ")
    }
}
