/// The JSON shape of `rapport audit --format json` (SPEC "Command-line contract"): money
/// as integers in minor units, dates as `YYYY-MM-DD`, a missing value as `null` — never an
/// absent key, so a consumer sees `compliance: null` for a rep with no accounts. Keys are
/// written in sorted order, as every other command's JSON. Written with `JSONText`
/// rather than `JSONEncoder`: the report of 100 000 accounts is 60 MB of JSON.
extension AuditReport {
    public func json() -> String {
        var out = JSONText(capacity: 64 + accounts.count * 640 + reps.count * 600)
        writeJSON(to: &out) { _ in }
        return out.text
    }

    /// `json()` written into `out`, `written` called after each account and each payer
    /// line (the long arrays): a caller writing to a file or a pipe drains `out` there, so
    /// the 90 MB of a year's report are never whole in memory.
    public func writeJSON(to out: inout JSONText, written: (inout JSONText) throws -> Void) rethrows {
        out.beginObject()
        out.key("accounts")
        out.beginArray()
        for account in accounts {
            account.write(to: &out)
            try written(&out)
        }
        out.endArray()
        out.key("days")
        out.int(period.days)
        out.key("from")
        out.date(period.from)
        out.key("payers")
        out.beginArray()
        for line in payers.figures {
            line.write(to: &out)
            try written(&out)
        }
        out.endArray()
        if let policy, let rates {
            out.key("policy")
            out.beginArray()
            for line in policy { line.write(to: &out) }
            out.endArray()
            out.key("rates")
            out.beginObject()
            out.key("commission")
            out.string(rates.commissionRate.description)
            out.key("penalty")
            out.string(rates.penaltyRate.description)
            out.endObject()
        }
        out.key("receivables")
        out.beginArray()
        for line in receivables { line.write(to: &out) }
        out.endArray()
        out.key("reps")
        out.beginArray()
        for rep in reps { rep.write(to: &out, payers: payers.slip(of: rep.rep)) }
        out.endArray()
        out.key("to")
        out.date(period.to)
        out.endObject()
    }
}

extension AccountAudit {
    func write(to out: inout JSONText) {
        out.beginObject()
        out.key("account"); out.string(account)
        out.key("cadence_days"); out.int(cadenceDays)
        out.key("compliant"); out.bool(compliant)
        out.key("created_on"); out.date(createdOn)
        out.key("days_since_touch"); out.int(daysSinceTouch)
        out.key("gaps")
        out.beginArray()
        for gap in gaps { out.int(gap) }
        out.endArray()
        out.key("last_touch"); out.date(lastTouch)
        out.key("max_gap_days"); out.int(maxGapDays)
        out.key("name"); out.string(name)
        out.key("promise_kept_rate"); out.double(promises.keptRate)
        out.key("promises_broken"); out.int(promises.broken)
        out.key("promises_kept"); out.int(promises.kept)
        out.key("rep"); out.string(rep)
        out.key("status"); out.string(status.rawValue)
        out.key("tier"); out.string(tier)
        out.key("touch_days"); out.int(touchDays)
        out.key("touches"); out.int(touches)
        out.endObject()
    }
}

extension RepScorecard {
    /// With the rep's payer counts: `payer_accounts` (accounts with invoices due in both
    /// years), `payer_slipped` (of those, slipped by `payer.min_worsening_days`) and
    /// `payer_slipped_share` (null without any such account).
    func write(to out: inout JSONText, payers: PayerSlip?) {
        out.beginObject()
        out.key("accounts"); out.int(accounts)
        out.key("accounts_touched"); out.int(accountsTouched)
        out.key("collection_touches"); out.int(touches.collection)
        out.key("compliance"); out.double(compliance)
        out.key("compliant_accounts"); out.int(compliantAccounts)
        out.key("max_gap_days"); out.int(maxGapDays)
        out.key("median_gap_days"); out.double(medianGapDays)
        out.key("name"); out.string(name)
        out.key("never_touched"); out.int(neverTouched)
        out.key("payer_accounts"); out.int(payers?.accounts ?? 0)
        out.key("payer_slipped"); out.int(payers?.slipped.count ?? 0)
        out.key("payer_slipped_share"); out.double(payers?.share)
        out.key("promise_kept_rate"); out.double(promises.keptRate)
        out.key("promises_broken"); out.int(promises.broken)
        out.key("promises_kept"); out.int(promises.kept)
        out.key("rep"); out.string(rep)
        out.key("touches"); out.int(touches.total)
        out.key("warm_to_collection"); out.double(touches.warmToCollection)
        out.key("warm_touches"); out.int(touches.warm)
        out.endObject()
    }
}

extension CurrencyReceivables {
    func write(to out: inout JSONText) {
        out.beginObject()
        out.key("aging")
        out.beginObject()
        for bucket in aging.labelled {
            out.key(bucket.key)
            out.int(bucket.amount)
        }
        out.endObject()
        out.key("cei"); out.double(cei)
        out.key("credit_sales"); out.int(creditSales)
        out.key("currency"); out.string(currency)
        out.key("dso"); out.double(dso)
        out.key("open"); out.int(open)
        out.key("opening"); out.int(opening)
        out.endObject()
    }
}

extension PolicyLine {
    func write(to out: inout JSONText) {
        out.beginObject()
        out.key("collected"); out.int(collected)
        out.key("commission"); out.int(commission)
        out.key("currency"); out.string(currency)
        out.key("past_due_amount_days"); out.int(pastDueAmountDays)
        out.key("penalty"); out.int(penalty)
        out.key("rep"); out.string(rep)
        out.endObject()
    }
}
