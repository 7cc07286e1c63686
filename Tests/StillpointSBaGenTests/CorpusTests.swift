import Foundation
import StillpointSBaGen
import StillpointScript
import StillpointTestSupport
import Testing

/// Every example schedule of the SBaGen/SBaGenX projects (`../shared/corpus/sbagen`,
/// GPL-2 test data read from where it lies) imports, checks and renders, with no
/// error and only warnings located in the schedule.
@Suite struct CorpusTests {
    /// `../shared/corpus/sbagen` beside the package (or beside its folder, for a
    /// package checked out one level deeper, as a worktree is).
    static let corpus: URL = {
        let candidates = ["../shared/corpus/sbagen", "../../shared/corpus/sbagen"].map {
            StillpointCommand.packageRoot.appendingPathComponent($0).standardizedFileURL
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) } ?? candidates[0]
    }()

    static let schedules: [String] = {
        guard let walker = FileManager.default.enumerator(atPath: corpus.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { SBaGenImport.isSchedule(URL(fileURLWithPath: $0)) }.sorted()
    }()

    @Test(.enabled(if: !schedules.isEmpty, "the SBaGen corpus is not at ../shared/corpus/sbagen"))
    func corpusIsWhole() {
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
