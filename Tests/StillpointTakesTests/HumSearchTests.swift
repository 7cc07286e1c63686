import Foundation
@testable import StillpointTakes
import StillpointTestSupport
import Testing

/// Mains hum is found in pauses of pink noise, as 50 or 60 Hz with its
/// harmonics, and not invented where there is none.
struct HumSearchTests {
    @Test(arguments: [50.0, 60.0])
    func theMainsFamilyAndItsHarmonicsAreFound(_ mains: Double) {
        var take = SpokenTake()
        try? take.append(pause: 3)
        take.addNoise(rmsDB: -50, humAt: mains, humDB: -45)
        let found = HumSearch.frequencies(in: [take.mixed], rate: SpokenTake.rate)
        for harmonic in 1 ... 3 {
            #expect(found.contains { abs($0 - Double(harmonic) * mains) < 0.3 }, "\(found)")
        }
        #expect(found.allSatisfy { ($0 / mains - ($0 / mains).rounded()).magnitude < 0.02 }, "\(found)")
    }

    @Test func noHumIsFoundInPinkNoiseAlone() {
        let noise = SpokenTake.pink(count: 3 * SpokenTake.rate, seed: 3).map { $0 * 0.01 }
        #expect(HumSearch.frequencies(in: [noise], rate: SpokenTake.rate).isEmpty)
    }
}
