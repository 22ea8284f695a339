/// Turns generation parameters into the exact create request for an endpoint family. This is the
/// one function the engine calls before a POST: it validates, preflights local images, and writes
/// the JSON body with local images inline as data URLs of their true MIME type.
public enum RequestBuilder {
    /// Every issue with `parameters`, images included (headers only; nothing is encoded).
    /// Empty when ``prepare(_:family:home:)`` would succeed, barring a file changing meanwhile.
    public static func check(_ parameters: GenerationParameters, home: String? = nil) -> [ValidationIssue] {
        var issues = Validator.issues(for: parameters)
        if let model = ModelCatalog.model(parameters.model) {
            _ = openImages(parameters, model: model, home: home, issues: &issues)
            _ = openReferenceImages(parameters, model: model, home: home, issues: &issues)
        }
        return ordered(issues)
    }

    /// Validates `parameters` (all issues, images included) and writes the request body for
    /// `family`, or for the one family that serves the model when `family` does not (H3 is on the
    /// unified endpoint only): ``PreparedRequest/family`` says which.
    ///
    /// Local images are read once, in chunks, hashed and base64-encoded in the same pass into a
    /// body allocated at its exact size; the file must not change size while it is read.
    public static func prepare(
        _ parameters: GenerationParameters, family preferred: EndpointFamily, home: String? = nil
    ) throws(ValidationError) -> PreparedRequest {
        var issues = Validator.issues(for: parameters)
        guard let model = ModelCatalog.model(parameters.model) else { throw ValidationError(issues: ordered(issues)) }
        let family = model.family(preferring: preferred)
        let images = openImages(parameters, model: model, home: home, issues: &issues)
        let references = openReferenceImages(parameters, model: model, home: home, issues: &issues)
        guard issues.isEmpty else { throw ValidationError(issues: ordered(issues)) }

        var writer = JSONBodyWriter()
        func name(_ field: VideoModel.RequestField) -> String? { model.fieldName(field, family: family) }
        if let key = name(.model) { writer.string(key, model.id.rawValue) }
        if let key = name(.prompt) { writer.string(key, parameters.prompt) }
        if let key = name(.promptOptimizer) { writer.bool(key, parameters.promptOptimizer) }
        for (field, slot) in [(VideoModel.RequestField.firstFrame, images.first), (.lastFrame, images.last)] {
            guard let slot, let key = name(field) else { continue }
            switch slot {
            case .remote(let url): writer.string(key, url)
            case .local(let file): writer.dataURL(key, file)
            }
        }
        if let key = name(.duration) { writer.int(key, parameters.duration) }
        if let key = name(.resolution) { writer.string(key, model.wireName(parameters.resolution)) }
        if let key = name(.ratio), let ratio = parameters.ratio { writer.string(key, ratio.rawValue) }
        if let key = name(.referenceImages), !references.isEmpty {
            writer.array(
                key,
                references.map { slot in
                    switch slot {
                    case .remote(let url): .string(url)
                    case .local(let file): .image(file)
                    }
                })
        }
        for (field, kind) in [
            (VideoModel.RequestField.referenceVideos, ReferenceKind.video), (.referenceAudio, .audio),
        ] {
            let given = parameters.references(kind).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            guard let key = name(field), !given.isEmpty else { continue }
            writer.array(key, given.map { .string($0) })
        }

        let (body, hashes, failure) = assemble(writer.finish())
        if let (file, problem) = failure {
            let field: ValidationIssue.Field =
                images.first?.file === file ? .firstFrame : images.last?.file === file ? .lastFrame : .referenceImages
            throw ValidationError(issues: [problem.issue(for: field)])
        }
        return PreparedRequest(
            family: family, path: family.generationPath, body: body,
            firstFrame: images.first.map { prepared($0, reference: parameters.firstFrame ?? "", hashes: hashes) },
            lastFrame: images.last.map { prepared($0, reference: parameters.lastFrame ?? "", hashes: hashes) })
    }

    // MARK: Images

    /// An image field's value once checked: a URL, or a local file held open from its
    /// inspection to its encoding (so the bytes sent are the bytes checked).
    enum ImageSlot {
        case remote(String)
        case local(OpenImageFile)

        var file: OpenImageFile? {
            if case .local(let file) = self { file } else { nil }
        }
    }

    /// Classifies and preflights each image the model takes and the validator did not already
    /// refuse; problems are added to `issues`.
    static func openImages(
        _ p: GenerationParameters, model: VideoModel, home: String?, issues: inout [ValidationIssue]
    ) -> (first: ImageSlot?, last: ImageSlot?) {
        func slot(_ reference: String?, _ field: ValidationIssue.Field, _ rule: VideoModel.ImageRule) -> ImageSlot? {
            guard let reference, rule != .notAccepted, !issues.contains(where: { $0.field == field }) else {
                return nil
            }
            do throws(ImageProblem) {
                switch try ImageReference.classify(reference) {
                case .remote(let url): return .remote(url)
                case .local(let typed): return .local(try ImagePreflight.open(typed, home: home))
                }
            } catch {
                issues.append(error.issue(for: field))
                return nil
            }
        }
        let first = slot(p.firstFrame, .firstFrame, model.firstFrame)
        let last = slot(p.lastFrame, .lastFrame, model.lastFrame)
        return (first, last)
    }

    /// Classifies and preflights the reference images the validator did not already refuse.
    static func openReferenceImages(
        _ p: GenerationParameters, model: VideoModel, home: String?, issues: inout [ValidationIssue]
    ) -> [ImageSlot] {
        guard model.takesReferences(.image), !issues.contains(where: { $0.field == .referenceImages }) else {
            return []
        }
        var slots: [ImageSlot] = []
        for reference in p.referenceImages {
            do throws(ImageProblem) {
                switch try ImageReference.classify(reference) {
                case .remote(let url): slots.append(.remote(url))
                case .local(let typed): slots.append(.local(try ImagePreflight.open(typed, home: home)))
                }
            } catch {
                issues.append(error.issue(for: .referenceImages))
                return []
            }
        }
        return slots
    }

    private static func prepared(_ slot: ImageSlot, reference: String, hashes: [ObjectIdentifier: String])
        -> PreparedImage
    {
        switch slot {
        case .remote(let url):
            return PreparedImage(reference: url)
        case .local(let file):
            let image = file.image
            return PreparedImage(
                reference: reference, path: image.path, mimeType: image.mimeType, width: image.width,
                height: image.height, byteCount: image.byteCount, sha256: hashes[ObjectIdentifier(file)])
        }
    }

    /// Allocates the body once at its exact size and fills it: literal parts copied, image parts
    /// streamed from their files. Returns the hashes per file, or the first read problem.
    private static func assemble(
        _ parts: [JSONBodyWriter.Part]
    ) -> ([UInt8], [ObjectIdentifier: String], (OpenImageFile, ImageProblem)?) {
        var total = 0
        var hasImage = false
        for part in parts {
            switch part {
            case .bytes(let bytes): total += bytes.count
            case .image(let file):
                total += ImageStreamer.base64Length(file.image.byteCount)
                hasImage = true
            }
        }
        let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: hasImage ? ImageStreamer.chunkSize : 1)
        defer { chunk.deallocate() }
        var hashes: [ObjectIdentifier: String] = [:]
        var failure: (OpenImageFile, ImageProblem)?
        let body = [UInt8](unsafeUninitializedCapacity: total) { buffer, count in
            guard let base = buffer.baseAddress else { count = 0; return }
            var offset = 0
            for part in parts {
                switch part {
                case .bytes(let bytes):
                    bytes.withUnsafeBufferPointer { source in
                        if let start = source.baseAddress { (base + offset).update(from: start, count: source.count) }
                    }
                    offset += bytes.count
                case .image(let file):
                    do throws(ImageProblem) {
                        hashes[ObjectIdentifier(file)] = try ImageStreamer.encode(
                            file, into: base + offset, chunk: chunk)
                    } catch {
                        failure = (file, error)
                        count = 0
                        return
                    }
                    offset += ImageStreamer.base64Length(file.image.byteCount)
                }
            }
            count = offset
        }
        return (body, hashes, failure)
    }

    private static func ordered(_ issues: [ValidationIssue]) -> [ValidationIssue] {
        let rank = Dictionary(uniqueKeysWithValues: ValidationIssue.Field.allCases.enumerated().map { ($1, $0) })
        return issues.enumerated()
            .sorted { (rank[$0.element.field] ?? 0, $0.offset) < (rank[$1.element.field] ?? 0, $1.offset) }
            .map(\.element)
    }
}
