import Foundation
import HailuoCore
import HailuoTestSupport

/// What must never be found: the key (whole, and its body without the `sk-` prefix and the tail a
/// fingerprint shows) and windows of the image's base64 text.
struct SecretNeedles {
    let key: String
    let keyForms: [Data]
    let base64Windows: [Data]

    init(key: String, image: Data) {
        self.key = key
        let body = key.dropFirst(3).dropLast(4)
        keyForms = [Data(key.utf8), Data(body.utf8)]
        let encoded = image.base64EncodedString()
        let middle = encoded.index(encoded.startIndex, offsetBy: (encoded.count / 2) / 4 * 4)
        base64Windows = [
            Data(encoded.prefix(40).utf8), Data(encoded[middle...].prefix(40).utf8),
        ]
    }
}

/// Every artefact searched, by name, with what was found in it.
struct SecretSweep {
    private(set) var places: [String] = []
    private(set) var keyHits: [String] = []
    private(set) var base64Hits: [String] = []
    let needles: SecretNeedles

    init(_ needles: SecretNeedles) { self.needles = needles }

    /// Searches `data` (one place) for every needle.
    mutating func search(_ data: Data, place: String) {
        places.append(place)
        if needles.keyForms.contains(where: { data.range(of: $0) != nil }) { keyHits.append(place) }
        if needles.base64Windows.contains(where: { data.range(of: $0) != nil }) { base64Hits.append(place) }
    }

    mutating func search(_ text: String, place: String) { search(Data(text.utf8), place: place) }

    /// Searches every regular file under `folder` (recursively), each file one place.
    mutating func searchFiles(under folder: URL, matching keep: (URL) -> Bool = { _ in true }) {
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = files?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true, keep(url),
                let data = try? Data(contentsOf: url)
            else { continue }
            search(data, place: url.path)
        }
    }

    /// Searches `/proc/<pid>/cmdline` of every process (environments are not searched: an exported
    /// `AIML_API_KEY` is expected there).
    mutating func searchCommandLines(label: String) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        var all = Data()
        var count = 0
        for entry in entries where Int32(entry) != nil {
            guard let data = try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(entry)/cmdline")) else { continue }
            all.append(data)
            all.append(0x0A)
            count += 1
        }
        search(all, place: "cmdline of \(count) processes (\(label))")
    }
}

/// A PNG with a chunk of random bytes, so its base64 text is unique to this run.
enum UniqueImage {
    static func png(width: Int, height: Int) -> Data {
        let plain = SyntheticImage.png(width: width, height: height)
        let noise = (0..<3000).map { _ in UInt8.random(in: 0...255) }
        return Data(plain.dropLast(12) + SyntheticImage.pngChunk("rnDm", noise) + plain.suffix(12))
    }
}

/// Mode bits of a path (`0o700`...), or nil when it cannot be read.
func permissions(_ path: String) -> Int? {
    (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
}
