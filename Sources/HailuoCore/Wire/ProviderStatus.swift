import Foundation

/// Classifies the provider's status words (docs/PROVIDER.md).
public enum ProviderStatus {
    static let pendingWords: Set<String> = [
        "queued", "waiting", "active", "generating", "processing", "preparing",
    ]
    static let completedWords: Set<String> = ["completed", "succeeded", "success"]
    static let failedWords: Set<String> = ["error", "failed"]

    /// The meaning of `word`, compared without regard to case or surrounding blanks.
    public static func meaning(of word: String) -> StatusMeaning {
        let key = word.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if pendingWords.contains(key) { return .pending }
        if completedWords.contains(key) { return .completed }
        if failedWords.contains(key) { return .failed }
        return .unknown
    }
}
