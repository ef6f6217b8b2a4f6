import Foundation
import RapportCore
import Testing

/// Many writers at once on one server: nothing lost, nothing doubled, no serialization or
/// deadlock error reaching a user; and an import killed at any moment leaves the old state
/// or the new one, never a mix.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote), .serialized)
struct ConcurrencyTests {
    /// 8 processes, each logging 500 touches one `rapport touch log` at a time (all
    /// distinct, on the demo's five accounts), while the same 20 identical touches are
    /// logged by every process (recorded once each), snoozes are set and drafts marked
    /// sent: 4 000 distinct touches land, and every command exits 0.
    @Test func eightProcessesTimesFiveHundredTouchLogs() throws {
        let db = try ScratchPostgres()
        #expect(try rapport(["init", "--db", db.url]).status == 0)
        try importAll(from: Built.root.appendingPathComponent("demo"), into: db.url)
        let before = try PostgresConnection(url: db.url).scalarInt("SELECT count(*) FROM touch") ?? 0
        let accounts = ["HD-MACH", "SZ-ELEC", "GZ-PLAS", "BUCKEYE", "OLD-MILL"]
        let script = """
            set -u
            w=$1 db=$2 bin=$3
            fail=0
            for i in $(seq 1 500); do
              a=$(( (i + w) % 5 ))
              set -- \(accounts.joined(separator: " "))
              shift $a
              "$bin" touch log "$1" --kind checkin --channel call --note "worker $w touch $i" --on 2026-11-20 --db "$db" --date 2026-11-23 >/dev/null || fail=$((fail+1))
              if [ $((i % 25)) -eq 0 ]; then
                "$bin" touch log HD-MACH --kind visit --channel visit --note "the same visit $((i / 25))" --on 2026-11-21 --db "$db" --date 2026-11-23 >/dev/null || fail=$((fail+1))
                "$bin" snooze SZ-ELEC checkin --until 2026-12-0$(( w % 9 + 1 )) --db "$db" >/dev/null || fail=$((fail+1))
                "$bin" drafts --mark-sent --db "$db" --date 2026-11-23 --format json >/dev/null 2>&1 || fail=$((fail+1))
                "$bin" audit --from 2026-01-01 --to 2026-11-23 --format json --db "$db" >/dev/null || fail=$((fail+1))
              fi
            done
            echo "$fail"
            """
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-writer-\(UUID().uuidString).sh")
        try script.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let workers = (1...8).map { worker -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = [file.path, String(worker), db.url, Built.rapport]
            process.standardOutput = Pipe()
            process.standardError = Pipe()
            return process
        }
        for worker in workers { try worker.run() }
        var failures = 0, errors = ""
        for worker in workers {
            let out = (worker.standardOutput as! Pipe).fileHandleForReading.readDataToEndOfFile()
            let err = (worker.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile()
            worker.waitUntilExit()
            failures += Int(String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 1
            errors += String(decoding: err, as: UTF8.self)
        }
        #expect(failures == 0, "commands failed: \(errors.prefix(2_000))")
        #expect(!errors.contains("could not serialize") && !errors.contains("deadlock"), "\(errors.prefix(2_000))")
        let owner = try PostgresConnection(url: db.url)
        #expect(try owner.scalarInt("SELECT count(*) FROM touch WHERE note LIKE 'worker %'") == 4_000)
        #expect(try owner.scalarInt("SELECT count(DISTINCT note) FROM touch WHERE note LIKE 'worker %'") == 4_000)
        #expect(try owner.scalarInt("SELECT count(*) FROM touch WHERE note LIKE 'the same visit %'") == 20)
        // Marking the same drafts sent from eight processes logs each touch once.
        let drafts = try owner.scalarInt("SELECT count(*) FROM touch WHERE note LIKE 'draft: %'") ?? 0
        let distinctDrafts = try owner.scalarInt(
            "SELECT count(*) FROM (SELECT DISTINCT account_id, contact_id, rep_id, date, channel, kind FROM touch WHERE note LIKE 'draft: %') d") ?? -1
        #expect(drafts == distinctDrafts && drafts > 0)
        #expect(try owner.scalarInt("SELECT count(*) FROM snooze WHERE kind = 'checkin'") == 1)
        // The summaries the triggers keep agree with the rows.
        #expect(try owner.scalarInt("""
            SELECT count(*) FROM account a
            WHERE a.last_touch_on IS DISTINCT FROM (SELECT MAX(date) FROM touch t WHERE t.account_id = a.id)
            """) == 0)
        #expect(try owner.scalarInt("SELECT count(*) FROM touch") ?? 0 == before + 4_000 + 20 + drafts)
    }

    /// `kill -9` of an import at several moments (checking, copying, merging): each time
    /// the table holds the old rows or the old and all the new, and the database stays
    /// usable; the last run, left alone, imports everything.
    @Test func killingAnImportLeavesTheOldOrTheNewState() throws {
        let db = try ScratchPostgres()
        #expect(try rapport(["init", "--db", db.url]).status == 0)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-kill-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated = try run(Built.bench, ["generate", "--dir", folder.path, "--scale", "0.1"])
        try #require(generated.status == 0, "\(generated.stderr)")
        for kind in ["reps", "accounts", "contacts"] {
            #expect(try rapport(["import", kind, folder.appendingPathComponent("\(kind).csv").path, "--db", db.url]).status == 0)
        }
        let touches = folder.appendingPathComponent("touches.csv").path
        let owner = try PostgresConnection(url: db.url)
        var seen: [(delay: Double, count: Int)] = []
        for delay in [0.05, 0.3, 0.6, 0.9, 1.2, 1.6, 2.0, 2.5, 3.0] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Built.rapport)
            process.arguments = ["import", "touches", touches, "--db", db.url]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // The server ends the killed session's transaction; wait until it has.
            for _ in 0..<200 {
                let open = try owner.scalarInt(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()") ?? 0
                if open == 0 { break }
                Thread.sleep(forTimeInterval: 0.05)
            }
            let count = try owner.scalarInt("SELECT count(*) FROM touch") ?? -1
            seen.append((delay, count))
            if count > 0 { break }  // the import had committed before the kill
        }
        // Left alone, the import gives the new state; every killed one left the old (none)
        // or, had it committed already, exactly the new.
        let finished = try rapport(["import", "touches", touches, "--db", db.url])
        #expect(finished.status == 0, "\(finished.stderr)")
        let rows = try owner.scalarInt("SELECT count(*) FROM touch") ?? -1
        #expect(rows > 10_000)
        for (delay, count) in seen {
            #expect(count == 0 || count == rows, "after kill -9 at \(delay) s: \(count) touches of \(rows)")
        }
        #expect(seen.contains { $0.count == 0 }, "at least one kill landed mid-import")
        #expect(try owner.scalarInt("""
            SELECT count(*) FROM account a
            WHERE a.last_touch_on IS DISTINCT FROM (SELECT MAX(date) FROM touch t WHERE t.account_id = a.id)
            """) == 0)
    }
}
