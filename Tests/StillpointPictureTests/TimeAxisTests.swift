import Testing
@testable import StillpointPicture

/// The scale adapts: a short track is drawn wide per second, a long one is
/// squeezed onto a page, and ticks are round steps never closer than a label.
struct TimeAxisTests {
    @Test(arguments: [
        (75.0, 10.0), (300.0, 10.0), (3600.0, 120.0), (12 * 3600.0, 1800.0),
    ])
    func ticksAreRoundAndNeverCrowded(_ seconds: Double, _ step: Double) {
        let axis = TimeAxis(seconds: seconds, left: 0)
        #expect(axis.step == step)
        #expect(axis.step * axis.width / seconds >= TimeAxis.tickSpacing)
        #expect(TimeAxis.widthRange.contains(axis.width))
        #expect(axis.x(seconds) == axis.right)
    }
}
