/// The audit page's payer section: per rep the share of accounts whose payment slipped,
/// and for each rep with slipping accounts an inline SVG chart of the average days beyond
/// terms per quarter (by due date) over those accounts' invoices.
extension AuditHTMLPage {
    static func payerSection(_ payers: PayerAudit, limit: Int = 20) -> String {
        let reps = payers.reps.filter { $0.accounts > 0 }
        guard !reps.isEmpty else { return "<p class=\"empty\">No account has invoices due in both years.</p>" }
        var html = table(
            ["Rep", "Accounts with a trend", "Slipped", "Share", "Slipping accounts"], numeric: [1, 2, 3],
            rows: reps.map { slip in
                [escape(slip.rep), "\(slip.accounts)", "\(slip.slipped.count)", percent(slip.share),
                 slip.slipped.prefix(limit).map(escape).joined(separator: ", ") + (slip.slipped.count > limit ? " …" : "")]
            })
        for slip in reps where !slip.slipped.isEmpty {
            html += quarterChart(slip)
        }
        return html
    }

    /// One bar per quarter, labelled with its average; a quarter without invoices shows "—".
    static func quarterChart(_ slip: PayerSlip) -> String {
        let column = 84, plot = 140, top = 34, left = 10
        let peak = max(1, slip.quarters.compactMap(\.average).max() ?? 1)
        let width = left + column * slip.quarters.count + 10
        let label = "Days beyond terms per quarter, \(escape(slip.rep))'s slipping accounts"
        var svg = svgOpen(width: width, height: top + plot + 40, label: label)
        svg += "<text x=\"\(left)\" y=\"16\">\(label)</text>"
        let base = top + plot
        for (index, quarter) in slip.quarters.enumerated() {
            let x = left + index * column + 10
            let middle = x + (column - 20) / 2
            if let average = quarter.average {
                let height = Int((Double(plot) * average / peak).rounded())
                svg += "<rect x=\"\(x)\" y=\"\(base - height)\" width=\"\(column - 20)\" height=\"\(height)\" class=\"\(average >= 30 ? "poor" : average >= 10 ? "fair" : "good")\"/>"
                svg += "<text x=\"\(middle)\" y=\"\(base - height - 4)\" text-anchor=\"middle\" class=\"value\">\(format1(average)) d</text>"
            } else {
                svg += "<text x=\"\(middle)\" y=\"\(base - 4)\" text-anchor=\"middle\" class=\"dim\">—</text>"
            }
            svg += "<text x=\"\(middle)\" y=\"\(base + 16)\" text-anchor=\"middle\" class=\"axis\">\(quarter.label)</text>"
            svg += "<text x=\"\(middle)\" y=\"\(base + 30)\" text-anchor=\"middle\" class=\"axis\">\(quarter.invoices) inv.</text>"
        }
        svg += "<line x1=\"\(left)\" y1=\"\(base)\" x2=\"\(width - 10)\" y2=\"\(base)\" class=\"baseline\"/>"
        return svg + "</svg>"
    }
}
