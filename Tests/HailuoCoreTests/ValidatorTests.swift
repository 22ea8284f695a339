import HailuoCore
import Testing

@Suite("Validation rules at their boundaries")
struct ValidatorTests {
    func rules(_ p: GenerationParameters) -> [String] {
        Validator.issues(for: p).map { "\($0.field.rawValue).\($0.rule.rawValue)" }
    }

    @Test func defaultsAreValidForEveryModelThatNeedsNoImage() {
        #expect(Validator.issues(for: params()).isEmpty)
        #expect(Validator.issues(for: params(model: "video-01")).isEmpty)
        #expect(Validator.issues(for: params(model: "minimax/hailuo-2.3")).isEmpty)
    }

    // MARK: Prompt

    @Test func promptOf2000UnitsPassesAnd2001Fails() throws {
        #expect(rules(params(prompt: String(repeating: "a", count: 2000))) == [])
        let issues = Validator.issues(for: params(prompt: String(repeating: "a", count: 2001)))
        let issue = try #require(issues.first)
        #expect(issues.count == 1)
        #expect(issue.field == .prompt)
        #expect(issue.rule == .maxLength)
        #expect(issue.message == "prompt: at most 2000 characters (UTF-16 units); this one has 2001")
    }

    @Test func anEmojiCountsTwoUnits() {
        let fits = String(repeating: "a", count: 1998) + "😀"  // 1998 + 2 = 2000 units, 1999 characters
        let over = String(repeating: "a", count: 1999) + "😀"  // 2001 units, 2000 characters
        #expect(over.count == 2000)
        #expect(rules(params(prompt: fits)) == [])
        #expect(rules(params(prompt: over)) == ["prompt.max-length"])
        #expect(Validator.issues(for: params(prompt: over)).first?.message.hasSuffix("this one has 2001") == true)
    }

    @Test func emptyAndBlankPromptsAreRefused() {
        #expect(rules(params(prompt: "")) == ["prompt.empty"])
        #expect(Validator.issues(for: params(prompt: "")).first?.message == "prompt: must not be empty")
        #expect(rules(params(prompt: " \n\t  ")) == ["prompt.blank"])
        #expect(rules(params(prompt: "\u{3000}")) == ["prompt.blank"])  // ideographic space
        #expect(rules(params(prompt: " x ")) == [])
    }

    @Test func controlCharactersAreRefusedExceptNewlineAndTab() throws {
        #expect(rules(params(prompt: "line one\nline two\tand a tab\r\nwindows line")) == [])
        let issue = try #require(Validator.issues(for: params(prompt: "abc\u{1B}[31m red")).first)
        #expect(issue.rule == .controlCharacter)
        #expect(issue.message.contains("position 4"))
        #expect(issue.message.contains("U+001B"))
        #expect(issue.message.contains("\\e"))
        #expect(!issue.message.contains("\u{1B}"))
        for bad in ["nul\0here", "bell\u{07}", "del\u{7F}", "lone\rcr", "next\u{85}line"] {
            #expect(rules(params(prompt: bad)) == ["prompt.control-character"], "\(bad.debugDescription)")
        }
        let many = try #require(Validator.issues(for: params(prompt: "😀\u{1B}x\u{1B}y\u{0}")).first)
        #expect(many.message.contains("position 2"))
        #expect(many.message.contains("(and 2 more)"))
    }

    // MARK: Duration and resolution

    @Test func durationAndResolutionRules() throws {
        #expect(rules(params(duration: 6, resolution: .p1080)) == [])
        #expect(rules(params(duration: 10, resolution: .p768)) == [])
        #expect(rules(params(duration: 7)) == ["duration.allowed-values"])
        #expect(
            Validator.issues(for: params(duration: 7)).first?.message
                == "duration: minimax/hailuo-02 makes 6 or 10 s clips (got 7 s)")
        #expect(rules(params(duration: 0)) == ["duration.allowed-values"])
        let issue = try #require(Validator.issues(for: params(duration: 10, resolution: .p1080)).first)
        #expect(issue.field == .duration)
        #expect(issue.rule == .resolutionLimit)
        #expect(issue.value == "10 s")
        #expect(issue.message.hasPrefix("duration: 1080P allows 6 s clips only (got 10 s)"))
        #expect(issue.message.contains("provider"))
        #expect(
            rules(params(model: "minimax/hailuo-2.3", duration: 10, resolution: .p1080)) == [
                "duration.resolution-limit"
            ])
    }

    @Test func modelsWithoutChoicesRefuseOtherValues() {
        #expect(rules(params(model: "video-01", duration: 10)) == ["duration.fixed"])
        #expect(rules(params(model: "video-01", resolution: .p1080)) == ["resolution.fixed"])
    }

    // MARK: Model and images

    @Test func unknownModelIsRefusedAndShownInert() throws {
        let issue = try #require(Validator.issues(for: params(model: "evil\u{1B}]0;pwned\u{07}")).first)
        #expect(issue.field == .model)
        #expect(issue.rule == .unknown)
        #expect(!issue.message.contains("\u{1B}"))
        #expect(!issue.message.contains("\u{07}"))
        #expect(issue.message.contains("minimax/hailuo-02"))
    }

    @Test func requiredImagesPerModel() throws {
        #expect(rules(params(model: "video-01-live2d")) == ["firstFrame.required"])
        #expect(rules(params(model: "minimax/hailuo-2.3-fast")) == ["firstFrame.required"])
        #expect(
            Validator.issues(for: params(model: "video-01-live2d")).first?.message
                == "first frame: video-01-live2d requires a first frame image (got none)")
        #expect(rules(params(model: "video-01-live2d", first: "https://example.com/a.png")) == [])
        #expect(rules(params(model: "minimax/hailuo-2.3-fast", first: "/tmp/none.png")) == [])
        #expect(rules(params(model: "minimax/hailuo-02")) == [])
    }

    @Test func lastFrameOnlyWhereTheModelTakesOne() {
        #expect(rules(params(last: "https://example.com/end.png")) == [])
        for model: ModelID in ["video-01", "video-01-live2d", "minimax/hailuo-2.3", "minimax/hailuo-2.3-fast"] {
            let p = params(model: model, first: "https://example.com/a.png", last: "https://example.com/b.png")
            #expect(rules(p) == ["lastFrame.not-accepted"], "\(model)")
        }
    }

    @Test func imageReferenceSyntax() throws {
        #expect(rules(params(first: "")) == ["firstFrame.empty"])
        #expect(rules(params(first: "   ")) == ["firstFrame.empty"])
        #expect(rules(params(first: "ftp://example.com/a.png")) == ["firstFrame.scheme"])
        #expect(rules(params(first: "file:///tmp/a.png")) == ["firstFrame.scheme"])
        #expect(
            Validator.issues(for: params(first: "file:///tmp/a.png")).first?.message.contains("file path itself")
                == true)
        #expect(rules(params(first: "data:image/png;base64,iVBORw0KGgo=")) == ["firstFrame.data-url"])
        #expect(rules(params(first: "DATA:image/png;base64,AAAA")) == ["firstFrame.data-url"])
        #expect(rules(params(first: "https://")) == ["firstFrame.url"])
        #expect(rules(params(first: "https://example.com/a b.png")) == ["firstFrame.url"])
        #expect(rules(params(last: "gopher://x/y")) == ["lastFrame.scheme"])
        #expect(rules(params(first: "http://example.com/a.png", last: "~/b.jpg")) == [])
        #expect(rules(params(first: "relative/odd:name.png")) == [])
        let issue = try #require(Validator.issues(for: params(first: "ftp://host/\u{1B}[2J.png")).first)
        #expect(issue.message.hasPrefix("first frame: "))
        #expect(!issue.message.contains("\u{1B}"))
    }

    @Test func everyIssueIsReportedAtOnceInFieldOrder() {
        let p = params(model: "minimax/hailuo-2.3-fast", prompt: "", duration: 10, resolution: .p1080, last: "x.png")
        #expect(
            rules(p) == ["prompt.empty", "duration.resolution-limit", "firstFrame.required", "lastFrame.not-accepted"])
        #expect(throws: ValidationError.self) { try Validator.validate(p) }
        let error = ValidationError(issues: Validator.issues(for: p))
        for issue in error.issues { #expect(error.description.contains(issue.message)) }
    }
}
