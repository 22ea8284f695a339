import HailuoCore
import Testing

@Suite("Camera commands and their lint")
struct CameraLintTests {
    func kinds(_ prompt: String, model: ModelID? = nil) -> [CameraFinding.Kind] {
        CameraLint.findings(in: prompt, model: model).map(\.kind)
    }

    // MARK: The list

    @Test func theListIsMiniMaxsFifteenInItsOrder() {
        #expect(CameraCommand.allCases.count == 15)
        #expect(
            CameraCommand.allCases.map(\.name) == [
                "Truck left", "Truck right", "Pan left", "Pan right", "Push in", "Pull out", "Pedestal up",
                "Pedestal down", "Tilt up", "Tilt down", "Zoom in", "Zoom out", "Shake", "Tracking shot",
                "Static shot",
            ])
        #expect(CameraCommand.panLeft.bracketed == "[Pan left]")
        #expect(CameraCommand.maxPerBracket == 3)
    }

    @Test func matchingIgnoresCaseAndSpacesAndGivesTheCanonicalSpelling() {
        #expect(CameraCommand(matching: "pan LEFT") == .panLeft)
        #expect(CameraCommand(matching: "  Tracking   shot ") == .trackingShot)
        #expect(CameraCommand(matching: "SHAKE")?.name == "Shake")
        #expect(CameraCommand(matching: "Pan") == nil)
        #expect(CameraCommand(matching: "Pan lefty") == nil)
    }

    @Test func completionsStartWithTheNameThenAnyLaterWord() {
        #expect(CameraCommand.completions(for: "") == CameraCommand.allCases)
        #expect(CameraCommand.completions(for: "pa") == [.panLeft, .panRight])
        #expect(
            CameraCommand.completions(for: "P") == [.panLeft, .panRight, .pushIn, .pullOut, .pedestalUp, .pedestalDown])
        #expect(CameraCommand.completions(for: "le") == [.truckLeft, .panLeft])
        #expect(CameraCommand.completions(for: "pan  l") == [.panLeft])
        #expect(CameraCommand.completions(for: "swoop").isEmpty)
    }

    @Test func suggestionsForNearSpellingsFamiliesAndSynonyms() {
        #expect(CameraCommand.suggestions(for: "Pan lft") == [.panLeft])
        #expect(CameraCommand.suggestions(for: "Zoom inn") == [.zoomIn])
        #expect(CameraCommand.suggestions(for: "Pan sideways") == [.panLeft, .panRight])
        #expect(CameraCommand.suggestions(for: "Pan leftwards") == [.panLeft])
        #expect(CameraCommand.suggestions(for: "Dolly in") == [.pushIn])
        #expect(CameraCommand.suggestions(for: "crane up") == [.pedestalUp])
        #expect(CameraCommand.suggestions(for: "Swoop").isEmpty)
    }

    @Test func whichModelsFollowTheCommands() {
        for id: ModelID in ["minimax/hailuo-02", "minimax/hailuo-2.3", "minimax/hailuo-2.3-fast"] {
            #expect(CameraCommand.isHonoured(by: id), "\(id)")
        }
        for id: ModelID in ["video-01", "video-01-live2d", "minimax/h3", "minimax/h3-max"] {
            #expect(!CameraCommand.isHonoured(by: id), "\(id)")
        }
    }

    // MARK: Findings

    @Test func knownCommandsInAnyCaseFindNothing() {
        #expect(kinds("[Push in] A lamb in the snow").isEmpty)
        #expect(kinds("A fox [pan left, PEDESTAL UP] then [Static shot]").isEmpty)
        #expect(kinds("no brackets at all").isEmpty)
    }

    @Test func anUnknownCommandIsAWarningWithDidYouMeanAndItsPosition() throws {
        let prompt = "A cat [Pan sideways] on a roof"
        let findings = CameraLint.findings(in: prompt)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.severity == .warning)
        #expect(finding.kind == .unknownCommand("Pan sideways", suggestions: [.panLeft, .panRight]))
        #expect(finding.range == 7..<19)
        #expect(Array(prompt)[finding.range].map(String.init).joined() == "Pan sideways")
        #expect(
            finding.message
                == "prompt: [Pan sideways] is not a camera command MiniMax knows; did you mean [Pan left] or [Pan right]?"
        )
        #expect(
            CameraLint.findings(in: "[Pan lft]").first?.message
                == "prompt: [Pan lft] is not a camera command MiniMax knows; did you mean [Pan left]?")
        #expect(
            CameraLint.findings(in: "[Swoop]").first?.message == "prompt: [Swoop] is not a camera command MiniMax knows"
        )
    }

    @Test func threeInOneBracketPassAndFourAreAWarning() throws {
        #expect(kinds("[Truck left, Pan right, Zoom in] a street").isEmpty)
        let four = "[Truck left, Pan right, Zoom in, Shake] a street"
        let finding = try #require(CameraLint.findings(in: four).first)
        #expect(CameraLint.findings(in: four).count == 1)
        #expect(finding.kind == .tooMany(4))
        #expect(finding.severity == .warning)
        #expect(finding.range == 0..<39)
        #expect(finding.message.contains("combines 4 camera commands"))
        #expect(finding.message.contains("at most 3"))
    }

    @Test func aBracketLeftOpenIsTheOnlyError() throws {
        let prompt = "A cat [Pan left walks on"
        let finding = try #require(CameraLint.findings(in: prompt).first)
        #expect(finding.kind == .unclosed)
        #expect(finding.severity == .error)
        #expect(finding.range.lowerBound == 6)
        #expect(finding.message.hasPrefix("prompt: the camera bracket opened at position 7"))
        #expect(finding.message.contains("never closed"))
        #expect(CameraLint.warnings(in: prompt).isEmpty)
        // A second `[` before any `]` leaves the first open; the second is a bracket.
        #expect(kinds("[Pan left [Zoom in]") == [.unclosed])
    }

    @Test func aStrayCloseAndAnEmptyBracketAreWarnings() {
        let stray = CameraLint.findings(in: "A cat] on a roof")
        #expect(stray.map(\.kind) == [.strayClose])
        #expect(stray.first?.range == 5..<6)
        #expect(stray.first?.severity == .warning)
        #expect(kinds("[] a cat") == [.empty])
        #expect(kinds("[ , ] a cat") == [.empty])
    }

    @Test func aModelThatDoesNotFollowCommandsSaysSoForEachBracketWithOne() throws {
        let prompt = "[Pan left] a cat, [Shot 1] a dog"
        let findings = CameraLint.findings(in: prompt, model: "minimax/h3")
        #expect(findings.map(\.kind) == [.notFollowed("minimax/h3")])
        #expect(findings.first?.range == 0..<10)
        #expect(findings.first?.message.contains("minimax/h3 does not follow camera commands") == true)
        // The same prompt for Hailuo-02: `[Shot 1]` is the unknown one.
        #expect(kinds(prompt, model: "minimax/hailuo-02").count == 1)
        #expect(kinds("[Pan sideways]", model: "video-01").isEmpty)
    }

    @Test func simulatorMarkersAreNotCameraBrackets() {
        #expect(kinds("lost in the post [sim:lost]").isEmpty)
    }

    @Test func outsideTextInAMessageIsInert() throws {
        let finding = try #require(CameraLint.findings(in: "[Pan\u{1B}[2J left]").first)
        #expect(!finding.message.unicodeScalars.contains { $0 == "\u{1B}" })
    }

    // MARK: Validation

    @Test func anOpenBracketIsAValidationIssueOfThePrompt() throws {
        let issues = Validator.issues(for: GenerationParameters(prompt: "A cat [Pan left walks on"))
        let issue = try #require(issues.first)
        #expect(issues.count == 1)
        #expect(issue.field == .prompt)
        #expect(issue.rule == .unclosedBracket)
        #expect(issue.rule.rawValue == "unclosed-bracket")
        #expect(issue.value == "position 7")
        #expect(issue.message.hasPrefix("prompt: the camera bracket opened at position 7"))
        let two = Validator.cameraIssues("[a [b")
        #expect(two.count == 1)
        #expect(two.first?.message.hasSuffix("(and 1 more)") == true)
    }

    @Test func warningsAreNoValidationIssues() {
        #expect(Validator.issues(for: GenerationParameters(prompt: "[Swoop, a, b, c] x] [] y")).isEmpty)
    }
}
