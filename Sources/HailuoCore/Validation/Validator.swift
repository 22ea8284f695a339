/// Checks generation parameters against the model's row in ``ModelCatalog`` before anything is
/// sent. Pure: no file or network access (image references are checked for syntax only;
/// ``ImagePreflight`` looks at the files).
public enum Validator {
    /// The Hailuo models' prompt limit, in UTF-16 code units (as the provider's validator counts).
    /// Other models have their own: ``maxPromptLength(for:)``.
    public static let maxPromptLength = 2000

    /// The prompt limit of `model` (the Hailuo limit for a model the table does not know).
    public static func maxPromptLength(for model: ModelID) -> Int {
        ModelCatalog.model(model)?.maxPromptLength ?? maxPromptLength
    }

    /// Every issue with `parameters`, in field order; empty when they can be sent.
    public static func issues(for parameters: GenerationParameters) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        let model = ModelCatalog.model(parameters.model)
        if model == nil {
            issues.append(unknownModel(parameters.model))
        }
        issues += promptIssues(parameters.prompt, limit: model?.maxPromptLength ?? maxPromptLength)
        issues += cameraIssues(parameters.prompt)
        if let model {
            issues += durationIssues(parameters, model)
            issues += resolutionIssues(parameters, model)
        }
        issues += imageIssues(parameters.firstFrame, field: .firstFrame, rule: model?.firstFrame, model: model)
        issues += imageIssues(parameters.lastFrame, field: .lastFrame, rule: model?.lastFrame, model: model)
        if let model {
            issues += ratioIssues(parameters, model)
            issues += referenceIssues(parameters, model)
        }
        return issues
    }

    /// Throws a ``ValidationError`` holding every issue, if there is any.
    public static func validate(_ parameters: GenerationParameters) throws(ValidationError) {
        let found = issues(for: parameters)
        if !found.isEmpty { throw ValidationError(issues: found) }
    }

    // MARK: Rules

    static func unknownModel(_ id: ModelID) -> ValidationIssue {
        let value = InertText.render(id.rawValue)
        let known = ModelCatalog.ids.map(\.rawValue).joined(separator: ", ")
        return ValidationIssue(
            field: .model, rule: .unknown, value: value,
            message: "model: unknown model \(InertText.quoted(id.rawValue)); known models are \(known)")
    }

    /// Not empty, not blank, at most ``maxPromptLength`` UTF-16 units, no control characters
    /// other than newline (LF or CR LF) and tab.
    public static func promptIssues(_ prompt: String, limit: Int = maxPromptLength) -> [ValidationIssue] {
        let shown = InertText.render(prompt, limit: 40)
        guard !prompt.isEmpty else {
            return [ValidationIssue(field: .prompt, rule: .empty, value: "", message: "prompt: must not be empty")]
        }
        if prompt.allSatisfy(\.isWhitespace) {
            return [
                ValidationIssue(
                    field: .prompt, rule: .blank, value: shown,
                    message:
                        "prompt: must not be blank; it holds only whitespace (\(InertText.quoted(prompt, limit: 40)))")
            ]
        }
        var issues: [ValidationIssue] = []
        let units = prompt.utf16.count
        if units > limit {
            issues.append(
                ValidationIssue(
                    field: .prompt, rule: .maxLength, value: "\(units)",
                    message: "prompt: at most \(limit) characters (UTF-16 units); this one has \(units)"))
        }
        if let (position, scalar, others) = firstControlCharacter(prompt) {
            let more = others > 0 ? " (and \(others) more)" : ""
            let hex = String(scalar.value, radix: 16, uppercase: true)
            let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            issues.append(
                ValidationIssue(
                    field: .prompt, rule: .controlCharacter, value: code,
                    message:
                        "prompt: contains a control character (\(InertText.render(String(scalar))), \(code)) at position \(position)\(more); only newlines and tabs are allowed"
                ))
        }
        return issues
    }

    /// The 1-based character position and scalar of the first forbidden control character, and
    /// how many more follow it.
    static func firstControlCharacter(_ prompt: String) -> (Int, Unicode.Scalar, Int)? {
        var found: (Int, Unicode.Scalar)?
        var others = 0
        for (index, character) in prompt.enumerated()
        where character != "\n" && character != "\t" && character != "\r\n" {
            guard let scalar = character.unicodeScalars.first(where: InertText.isControl) else { continue }
            if found == nil { found = (index + 1, scalar) } else { others += 1 }
        }
        guard let found else { return nil }
        return (found.0, found.1, others)
    }

    static func durationIssues(_ p: GenerationParameters, _ model: VideoModel) -> [ValidationIssue] {
        let value = "\(p.duration) s"
        guard model.takesDuration else {
            guard let fixed = model.durations.first, p.duration != fixed else { return [] }
            return [
                ValidationIssue(
                    field: .duration, rule: .fixed, value: value,
                    message: "duration: \(model.id) makes \(fixed) s clips and takes no duration choice (got \(value))")
            ]
        }
        if model.durationIsRange, let low = model.durations.first, let high = model.durations.last,
            !model.durations.contains(p.duration)
        {
            return [
                ValidationIssue(
                    field: .duration, rule: .range, value: value,
                    message: "duration: \(model.id) makes clips of \(low) to \(high) s (got \(value))")
            ]
        }
        guard model.durations.contains(p.duration) else {
            return [
                ValidationIssue(
                    field: .duration, rule: .allowedValues, value: value,
                    message:
                        "duration: \(model.id) makes \(orList(model.durations.map(String.init))) s clips (got \(value))"
                )
            ]
        }
        let allowed = model.allowedDurations(for: p.resolution)
        guard model.resolutions.contains(p.resolution), !allowed.contains(p.duration) else { return [] }
        let lengths = orList(allowed.map(String.init))
        return [
            ValidationIssue(
                field: .duration, rule: .resolutionLimit, value: value,
                message:
                    "duration: \(p.resolution.rawValue) allows \(lengths) s clips only (got \(value)); the provider renders \(p.resolution.rawValue) only for \(lengths) s clips, so choose \(lengths) s or another resolution"
            )
        ]
    }

    static func resolutionIssues(_ p: GenerationParameters, _ model: VideoModel) -> [ValidationIssue] {
        let value = p.resolution.rawValue
        guard model.takesResolution else {
            guard let fixed = model.resolutions.first, p.resolution != fixed else { return [] }
            return [
                ValidationIssue(
                    field: .resolution, rule: .fixed, value: value,
                    message:
                        "resolution: \(model.id) takes no resolution choice; leave it at \(fixed.rawValue) (got \(value))"
                )
            ]
        }
        guard model.resolutions.contains(p.resolution) else {
            return [
                ValidationIssue(
                    field: .resolution, rule: .allowedValues, value: value,
                    message:
                        "resolution: \(model.id) allows \(orList(model.resolutions.map(\.rawValue))) (got \(value))")
            ]
        }
        return []
    }

    static func imageIssues(
        _ reference: String?, field: ValidationIssue.Field, rule: VideoModel.ImageRule?, model: VideoModel?
    ) -> [ValidationIssue] {
        guard let reference else {
            guard rule == .required, let model else { return [] }
            return [
                ValidationIssue(
                    field: field, rule: .required, value: "",
                    message: "\(field.label): \(model.id) requires a \(field.label) image (got none)")
            ]
        }
        if rule == .notAccepted, let model {
            let shown = InertText.render(reference)
            let quoted = InertText.quoted(reference)
            return [
                ValidationIssue(
                    field: field, rule: .notAccepted, value: shown,
                    message: "\(field.label): \(model.id) takes no \(field.label) image (got \(quoted))")
            ]
        }
        do throws(ImageProblem) {
            _ = try ImageReference.classify(reference)
            return []
        } catch {
            return [error.issue(for: field)]
        }
    }

    /// `a`, `a or b`, `a, b or c`.
    static func orList(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " or " + items[items.count - 1]
    }
}
