import StillpointScript
import Testing

/// Every style of the one time formatter, at the roundings that matter: the
/// nearest second or millisecond, the hour boundary, and a negative time.
@Test(arguments: [
    (TimeFormat.clock, 0.0, "0:00"), (.clock, 4.49, "0:04"), (.clock, 59.5, "1:00"), (.clock, 3599.4, "59:59"),
    (.clock, 3600, "1:00:00"), (.clock, 43_200, "12:00:00"),
    (.exact, 4, "0:04"), (.exact, 4.25, "0:04.250"), (.exact, 90.0004, "1:30"), (.exact, 90.0005, "1:30.001"),
    (.exact, 3723.5, "1:02:03.500"),
    (.column, 0, "0:00:00.000"), (.column, 7.512, "0:00:07.512"), (.column, 36_000.25, "10:00:00.250"),
    (.timestamp, 0, "00:00:00.000"), (.timestamp, 90.25, "00:01:30.250"), (.timestamp, 3599.9996, "01:00:00.000"),
    (.timestamp, -1, "00:00:00.000"),
    (.seconds, 4.5, "4.5 s"), (.seconds, 0.04, "0.0 s"), (.seconds, 61.25, "61.2 s"),
])
func timesAreWrittenInEachStyle(style: TimeFormat, seconds: Double, expected: String) {
    #expect(style.string(seconds) == expected)
}
