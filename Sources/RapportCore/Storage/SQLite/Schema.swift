/// The Rapport schema, as ordered migrations. Never edit a shipped migration: add one.
/// Dates are `YYYY-MM-DD` text (they sort and compare as dates); money is integer minor
/// units beside an ISO 4217 code.
public enum Schema {
    public static let migrator: Migrator = {
        var m = Migrator()
        m.register("v1-base", v1)
        m.register("v2-cadence-and-agenda-indexes", v2)
        m.register("v3-agenda-paid-totals-and-indexes", v3)
        m.register("v4-covering-unpaid-invoice-index", v4)
        m.register("v5-paid-off-invoice-index", v5)
        m.register("v6-rep-policies-by-row-and-room-for-summaries", v6)
        return m
    }()

    static let v1 = """
        CREATE TABLE rep (
            id INTEGER PRIMARY KEY,
            handle TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            email TEXT,
            phone TEXT,
            manager TEXT
        );
        CREATE TABLE account (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            tier TEXT NOT NULL,
            owner_id INTEGER NOT NULL REFERENCES rep(id),
            country TEXT NOT NULL,
            region TEXT,
            locale TEXT,
            created_on TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'dormant'))
        );
        CREATE TABLE contact (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            account_id INTEGER NOT NULL REFERENCES account(id),
            name TEXT NOT NULL,
            salutation TEXT,
            title TEXT,
            role TEXT,
            status TEXT NOT NULL DEFAULT 'current' CHECK (status IN ('current', 'former')),
            phone TEXT,
            email TEXT,
            chat TEXT,
            channel TEXT,
            locale TEXT,
            birthday TEXT,
            birthday_calendar TEXT NOT NULL DEFAULT 'gregorian'
        );
        CREATE TABLE event (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES account(id),
            contact_id INTEGER REFERENCES contact(id),
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            date TEXT NOT NULL,
            calendar TEXT NOT NULL DEFAULT 'gregorian',
            repeat TEXT,
            sensitive INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE touch (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES account(id),
            contact_id INTEGER REFERENCES contact(id),
            rep_id INTEGER NOT NULL REFERENCES rep(id),
            date TEXT NOT NULL,
            channel TEXT NOT NULL,
            kind TEXT NOT NULL,
            note TEXT
        );
        CREATE TABLE invoice (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL UNIQUE,
            account_id INTEGER NOT NULL REFERENCES account(id),
            issued_on TEXT NOT NULL,
            due_on TEXT NOT NULL,
            amount INTEGER NOT NULL,
            currency TEXT NOT NULL
        );
        CREATE TABLE payment (
            id INTEGER PRIMARY KEY,
            invoice_id INTEGER NOT NULL REFERENCES invoice(id),
            paid_on TEXT NOT NULL,
            amount INTEGER NOT NULL
        );
        CREATE TABLE promise (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES account(id),
            invoice_id INTEGER REFERENCES invoice(id),
            promised_on TEXT NOT NULL,
            amount INTEGER NOT NULL,
            currency TEXT NOT NULL
        );
        CREATE TABLE snooze (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES account(id),
            kind TEXT NOT NULL,
            until TEXT NOT NULL,
            UNIQUE (account_id, kind)
        );
        CREATE INDEX touch_account_date ON touch(account_id, date);
        CREATE INDEX contact_account ON contact(account_id);
        CREATE INDEX event_account ON event(account_id);
        CREATE INDEX invoice_account ON invoice(account_id);
        CREATE INDEX payment_invoice ON payment(invoice_id, paid_on);
        CREATE INDEX promise_account ON promise(account_id);
        """

    /// Per-account cadence override, and the index of the per-rep agenda. (Touches get no
    /// per-rep index: the audit reads them in one scan, and every index on two million
    /// touches costs the import a second.)
    static let v2 = """
        ALTER TABLE account ADD COLUMN cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days > 0);
        CREATE INDEX account_owner ON account(owner_id);
        """

    /// Recomputes, for the whole table, the summary columns the triggers keep when rows of
    /// the keyed table change: the v3 backfill, and what a bulk import runs after writing
    /// with the triggers set aside.
    public static let derivedColumnRefresh: [String: String] = [
        // One grouped pass over the payments (an index seek per invoice costs twice as much
        // at 300 000 invoices), reading the table in order and sorting rather than visiting
        // it in index order (20 % faster); rows are only ever added where this runs, so
        // invoices with no payment keep their 0 / NULL.
        "payment": """
            WITH paid AS (SELECT invoice_id, SUM(amount) AS total, MAX(paid_on) AS last FROM payment NOT INDEXED GROUP BY invoice_id)
            UPDATE invoice SET paid_total = paid.total, last_paid_on = paid.last
            FROM paid WHERE paid.invoice_id = invoice.id
                AND (invoice.paid_total IS NOT paid.total OR invoice.last_paid_on IS NOT paid.last)
            """,
        "touch": """
            UPDATE account SET
                last_touch_on = (SELECT MAX(t.date) FROM touch t WHERE t.account_id = account.id),
                last_collection_on = (SELECT MAX(t.date) FROM touch t WHERE t.account_id = account.id AND t.kind = 'collection')
            """,
        "contact": """
            UPDATE account SET
                reach_contact_id = (SELECT c.id FROM contact c WHERE c.account_id = account.id AND c.status = 'current'
                                    ORDER BY c.role IS NOT 'decision-maker', c.id LIMIT 1)
            """,
    ]

    /// The indexes over the columns a `derivedColumnRefresh` rewrites, by the table whose
    /// import runs it: a bulk import drops them around the refresh and builds them again
    /// (285 000 invoices rewritten through both: 1.5 s; refresh, then two builds: 0.8 s).
    public static let derivedColumnIndexes: [String: [String]] = [
        "payment": ["invoice_unpaid", "invoice_last_paid", "invoice_paid_off"],
    ]

    /// The agenda at scale (issue 5): summaries kept by triggers so `today` over 100 000
    /// accounts reads one row per account instead of searching three indexes for each.
    /// - `invoice.paid_total` / `last_paid_on`: an invoice can be open on D only when its
    ///   payments fall short (`paid_total < amount`) or one is dated after D.
    /// - `account.last_touch_on` / `last_collection_on`: the latest touch (of any kind, of
    ///   kind collection); exact as of D whenever it is before D, else the loader searches
    ///   `touch` (a replay of an earlier day).
    /// - `account.reach_contact_id`: the current decision-maker, else the first current contact.
    /// The indexes serve the loader's range and month-day look-ups (docs/agenda.md).
    static let v3 = """
        ALTER TABLE invoice ADD COLUMN paid_total INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE invoice ADD COLUMN last_paid_on TEXT;
        ALTER TABLE account ADD COLUMN last_touch_on TEXT;
        ALTER TABLE account ADD COLUMN last_collection_on TEXT;
        ALTER TABLE account ADD COLUMN reach_contact_id INTEGER;
        CREATE INDEX invoice_unpaid ON invoice(account_id) WHERE paid_total < amount;
        CREATE INDEX invoice_last_paid ON invoice(last_paid_on);
        CREATE INDEX touch_date_kind ON touch(date, kind, account_id);
        CREATE INDEX touch_collection ON touch(account_id, date) WHERE kind = 'collection';
        CREATE INDEX contact_birthday_month_day ON contact(substr(birthday, -5)) WHERE birthday IS NOT NULL;
        CREATE INDEX contact_reach ON contact(account_id, role IS NOT 'decision-maker', id) WHERE status = 'current';
        CREATE INDEX event_month_day ON event(substr(date, -5));
        CREATE INDEX account_country ON account(country);

        \(derivedColumnRefresh["payment"]!);
        \(derivedColumnRefresh["touch"]!);
        \(derivedColumnRefresh["contact"]!);

        CREATE TRIGGER payment_paid_insert AFTER INSERT ON payment BEGIN
            UPDATE invoice SET paid_total = paid_total + NEW.amount,
                last_paid_on = CASE WHEN last_paid_on IS NULL OR NEW.paid_on > last_paid_on THEN NEW.paid_on ELSE last_paid_on END
            WHERE id = NEW.invoice_id;
        END;
        CREATE TRIGGER payment_paid_delete AFTER DELETE ON payment BEGIN
            UPDATE invoice SET paid_total = paid_total - OLD.amount,
                last_paid_on = (SELECT MAX(p.paid_on) FROM payment p WHERE p.invoice_id = OLD.invoice_id)
            WHERE id = OLD.invoice_id;
        END;
        CREATE TRIGGER payment_paid_update AFTER UPDATE OF invoice_id, paid_on, amount ON payment BEGIN
            UPDATE invoice SET
                paid_total = COALESCE((SELECT SUM(p.amount) FROM payment p WHERE p.invoice_id = invoice.id), 0),
                last_paid_on = (SELECT MAX(p.paid_on) FROM payment p WHERE p.invoice_id = invoice.id)
            WHERE id IN (OLD.invoice_id, NEW.invoice_id);
        END;

        CREATE TRIGGER touch_last_insert AFTER INSERT ON touch BEGIN
            UPDATE account SET
                last_touch_on = CASE WHEN last_touch_on IS NULL OR NEW.date > last_touch_on THEN NEW.date ELSE last_touch_on END,
                last_collection_on = CASE WHEN NEW.kind = 'collection' AND (last_collection_on IS NULL OR NEW.date > last_collection_on)
                                          THEN NEW.date ELSE last_collection_on END
            WHERE id = NEW.account_id;
        END;
        CREATE TRIGGER touch_last_delete AFTER DELETE ON touch BEGIN
            UPDATE account SET
                last_touch_on = (SELECT MAX(t.date) FROM touch t WHERE t.account_id = account.id),
                last_collection_on = (SELECT MAX(t.date) FROM touch t WHERE t.account_id = account.id AND t.kind = 'collection')
            WHERE id = OLD.account_id;
        END;
        CREATE TRIGGER touch_last_update AFTER UPDATE OF account_id, date, kind ON touch BEGIN
            UPDATE account SET
                last_touch_on = (SELECT MAX(t.date) FROM touch t WHERE t.account_id = account.id),
                last_collection_on = (SELECT MAX(t.date) FROM touch t WHERE t.account_id = account.id AND t.kind = 'collection')
            WHERE id IN (OLD.account_id, NEW.account_id);
        END;

        CREATE TRIGGER contact_reach_insert AFTER INSERT ON contact BEGIN
            UPDATE account SET reach_contact_id = (SELECT c.id FROM contact c WHERE c.account_id = account.id
                AND c.status = 'current' ORDER BY c.role IS NOT 'decision-maker', c.id LIMIT 1)
            WHERE id = NEW.account_id;
        END;
        CREATE TRIGGER contact_reach_delete AFTER DELETE ON contact BEGIN
            UPDATE account SET reach_contact_id = (SELECT c.id FROM contact c WHERE c.account_id = account.id
                AND c.status = 'current' ORDER BY c.role IS NOT 'decision-maker', c.id LIMIT 1)
            WHERE id = OLD.account_id;
        END;
        CREATE TRIGGER contact_reach_update AFTER UPDATE OF account_id, status, role ON contact BEGIN
            UPDATE account SET reach_contact_id = (SELECT c.id FROM contact c WHERE c.account_id = account.id
                AND c.status = 'current' ORDER BY c.role IS NOT 'decision-maker', c.id LIMIT 1)
            WHERE id IN (OLD.account_id, NEW.account_id);
        END;
        """

    /// The agenda's unpaid invoices read from their index alone (issue 5): each part of an
    /// all-reps day reads the unpaid invoices of its accounts, one random table read per row
    /// before (17 000 per part on the spec-scale file). The index is partial (about one
    /// invoice in eight), so carrying the whole row costs little. The row id comes second,
    /// so an account's invoices still come in row id order. Same name: the import drops and
    /// rebuilds it by name. (Covering `invoice_last_paid` and `payment_invoice` too was
    /// measured and dropped: they only pay off for payments dated after the agenda date —
    /// the spec file's generator makes those, real books do not — and cost the import 0.1 s.)
    static let v4 = """
        DROP INDEX invoice_unpaid;
        CREATE INDEX invoice_unpaid ON invoice(account_id, id, due_on, issued_on, number, amount, currency, paid_total, last_paid_on)
            WHERE paid_total < amount;
        """

    /// The agenda's `payer` source (issue 14) counts, per account, the invoices paid in
    /// full, to find the few accounts with six: read from this partial index alone (one
    /// invoice in ten is not in it), grouped in index order. It carries the two columns of
    /// its own condition, which SQLite otherwise checks in the table row of every entry;
    /// no payment date: a condition on it evaluated per entry cost more than the rows it
    /// saved (the count is a superset; the rows read next are exact).
    static let v5 = """
        CREATE INDEX invoice_paid_off ON invoice(account_id, paid_total, amount) WHERE paid_total >= amount;
        """

    /// Nothing on SQLite: the migration is PostgreSQL's row-level security and fill factor
    /// (`PostgresSchema.v6`); it is registered here too so both report one schema version.
    static let v6 = ""
}

extension Database {
    /// Opens a Rapport database and brings its schema up to date.
    public static func openRapport(path: String, mode: Mode = .existing) throws -> Database {
        let db = try Database(path: path, mode: mode)
        try Schema.migrator.migrate(db)
        return db
    }
}
