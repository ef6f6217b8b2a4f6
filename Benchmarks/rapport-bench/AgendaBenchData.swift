import RapportCore

/// A synthetic database at the spec's scale, built with recursive SQL in ~30 s: 200 reps,
/// 100 000 accounts (tiers A 10 %, B 30 %, C 60 %; 5 % dormant; eight countries), 300 000
/// contacts (60 % with a birthday, one in seven of them lunar), 2 000 000 touches over
/// three years, 300 000 invoices (90 % paid in full, 7 % half, 3 % not at all, payments
/// around the due date), 3 000 promises, 30 000 events (a fifth of them sensitive
/// incidents), 1 000 snoozes. Dates centre on late November 2026.
enum AgendaBenchData {
    static func generate(path: String) throws {
        let db = try Database.openRapport(path: path, mode: .create)
        try db.execute(script)
    }

    static let script = """
        PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF;
        BEGIN;
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
        INSERT INTO rep (id, handle, name, email) SELECT i, printf('rep%03d', i), 'Rep ' || i, printf('rep%03d@example.com', i) FROM n;
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
        INSERT INTO account (id, key, name, tier, owner_id, country, locale, created_on, status, cadence_days)
        SELECT i, printf('ACC%06d', i), 'Account ' || i,
          CASE WHEN i % 10 = 0 THEN 'A' WHEN i % 10 < 4 THEN 'B' ELSE 'C' END,
          1 + i % 200,
          CASE abs(random()) % 20 WHEN 0 THEN 'US' WHEN 1 THEN 'US' WHEN 2 THEN 'DE' WHEN 3 THEN 'GB' WHEN 4 THEN 'KR' WHEN 5 THEN 'SG' WHEN 6 THEN 'JP' WHEN 7 THEN 'HK' ELSE 'CN' END,
          'zh-CN', date('2019-01-01', '+' || (abs(random()) % 2500) || ' days'),
          CASE WHEN abs(random()) % 20 = 0 THEN 'dormant' ELSE 'active' END,
          CASE WHEN abs(random()) % 50 = 0 THEN 7 END
        FROM n;
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000)
        INSERT INTO contact (id, key, account_id, name, role, status, phone, email, channel, birthday, birthday_calendar)
        SELECT i, printf('C%07d', i), (i + 2) / 3, 'Contact ' || i,
          CASE i % 3 WHEN 1 THEN 'decision-maker' WHEN 2 THEN 'finance' ELSE (CASE WHEN i % 2 = 0 THEN 'influencer' ELSE 'user' END) END,
          CASE WHEN abs(random()) % 12 = 0 THEN 'former' ELSE 'current' END,
          printf('+86 138%08d', i), printf('c%d@example.com', i),
          CASE abs(random()) % 4 WHEN 0 THEN 'chat' WHEN 1 THEN 'call' WHEN 2 THEN 'email' ELSE NULL END,
          b, CASE WHEN b IS NOT NULL AND abs(random()) % 7 = 0 THEN 'chinese' ELSE 'gregorian' END
        FROM (SELECT i, CASE WHEN abs(random()) % 10 < 6 THEN strftime('%m-%d', date('2000-01-01', '+' || (abs(random()) % 366) || ' days')) END AS b FROM n);
        -- lunar birthdays must be valid lunar month-days (day ≤ 30): rewrite them
        UPDATE contact SET birthday = printf('%02d-%02d', 1 + abs(random()) % 12, 1 + abs(random()) % 30) WHERE birthday_calendar = 'chinese';
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000000)
        INSERT INTO touch (account_id, rep_id, date, channel, kind)
        SELECT a, 1 + a % 200, date('2023-12-01', '+' || (abs(random()) % 1095) || ' days'),
          CASE abs(random()) % 5 WHEN 0 THEN 'call' WHEN 1 THEN 'chat' WHEN 2 THEN 'email' WHEN 3 THEN 'visit' ELSE 'sms' END,
          CASE abs(random()) % 10 WHEN 0 THEN 'greeting' WHEN 1 THEN 'gift' WHEN 2 THEN 'care' WHEN 3 THEN 'collection' WHEN 4 THEN 'visit' WHEN 5 THEN 'other' ELSE 'checkin' END
        FROM (SELECT i, 1 + abs(random()) % 100000 AS a FROM n);
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000)
        INSERT INTO invoice (id, number, account_id, issued_on, due_on, amount, currency)
        SELECT i, printf('INV%07d', i), (i + 2) / 3, d, date(d, CASE WHEN i % 2 = 0 THEN '+30 days' ELSE '+60 days' END),
          100000 + abs(random()) % 100000000,
          CASE abs(random()) % 10 WHEN 0 THEN 'EUR' WHEN 1 THEN 'USD' WHEN 2 THEN 'USD' ELSE 'CNY' END
        FROM (SELECT i, date('2024-01-01', '+' || (abs(random()) % 1064) || ' days') AS d FROM n);
        INSERT INTO payment (invoice_id, paid_on, amount)
        SELECT id, date(due_on, printf('%+d days', abs(random()) % 40 - 20)), CASE WHEN r < 90 THEN amount ELSE amount / 2 END
        FROM (SELECT id, due_on, amount, abs(random()) % 100 AS r FROM invoice) WHERE r < 97;
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
        INSERT INTO promise (account_id, invoice_id, promised_on, amount, currency)
        SELECT (inv + 2) / 3, CASE WHEN i % 3 = 0 THEN NULL ELSE inv END, date('2026-09-01', '+' || (abs(random()) % 120) || ' days'), 100000, 'CNY'
        FROM (SELECT i, 1 + abs(random()) % 300000 AS inv FROM n);
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30000)
        INSERT INTO event (account_id, kind, title, date, calendar, repeat, sensitive)
        SELECT 1 + abs(random()) % 100000, k, k || ' ' || i, date('2018-01-01', '+' || (abs(random()) % 3300) || ' days'), 'gregorian', NULL,
          CASE WHEN k = 'incident' THEN 1 ELSE 0 END
        FROM (SELECT i, CASE i % 5 WHEN 0 THEN 'anniversary' WHEN 1 THEN 'birthday' WHEN 2 THEN 'milestone' WHEN 3 THEN 'incident' ELSE 'custom' END AS k FROM n);
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
        INSERT OR IGNORE INTO snooze (account_id, kind, until)
        SELECT 1 + abs(random()) % 100000, CASE i % 3 WHEN 0 THEN 'checkin' WHEN 1 THEN 'collection' ELSE 'holiday' END, date('2026-11-01', '+' || (abs(random()) % 60) || ' days') FROM n;
        COMMIT;
        
        """
}
