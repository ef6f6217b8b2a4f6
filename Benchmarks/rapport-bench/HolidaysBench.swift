import Foundation
import RapportCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `rapport-bench holidays [--binary PATH] [--runs N]`
///
/// 1. One country-year (CN 2025) in process, the way `rapport holidays` does it: the
///    config and calendar files read, the rules resolved, the lunar years computed. The
///    first call is cold (nothing cached); later calls read the files again but find
///    the lunar years cached. Target under 20 ms.
/// 2. The whole 1901–2099 table for every shipped country. Target under 1 s.
/// 3. `rapport holidays --country CN --year 2025 --format json` run as a process from
///    the release binary beside this one (target under 20 ms), next to `rapport
///    --version`, which does no work: the difference is Rapport's share, the rest is
///    process start-up (loading the Swift runtime and Foundation).
func holidaysBenchmark(_ arguments: ArraySlice<String>) throws {
    var runs = 20
    var binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("rapport").path
    var rest = Array(arguments)
    while !rest.isEmpty {
        let flag = rest.removeFirst()
        guard let value = rest.first else { throw BenchError("\(flag) needs a value") }
        rest.removeFirst()
        switch flag {
        case "--runs": runs = max(1, Int(value) ?? runs)
        case "--binary": binary = value
        default: throw BenchError("unknown option \(flag)")
        }
    }
    let shipped = ShippedResources.configDirectory
    let clock = ContinuousClock()
    func countryYear() throws {
        let config = try RapportConfig.load(directory: shipped)
        let calendar = try HolidayCalendar.load(shipped: shipped, user: nil, config: config)
        _ = try calendar.occasions(country: "CN", year: 2025)
    }

    // 1. One country-year in process.
    let cold = try clock.measure(countryYear)
    var warm: [Duration] = []
    for _ in 0..<runs { warm.append(try clock.measure(countryYear)) }
    print("CN 2025 in process: cold \(milliseconds(cold)); files re-read, lunar years cached: median \(milliseconds(median(warm))), max \(milliseconds(warm.max()!)) over \(runs) runs (target < 20 ms)")

    // 2. The whole table.
    var occasionCount = 0
    var countryCount = 0
    let table = try clock.measure {
        let calendar = try HolidayCalendar.load(shipped: shipped, user: nil, config: RapportConfig())
        countryCount = calendar.countries.count
        for country in calendar.countries {
            for year in HolidayCalendar.supportedYears {
                occasionCount += try calendar.occasions(country: country, year: year).count
            }
        }
    }
    print("whole table 1901–2099, \(countryCount) countries, \(occasionCount) occasions: \(milliseconds(table)) (target < 1000 ms)")

    // 3. The release binary as a process.
    guard FileManager.default.isExecutableFile(atPath: binary) else {
        print("process: no executable at \(binary) (build it with `swift build -c release` or pass --binary)")
        return
    }
    func timeProcess(_ arguments: [String]) throws -> [Duration] {
        var times: [Duration] = []
        for _ in 0..<runs {
            var status: Int32 = 0
            times.append(try clock.measure { status = try spawnAndWait(binary, arguments) })
            guard status == 0 else { throw BenchError("\(binary) \(arguments) ended with status \(status)") }
        }
        return times
    }
    let holidays = try timeProcess(["holidays", "--country", "CN", "--year", "2025", "--format", "json"])
    let startup = try timeProcess(["--version"])
    print("process `rapport holidays --country CN --year 2025 --format json`: median \(milliseconds(median(holidays))), min \(milliseconds(holidays.min()!)) over \(runs) runs (target < 20 ms)")
    print("process `rapport --version` (start-up alone): median \(milliseconds(median(startup))), min \(milliseconds(startup.min()!))")
}

private func median(_ values: [Duration]) -> Duration { values.sorted()[values.count / 2] }

private func milliseconds(_ duration: Duration) -> String {
    let ms = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    return String(format: "%.2f ms", ms)
}

