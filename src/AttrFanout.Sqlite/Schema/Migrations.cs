namespace AttrFanout.Sqlite.Schema;

/// <summary>The schema's history, oldest first. Append new steps; never edit a shipped one.</summary>
internal static class Migrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, """
            CREATE TABLE events (
                seq          INTEGER PRIMARY KEY,
                id           TEXT    NOT NULL,
                name         TEXT    NOT NULL,
                timestamp    INTEGER NOT NULL,
                payload      BLOB    NOT NULL,
                accepted_at  INTEGER NOT NULL
            );
            CREATE INDEX events_by_id ON events (id, accepted_at);
            CREATE INDEX events_by_accepted_at ON events (accepted_at);

            CREATE TABLE runs (
                id             TEXT    NOT NULL PRIMARY KEY,
                event_seq      INTEGER NOT NULL,
                function_id    TEXT    NOT NULL,
                status         INTEGER NOT NULL,
                attempt        INTEGER NOT NULL,
                attempt_leases INTEGER NOT NULL DEFAULT 0,
                max_attempts   INTEGER NOT NULL,
                due_at         INTEGER,
                lease_owner    TEXT,
                lease_until    INTEGER,
                error_type     TEXT,
                error_message  TEXT,
                created_at     INTEGER NOT NULL,
                updated_at     INTEGER NOT NULL,
                finished_at    INTEGER,
                available_at   INTEGER GENERATED ALWAYS AS (CASE status WHEN 0 THEN due_at WHEN 1 THEN lease_until END) VIRTUAL
            );
            CREATE INDEX runs_by_available_at ON runs (available_at) WHERE available_at IS NOT NULL;
            CREATE INDEX runs_by_event ON runs (event_seq);
            CREATE INDEX runs_by_finished_at ON runs (status, finished_at, id) WHERE finished_at IS NOT NULL;
            CREATE INDEX runs_by_lease_owner ON runs (lease_owner) WHERE lease_owner IS NOT NULL;
            """),
        new(2, """
            ALTER TABLE events ADD COLUMN trace_parent TEXT;
            ALTER TABLE runs ADD COLUMN replay_of TEXT;
            ALTER TABLE runs ADD COLUMN replayed_by TEXT;
            CREATE INDEX runs_by_function ON runs (function_id, available_at) WHERE available_at IS NOT NULL;
            """),
        new(3, """
            DROP INDEX runs_by_lease_owner;
            DROP INDEX runs_by_available_at;
            """),
        new(4, """
            DROP INDEX runs_by_finished_at;
            CREATE INDEX runs_by_failed_at ON runs (finished_at, id) WHERE status = 3;
            """),
        new(5, """
            ALTER TABLE events ADD COLUMN trace_context TEXT;
            """),
        new(6, """
            ALTER TABLE runs ADD COLUMN keys TEXT;
            ALTER TABLE runs ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE runs ADD COLUMN reason TEXT;
            ALTER TABLE runs ADD COLUMN take_order INTEGER GENERATED ALWAYS AS (available_at - priority * 1000) VIRTUAL;
            DROP INDEX runs_by_function;
            CREATE INDEX runs_by_function ON runs (function_id, take_order) WHERE available_at IS NOT NULL;

            CREATE TABLE idempotency_keys (
                function_id TEXT    NOT NULL,
                key         TEXT    NOT NULL,
                run_id      TEXT    NOT NULL,
                until       INTEGER NOT NULL,
                PRIMARY KEY (function_id, key)
            ) WITHOUT ROWID;
            CREATE INDEX idempotency_keys_by_until ON idempotency_keys (until);

            CREATE TABLE flow_slots (
                slot        TEXT    NOT NULL,
                holder      TEXT    NOT NULL,
                lease_until INTEGER NOT NULL,
                PRIMARY KEY (slot, holder)
            ) WITHOUT ROWID;

            CREATE TABLE rate_buckets (
                bucket TEXT    NOT NULL PRIMARY KEY,
                tat    INTEGER NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE cancel_requests (
                run_id       TEXT    NOT NULL PRIMARY KEY,
                reason       TEXT    NOT NULL,
                requested_at INTEGER NOT NULL
            ) WITHOUT ROWID;
            """),
        new(7, """
            CREATE TABLE event_holds (
                function_id TEXT    NOT NULL,
                hold_key    TEXT    NOT NULL,
                content     TEXT    NOT NULL,
                due_at      INTEGER NOT NULL,
                version     INTEGER NOT NULL,
                PRIMARY KEY (function_id, hold_key)
            ) WITHOUT ROWID;
            """),
        new(8, """
            ALTER TABLE runs ADD COLUMN attempt_started_at INTEGER;

            CREATE TABLE attempts (
                run_id        TEXT    NOT NULL,
                number        INTEGER NOT NULL,
                started_at    INTEGER NOT NULL,
                ended_at      INTEGER NOT NULL,
                outcome       INTEGER NOT NULL,
                error_type    TEXT,
                error_message TEXT,
                stack_trace   TEXT
            );
            CREATE INDEX attempts_by_run ON attempts (run_id);

            CREATE TRIGGER attempts_go_with_their_run AFTER DELETE ON runs
            BEGIN
                DELETE FROM attempts WHERE run_id = OLD.id;
            END;
            """),
    ];

    public static int Latest => All[^1].Version;
}
