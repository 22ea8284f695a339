/// A JSON value written out by hand, so the fuzzer controls every byte: raw number text (huge,
/// negative zero, exponents), raw string escapes (lone surrogates), any nesting depth.
indirect enum FuzzJSON {
    case object([(String, FuzzJSON)])
    case array([FuzzJSON])
    case string(String)
    /// String contents written verbatim between the quotes (escapes included as given).
    case rawString(String)
    /// Number text written verbatim.
    case number(String)
    case bool(Bool)
    case null

    /// The JSON text.
    var encoded: String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        switch self {
        case .object(let members):
            out += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out += "," }
                Self.quote(key, to: &out)
                out += ":"
                value.write(to: &out)
            }
            out += "}"
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .string(let text): Self.quote(text, to: &out)
        case .rawString(let text): out += "\"" + text + "\""
        case .number(let text): out += text
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        }
    }

    private static func quote(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default:
                if scalar.value < 0x20 {
                    out += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

/// Random answers shaped like the provider's (docs/PROVIDER.md), then bent: type swaps, missing and extra
/// keys, odd numbers, odd text, deep nesting.
enum FuzzAnswers {
    static let statusWords = [
        "queued", "waiting", "active", "generating", "processing", "preparing", "completed", "succeeded",
        "success", "error", "failed", "COMPLETED", " Queued ", "", "unknown-state", "\u{202E}deliuq",
    ]
    static let oddNumbers = [
        "0", "-0", "1", "-1", "1.5", "1e3", "1E-7", "1e308", "1e309", "-1e999", "1e-999", "9223372036854775807",
        "9223372036854775808", "-9223372036854775809", "18446744073709551616", "123456789012345678901234567890",
        "0.0000000000000000000000001", "2147483648", "400", "429", "503", "01", "1.", ".5", "+1", "NaN", "Infinity",
    ]
    static let rawEscapes = [
        "\\ud800", "\\udc00", "\\ud83d\\ude00", "\\u0000", "\\u001b[31m", "\\u202e", "\\uFFFF", "\\x41", "\\",
        "\\u12", "\\/", "\\b\\f\\r\\t",
    ]

    /// One answer: a create, poll or error body, mostly well formed.
    static func answer(_ random: inout FuzzRandom) -> FuzzJSON {
        var value: FuzzJSON
        switch random.below(3) {
        case 0: value = create(&random)
        case 1: value = poll(&random)
        default: value = errorBody(&random)
        }
        for _ in 0..<random.smallLength(max: 4) { value = bend(value, &random, depth: 0) }
        return value
    }

    static func create(_ random: inout FuzzRandom) -> FuzzJSON {
        var members: [(String, FuzzJSON)] = []
        members.append((random.oneIn(3) ? "id" : "generation_id", id(&random)))
        members.append(("status", .string(random.pick(statusWords))))
        if random.oneIn(2) { members.append(("meta", meta(&random))) }
        return .object(members)
    }

    static func poll(_ random: inout FuzzRandom) -> FuzzJSON {
        var members: [(String, FuzzJSON)] = [("id", id(&random)), ("status", .string(random.pick(statusWords)))]
        switch random.below(3) {
        case 0: members.append(("video", .null))
        case 1:
            members.append(("video", .object([("url", .string("https://cdn.example/v.mp4?Expires=1&Signature=x"))])))
        default: members.append(("video", .object([("url", text(&random))])))
        }
        members.append(("error", error(&random)))
        if random.oneIn(2) { members.append(("meta", meta(&random))) }
        return .object(members)
    }

    static func errorBody(_ random: inout FuzzRandom) -> FuzzJSON {
        var members: [(String, FuzzJSON)] = []
        switch random.below(4) {
        case 0: members.append(("message", text(&random)))
        case 1: members.append(("message", .array([text(&random), text(&random)])))
        case 2: members.append(("error", error(&random)))
        default: members.append(("detail", detail(&random)))
        }
        members.append(("path", .string("/v2/generate/video/minimax/generation")))
        members.append(("requestId", text(&random)))
        members.append(("statusCode", .number(random.pick(oddNumbers))))
        members.append(("timestamp", .string("2026-11-26T11:00:00.000Z")))
        return .object(members)
    }

    static func error(_ random: inout FuzzRandom) -> FuzzJSON {
        switch random.below(5) {
        case 0: return .null
        case 1: return text(&random)
        case 2: return .object([("name", text(&random)), ("message", text(&random))])
        case 3: return .object([("detail", detail(&random))])
        default: return .object([("code", .number(random.pick(oddNumbers))), ("extra", value(&random, depth: 0))])
        }
    }

    static func detail(_ random: inout FuzzRandom) -> FuzzJSON {
        .array(
            (0..<random.smallLength(max: 5)).map { _ in
                .object([
                    ("loc", .array([.string("body"), random.oneIn(2) ? .string("prompt") : .number("0")])),
                    ("msg", text(&random)), ("type", .string("value_error")),
                ])
            })
    }

    static func meta(_ random: inout FuzzRandom) -> FuzzJSON {
        .object([("usage", random.oneIn(3) ? value(&random, depth: 0) : .object([("tokens_used", .number("120000"))]))])
    }

    static func id(_ random: inout FuzzRandom) -> FuzzJSON {
        switch random.below(4) {
        case 0: return .string("gen-" + String(random.next(), radix: 36))
        case 1: return .number(random.pick(oddNumbers))
        case 2: return text(&random)
        default: return value(&random, depth: 0)
        }
    }

    /// Text with odd unicode, or raw escapes.
    static func text(_ random: inout FuzzRandom) -> FuzzJSON {
        if random.oneIn(5) {
            return .rawString((0..<random.int(in: 1...3)).map { _ in random.pick(rawEscapes) }.joined())
        }
        if random.oneIn(30) { return .string(String(repeating: "长", count: random.int(in: 300...5000))) }
        return .string(FuzzText.string(&random, maxPieces: 12))
    }

    /// Any JSON value, nesting at most a few levels (deeper nesting comes from ``deep(_:levels:_:)``).
    static func value(_ random: inout FuzzRandom, depth: Int) -> FuzzJSON {
        switch random.below(depth > 3 ? 5 : 7) {
        case 0: return .null
        case 1: return .bool(random.oneIn(2))
        case 2: return .number(random.pick(oddNumbers))
        case 3, 4: return text(&random)
        case 5:
            return .array((0..<random.smallLength(max: 4)).map { _ in value(&random, depth: depth + 1) })
        default:
            let keys = ["message", "name", "detail", "url", "status", "id", "usage", "msg", "loc", "", "\u{0}"]
            return .object(
                (0..<random.smallLength(max: 4)).map { _ in (random.pick(keys), value(&random, depth: depth + 1)) })
        }
    }

    /// `value` wrapped in `levels` arrays or objects.
    static func deep(_ value: FuzzJSON, levels: Int, _ random: inout FuzzRandom) -> FuzzJSON {
        var out = value
        let asObject = random.oneIn(2)
        for _ in 0..<levels { out = asObject ? .object([("error", out)]) : .array([out]) }
        return out
    }

    /// One structural change somewhere in `value`: swap a value's type, drop or add a key, nest deeply.
    static func bend(_ json: FuzzJSON, _ random: inout FuzzRandom, depth: Int) -> FuzzJSON {
        switch json {
        case .object(var members) where !members.isEmpty && random.below(3) != 0:
            let at = random.below(members.count)
            switch random.below(5) {
            case 0: members.remove(at: at)
            case 1: members.append((members[at].0, value(&random, depth: 0)))  // duplicate key
            case 2: members[at].1 = deep(members[at].1, levels: random.pick([8, 100, 511, 513, 2000]), &random)
            default: members[at].1 = bend(members[at].1, &random, depth: depth + 1)
            }
            return .object(members)
        case .array(var items) where !items.isEmpty && random.oneIn(2):
            let at = random.below(items.count)
            items[at] = bend(items[at], &random, depth: depth + 1)
            return .array(items)
        default:
            return random.oneIn(8) ? deep(json, levels: random.int(in: 1...600), &random) : value(&random, depth: 2)
        }
    }
}
