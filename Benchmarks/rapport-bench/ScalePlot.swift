import Foundation

/// The scale run's curves as a plain SVG (no plotting tool): time and peak memory against
/// accounts, both axes logarithmic, Rapport's commands as solid lines beside the raw
/// references (the sqlite3 shell's `.import`, the check-in-due query) dashed; the memory
/// targets (300 MB at 100 000 accounts, 1.5 GB at a million) as dotted lines.
enum ScalePlot {
    struct Series {
        var name: String
        var colour: String
        var dashed: Bool
        var values: [(accounts: Double, value: Double)]
    }

    static func svg(_ points: [ScaleBench.Point]) -> String {
        func series(_ name: String, _ colour: String, dashed: Bool = false, _ value: (ScaleBench.Point) -> Double) -> Series {
            Series(name: name, colour: colour, dashed: dashed, values: points.map { (Double($0.accounts), value($0)) })
        }
        let times = [
            series("import, Rapport", "#1f77b4") { $0.importRapport.seconds },
            series("import, sqlite3 .import", "#1f77b4", dashed: true) { $0.importShell },
            series("today, all reps (process)", "#d62728") { $0.today.seconds },
            series("today, all reps (in process)", "#ff7f0e") { $0.todayInProcess },
            series("check-in query, sqlite3", "#d62728", dashed: true) { $0.checkinQuery },
            series("today, one rep (process)", "#2ca02c") { $0.oneRep.seconds },
            series("agenda week json", "#9467bd") { $0.week.seconds },
        ]
        let memory = [
            series("import (largest kind)", "#1f77b4") { $0.importRapport.peakMB },
            series("today, all reps", "#d62728") { $0.today.peakMB },
            series("today, one rep", "#2ca02c") { $0.oneRep.peakMB },
            series("agenda week json", "#9467bd") { $0.week.peakMB },
        ]
        let targets = [(100_000.0, 300.0, "300 MB at 100 000"), (1_000_000.0, 1_500.0, "1.5 GB at 1 000 000")]
        let width = 1000, height = 460
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" \
            font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(width / 2)" y="22" text-anchor="middle" font-size="15" font-weight="bold">\
            Rapport at 10 000 – 1 000 000 accounts (rapport-bench scale)</text>

            """
        out += panel(title: "time (s), best of the runs", unit: "s", series: times, targets: [], x: 20, width: 470)
        out += panel(title: "peak memory (max RSS, MB)", unit: "MB", series: memory, targets: targets, x: 510, width: 470)
        out += "</svg>\n"
        return out
    }

    /// One log–log panel with its axes, grid, curves and legend.
    private static func panel(
        title: String, unit: String, series: [Series], targets: [(Double, Double, String)], x: Int, width: Int
    ) -> String {
        let (top, plotHeight, left) = (50, 250, 60)
        let plotWidth = width - left - 10
        let xs = series.flatMap { $0.values.map(\.accounts) }
        let ys = series.flatMap { $0.values.map(\.value) }.filter { $0 > 0 && $0.isFinite } + targets.map(\.1)
        let xRange = (floor(log10(xs.min() ?? 1e4)), ceil(log10(xs.max() ?? 1e6)))
        let yRange = (floor(log10(ys.min() ?? 0.01)), ceil(log10(ys.max() ?? 100)))
        func px(_ value: Double) -> Double {
            Double(x + left) + (log10(value) - xRange.0) / max(xRange.1 - xRange.0, 1) * Double(plotWidth)
        }
        func py(_ value: Double) -> Double {
            Double(top + plotHeight) - (log10(value) - yRange.0) / max(yRange.1 - yRange.0, 1) * Double(plotHeight)
        }
        func f(_ value: Double) -> String { String(format: "%.1f", value) }
        var out = "<g>\n<text x=\"\(x + left + plotWidth / 2)\" y=\"\(top - 10)\" text-anchor=\"middle\" font-weight=\"bold\">\(title)</text>\n"
        out += "<rect x=\"\(x + left)\" y=\"\(top)\" width=\"\(plotWidth)\" height=\"\(plotHeight)\" fill=\"none\" stroke=\"#888\"/>\n"
        for decade in stride(from: xRange.0, through: xRange.1, by: 1) {
            let value = pow(10, decade), at = px(value)
            out += "<line x1=\"\(f(at))\" y1=\"\(top)\" x2=\"\(f(at))\" y2=\"\(top + plotHeight)\" stroke=\"#ddd\"/>\n"
            out += "<text x=\"\(f(at))\" y=\"\(top + plotHeight + 16)\" text-anchor=\"middle\">\(grouped(value))</text>\n"
        }
        out += "<text x=\"\(x + left + plotWidth / 2)\" y=\"\(top + plotHeight + 34)\" text-anchor=\"middle\">accounts</text>\n"
        for decade in stride(from: yRange.0, through: yRange.1, by: 1) {
            let value = pow(10, decade), at = py(value)
            out += "<line x1=\"\(x + left)\" y1=\"\(f(at))\" x2=\"\(x + left + plotWidth)\" y2=\"\(f(at))\" stroke=\"#ddd\"/>\n"
            out += "<text x=\"\(x + left - 6)\" y=\"\(f(at + 4))\" text-anchor=\"end\">\(number(value)) \(unit)</text>\n"
        }
        for (accounts, limit, name) in targets where accounts >= pow(10, xRange.0) && accounts <= pow(10, xRange.1) {
            // A short dotted line ending at the size it is for, its label above, inside the panel.
            let (cx, cy) = (px(accounts), py(limit))
            out += "<line x1=\"\(f(cx - 60))\" y1=\"\(f(cy))\" x2=\"\(f(cx))\" y2=\"\(f(cy))\" stroke=\"#000\" stroke-dasharray=\"2,3\"/>\n"
            out += "<text x=\"\(f(cx - 2))\" y=\"\(f(cy - 5))\" text-anchor=\"end\" font-size=\"10\">target \(name)</text>\n"
        }
        for line in series {
            let visible = line.values.filter { $0.value > 0 && $0.value.isFinite }
            let path = visible.map { "\(f(px($0.accounts))),\(f(py($0.value)))" }.joined(separator: " ")
            out += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(line.colour)\" stroke-width=\"2\"\(line.dashed ? " stroke-dasharray=\"6,4\"" : "")/>\n"
            for point in visible {
                out += "<circle cx=\"\(f(px(point.accounts)))\" cy=\"\(f(py(point.value)))\" r=\"3\" fill=\"\(line.colour)\"/>\n"
            }
        }
        // The legend under the panel, two columns.
        for (index, line) in series.enumerated() {
            let (lx, ly) = (x + left + (index % 2) * (plotWidth / 2), top + plotHeight + 56 + (index / 2) * 18)
            out += "<line x1=\"\(lx)\" y1=\"\(ly - 4)\" x2=\"\(lx + 24)\" y2=\"\(ly - 4)\" stroke=\"\(line.colour)\" stroke-width=\"2\"\(line.dashed ? " stroke-dasharray=\"6,4\"" : "")/>\n"
            out += "<text x=\"\(lx + 30)\" y=\"\(ly)\">\(line.name)</text>\n"
        }
        return out + "</g>\n"
    }

    /// 10000 → "10 000".
    private static func grouped(_ value: Double) -> String {
        var digits = String(Int(value.rounded()))
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        return ([digits] + groups).joined(separator: " ")
    }

    /// A decade's label: 0.01, 0.1, 1, 10, 100, 1 000.
    private static func number(_ value: Double) -> String {
        value >= 1 ? grouped(value) : String(format: "%g", value)
    }
}
