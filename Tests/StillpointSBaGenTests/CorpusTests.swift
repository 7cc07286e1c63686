import Foundation
import StillpointSBaGen
import StillpointScript
import StillpointTestSupport
import Testing

/// Every example schedule of the SBaGen/SBaGenX projects (`../shared/corpus/sbagen`,
/// GPL-2 test data read from where it lies) imports, checks and renders, with no
/// error and only warnings located in the schedule.
@Suite struct CorpusTests {
    static let corpus = StillpointCommand.packageRoot.appendingPathComponent("../shared/corpus/sbagen").standardizedFileURL

    static let schedules: [String] = {
        guard let walker = FileManager.default.enumerator(atPath: corpus.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { SBaGenImport.isSchedule(URL(fileURLWithPath: $0)) }.sorted()
    }()

    @Test func corpusIsThere() throws {
        try #require(FileManager.default.fileExists(atPath: Self.corpus.path), "no corpus at \(Self.corpus.path)")
        #expect(Self.schedules.count >= 90)
    }

    @Test(.enabled(if: !schedules.isEmpty, "the SBaGen corpus is not at ../shared/corpus/sbagen"), arguments: schedules)
    func importsChecksAndRenders(_ path: String) throws {
        let schedule = Self.corpus.appendingPathComponent(path)
        let imported = SBaGenImport.importSchedule(schedule)
        #expect(!imported.hasErrors, "\(imported.diagnostics)")
        let result = ScheduleRendering.load(schedule)
        for diagnostic in result.diagnostics {
            #expect(diagnostic.severity == .warning, "\(diagnostic)")
            #expect(diagnostic.location?.file == schedule.relativePath, "not located in the schedule: \(diagnostic)")
            #expect(diagnostic.sourceLine != nil, "\(diagnostic)")
        }
        let timeline = try #require(result.timeline)
        let folder = try TemporaryLibrary("sbg-corpus")
        let (left, right) = try ScheduleRendering.render(timeline, from: 0, to: 1, in: folder.root)
        #expect(left.count == min(timeline.rate, Int(timeline.length)))
        #expect(SignalAnalysis.samplePeak(left + right) <= 1)
    }
}
