import Foundation

/// The calling thread's own CPU clock, for the opt-in benchmarks: other work on
/// a shared machine does not count against the code being timed.
public enum ThreadClock {
    /// CPU seconds the calling thread has used so far.
    public static func seconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
