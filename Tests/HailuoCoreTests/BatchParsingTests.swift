import Foundation
import HailuoCore
import Testing

@Suite("Batch files: JSON Lines, CSV, the matrix, the fields")
struct BatchParsingTests {
    func value(_ row: BatchRow, _ name: String) -> BatchValue? {
        row.fields.first { $0.name == name }?.value
    }

    @Test func jsonLinesSkipBlankAndCommentLinesAndKeepLineNumbers() throws {
        let text = """
            # scenes for Monday
            {"prompt": "a boat", "duration": 10, "prompt_optimizer": false}

            {"prompt": "a kite", "image": "kite.png"}
            """
        let rows = try JSONLinesReader.rows(text, file: "b.jsonl")
        #expect(rows.map(\.position) == [.line(2), .line(4)])
        #expect(value(rows[0], "duration") == .integer(10))
        #expect(value(rows[0], "prompt_optimizer") == .bool(false))
        #expect(value(rows[1], "image") == .string("kite.png"))
    }

    @Test func aJSONLineThatIsNotAnObjectNamesItsLine() {
        #expect(throws: BatchProblems(["b.jsonl line 2: not a JSON object on one line (not valid JSON)"])) {
            try JSONLinesReader.rows("{\"prompt\": \"ok\"}\n{\"prompt\": \"cut", file: "b.jsonl")
        }
    }

    @Test func csvQuotedFieldsHoldCommasNewlinesAndQuotes() throws {
        let text = "prompt,image,duration\r\n\"a boat, \"\"red\"\"\nin the rain\",boat.png,10\r\nkite,,6\n"
        let rows = try CSVReader.rows(text, file: "b.csv")
        #expect(rows.count == 2)
        #expect(value(rows[0], "prompt") == .string("a boat, \"red\"\nin the rain"))
        #expect(value(rows[0], "duration") == .string("10"))
        #expect(rows[1].position == .line(4))
        #expect(value(rows[1], "image") == nil)  // empty: the default applies
    }

    @Test func aRaggedCSVRowIsAnError() {
        #expect(
            throws: BatchProblems([
                "b.csv line 3: 3 fields where the header names 2 (a field holding a comma must be in double quotes)"
            ])
        ) {
            try CSVReader.rows("prompt,duration\nboat,6\nboat, red,6\n", file: "b.csv")
        }
    }

    @Test func anUnclosedQuoteIsAnError() {
        #expect(throws: BatchProblems(["b.csv line 2: a double quote opened here is never closed"])) {
            try CSVReader.rows("prompt\n\"boat\n", file: "b.csv")
        }
    }

    @Test func theMatrixMultipliesOutPromptsSlowest() {
        let matrix = BatchMatrix(
            axes: BatchMatrix.ordered([
                .init(field: "duration", values: [.integer(6), .integer(10)]),
                .init(field: "prompt", values: [.string("boat"), .string("kite"), .string("sea")]),
                .init(field: "resolution", values: [.string("768P")]),
            ]))
        #expect(matrix.count == 6)
        #expect(matrix.shape == "3 prompts × 2 durations")
        let rows = matrix.rows()
        #expect(rows.count == 6)
        #expect(rows.first?.position == .matrix(1))
        #expect(rows.map { value($0, "prompt") }.prefix(2) == [.string("boat"), .string("boat")])
        #expect(rows.map { value($0, "duration") }.prefix(2) == [.integer(6), .integer(10)])
        #expect(rows.allSatisfy { value($0, "resolution") == .string("768P") })
        #expect(BatchMatrix.field(forKey: "prompts") == "prompt")
    }

    @Test func fieldsTakeEitherSpellingAndRelativeImagesFollowTheFile() throws {
        let row = BatchRow(
            position: .line(1),
            fields: [
                ("prompt", .string("boat")), ("last-image", .string("end.png")), ("image", .string("/abs/a.png")),
                ("Duration", .string("10")), ("resolution", .string("768p")), ("prompt_optimizer", .string("no")),
            ])
        let parameters = try BatchFields.parameters(row, defaults: BatchDefaults(), folder: "/data/b", file: "b.csv")
            .get()
        #expect(parameters.lastFrame == "/data/b/end.png")
        #expect(parameters.firstFrame == "/abs/a.png")
        #expect(parameters.duration == 10)
        #expect(parameters.resolution == .p768)
        #expect(parameters.promptOptimizer == false)
        #expect(BatchFields.resolve("https://x.test/a.png", folder: "/data") == "https://x.test/a.png")
    }

    @Test func anUnknownFieldAndAMissingPromptAreNamed() {
        let row = BatchRow(position: .line(3), fields: [("colour", .string("red")), ("duration", .string("long"))])
        let result = BatchFields.parameters(row, defaults: BatchDefaults(), folder: "/", file: "b.csv")
        let sentences =
            (try? result.get()).map { _ in [String]() }
            ?? {
                if case .failure(let problems) = result { return problems.sentences }
                return []
            }()
        #expect(
            sentences == [
                "b.csv line 3, field \"colour\": unknown field; the fields are "
                    + "prompt, image, last_image, model, duration, resolution, prompt_optimizer, ratio, "
                    + "reference_images, reference_videos, reference_audio",
                "b.csv line 3, field \"duration\": must be a whole number of seconds (got \"long\")",
                "b.csv line 3, field \"prompt\": missing; every job needs a prompt",
            ])
    }

    @Test func anH3RowTakesRatioAndReferencesAndTheModelsOwnDefaults() throws {
        let row = BatchRow(
            position: .line(2),
            fields: [
                ("prompt", .string("A storm")), ("model", .string("minimax/h3")), ("ratio", .string("9:16")),
                ("reference-image", .string("look.png  https://x.test/b.png")),
                ("reference_videos", .string("https://x.test/storm.mp4")),
            ])
        let p = try BatchFields.parameters(row, defaults: BatchDefaults(), folder: "/data", file: "b.csv").get()
        #expect(p.resolution == .k2, "the config's 768P does not apply to H3")
        #expect(p.duration == 6)
        #expect(p.ratio == .r9x16)
        #expect(p.referenceImages == ["/data/look.png", "https://x.test/b.png"])
        #expect(p.referenceVideos == ["https://x.test/storm.mp4"])
        let plain = GenerationParameters(model: "minimax/h3", prompt: "A storm", resolution: .k2)
        var withRatio = plain
        withRatio.ratio = .r9x16
        #expect(
            BatchRowKey.make(plain, firstFrameSHA256: nil, lastFrameSHA256: nil, occurrence: 0)
                != BatchRowKey.make(withRatio, firstFrameSHA256: nil, lastFrameSHA256: nil, occurrence: 0))
    }

    @Test func theRowKeyFollowsTheImageContentAndTheOccurrence() {
        let p = GenerationParameters(prompt: "boat", firstFrame: "/a.png")
        let key = BatchRowKey.make(p, firstFrameSHA256: "aa", lastFrameSHA256: nil, occurrence: 0)
        #expect(key == BatchRowKey.make(p, firstFrameSHA256: "aa", lastFrameSHA256: nil, occurrence: 0))
        #expect(key != BatchRowKey.make(p, firstFrameSHA256: "bb", lastFrameSHA256: nil, occurrence: 0))
        #expect(key != BatchRowKey.make(p, firstFrameSHA256: "aa", lastFrameSHA256: nil, occurrence: 1))
        var moved = p
        moved.firstFrame = "/elsewhere/a.png"
        #expect(key == BatchRowKey.make(moved, firstFrameSHA256: "aa", lastFrameSHA256: nil, occurrence: 0))
    }

    @Test func aBatchOverTheBudgetIsRefusedWithTheFigures() {
        let budget = Budget(dailyUSD: 1)
        let ledger = BudgetLedger(spentToday: 0.2, spentThisMonth: 0.2, pending: 0.1)
        #expect(
            budget.refusal(batch: [0.29, 0.29, 0.29], ledger: ledger)
                == "daily budget $1.00: spent $0.20 + pending $0.10 + these 3 jobs $0.87 = $1.17")
        #expect(budget.refusal(batch: [0.29, 0.29], ledger: ledger) == nil)
        #expect(
            Budget(perJobUSD: 0.3).refusal(batch: [0.29, 0.49], ledger: ledger)
                == "per-job budget $0.30: 1 of 2 jobs would cost more (the dearest $0.49)")
    }
}
