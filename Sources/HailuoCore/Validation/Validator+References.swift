/// The rules of H3 and H3 Max: `ratio` and the reference inputs.
extension Validator {
    /// `ratio` must be one the model takes; `adaptive` needs something to adapt to.
    static func ratioIssues(_ p: GenerationParameters, _ model: VideoModel) -> [ValidationIssue] {
        guard let ratio = p.ratio else { return [] }
        guard model.ratios.contains(ratio) else {
            let message =
                model.ratios.isEmpty
                ? "ratio: \(model.id) takes no ratio (got \(ratio.rawValue)); its clips follow its resolution"
                : "ratio: \(model.id) allows \(orList(model.ratios.map(\.rawValue))) (got \(ratio.rawValue))"
            return [
                ValidationIssue(
                    field: .ratio, rule: model.ratios.isEmpty ? .notAccepted : .allowedValues, value: ratio.rawValue,
                    message: message)
            ]
        }
        let hasInput = p.firstFrame != nil || p.lastFrame != nil || p.hasReferences
        guard ratio == .adaptive, !hasInput else { return [] }
        return [
            ValidationIssue(
                field: .ratio, rule: .adaptiveWithoutInput, value: ratio.rawValue,
                message:
                    "ratio: adaptive follows the first or last frame or a reference, and this request has none; "
                    + "choose a ratio such as 16:9, or add an image")
        ]
    }

    /// Each kind within the model's limit, the total within its limit, audio never alone, and each
    /// reference well formed (images: a URL or a local path; videos and audio: http(s) links).
    static func referenceIssues(_ p: GenerationParameters, _ model: VideoModel) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        for kind in ReferenceKind.allCases {
            let given = p.references(kind)
            guard !given.isEmpty else { continue }
            let field = ValidationIssue.Field.references(kind)
            let limit = model.referenceLimit(kind)
            guard limit > 0 else {
                issues.append(
                    ValidationIssue(
                        field: field, rule: .notAccepted, value: "\(given.count)",
                        message: "\(field.label): \(model.id) takes no \(kind.plural) (got \(given.count))"))
                continue
            }
            if given.count > limit {
                issues.append(
                    ValidationIssue(
                        field: field, rule: .tooMany, value: "\(given.count)",
                        message: "\(field.label): \(model.id) takes at most \(limit) (got \(given.count))"))
            }
            if let problem = given.lazy.compactMap({ referenceProblem($0, kind: kind, field: field) }).first {
                issues.append(problem)
            }
        }
        let counts = ReferenceKind.allCases.map { p.references($0).count }
        let total = counts.reduce(0, +)
        if let most = model.references?.total, total > most {
            let field = ValidationIssue.Field.references(p.referenceAudio.isEmpty ? .video : .audio)
            issues.append(
                ValidationIssue(
                    field: field, rule: .tooMany, value: "\(total)",
                    message:
                        "\(field.label): \(model.id) takes at most \(most) references in all (got \(total): "
                        + "\(counts[0]) images, \(counts[1]) videos, \(counts[2]) audio clips)"))
        }
        if !p.referenceAudio.isEmpty, p.referenceImages.isEmpty, p.referenceVideos.isEmpty,
            model.takesReferences(.audio)
        {
            issues.append(
                ValidationIssue(
                    field: .referenceAudio, rule: .audioAlone, value: "\(p.referenceAudio.count)",
                    message:
                        "reference audio: audio clips cannot be the only reference; "
                        + "add a reference image or video beside them"))
        }
        return issues
    }

    /// What is wrong with one reference, if anything.
    private static func referenceProblem(_ text: String, kind: ReferenceKind, field: ValidationIssue.Field)
        -> ValidationIssue?
    {
        do throws(ImageProblem) {
            switch try ImageReference.classify(text) {
            case .remote: return nil
            case .local(let path):
                guard kind != .image else { return nil }
                return ValidationIssue(
                    field: field, rule: .scheme, value: InertText.render(path),
                    message:
                        "\(field.label): must be http(s) links the provider can fetch; a local file "
                        + "(\(InertText.quoted(path, limit: 60))) is not sent: put it somewhere public first")
            }
        } catch {
            return error.issue(for: field)
        }
    }
}
