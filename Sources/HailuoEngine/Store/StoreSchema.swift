import GRDB

/// The job store's migrations. Each one is append-only: never edit a shipped migration.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-jobs") { db in
            try db.execute(
                sql: """
                    CREATE TABLE IF NOT EXISTS jobs (
                        id TEXT PRIMARY KEY NOT NULL,
                        generation_id TEXT,
                        phase TEXT NOT NULL,
                        provider_status TEXT,
                        model TEXT NOT NULL,
                        prompt TEXT NOT NULL,
                        prompt_optimizer INTEGER NOT NULL,
                        duration INTEGER NOT NULL,
                        resolution TEXT NOT NULL,
                        first_frame TEXT,
                        last_frame TEXT,
                        first_frame_path TEXT,
                        first_frame_sha256 TEXT,
                        last_frame_path TEXT,
                        last_frame_sha256 TEXT,
                        family TEXT NOT NULL,
                        base_url TEXT NOT NULL,
                        profile TEXT NOT NULL,
                        created_at REAL NOT NULL,
                        updated_at REAL NOT NULL,
                        submitted_at REAL,
                        finished_at REAL,
                        video_url TEXT,
                        video_url_expires_at REAL,
                        file_path TEXT,
                        downloaded_at REAL,
                        error_message TEXT,
                        error_request_id TEXT,
                        usage_json TEXT,
                        hidden INTEGER NOT NULL DEFAULT 0,
                        poll_count INTEGER NOT NULL DEFAULT 0,
                        lease_owner TEXT,
                        lease_expires_at REAL
                    );
                    CREATE INDEX IF NOT EXISTS jobs_generation_id ON jobs(generation_id);
                    CREATE INDEX IF NOT EXISTS jobs_phase ON jobs(phase);
                    CREATE INDEX IF NOT EXISTS jobs_created_at ON jobs(created_at);
                    CREATE TABLE IF NOT EXISTS job_events (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        job_id TEXT NOT NULL REFERENCES jobs(id),
                        at REAL NOT NULL,
                        phase TEXT NOT NULL,
                        provider_status TEXT,
                        note TEXT
                    );
                    CREATE INDEX IF NOT EXISTS job_events_job ON job_events(job_id, at);
                    CREATE TABLE IF NOT EXISTS store_meta (key TEXT PRIMARY KEY NOT NULL, value INTEGER NOT NULL);
                    INSERT OR IGNORE INTO store_meta(key, value) VALUES ('revision', 0);
                    CREATE TRIGGER IF NOT EXISTS jobs_revision_insert AFTER INSERT ON jobs BEGIN
                        UPDATE store_meta SET value = value + 1 WHERE key = 'revision';
                    END;
                    CREATE TRIGGER IF NOT EXISTS jobs_revision_update
                    AFTER UPDATE OF generation_id, phase, provider_status, video_url, file_path,
                        error_message, hidden, finished_at ON jobs BEGIN
                        UPDATE store_meta SET value = value + 1 WHERE key = 'revision';
                    END;
                    """)
        }
        migrator.registerMigration("v2-money") { db in
            try db.execute(
                sql: """
                    ALTER TABLE jobs ADD COLUMN client_request_id TEXT;
                    ALTER TABLE jobs ADD COLUMN inference_id TEXT;
                    ALTER TABLE jobs ADD COLUMN estimated_usd REAL;
                    ALTER TABLE jobs ADD COLUMN cost_usd REAL;
                    CREATE INDEX IF NOT EXISTS jobs_client_request_id ON jobs(client_request_id);
                    DROP TRIGGER IF EXISTS jobs_revision_update;
                    CREATE TRIGGER jobs_revision_update
                    AFTER UPDATE OF generation_id, phase, provider_status, video_url, file_path,
                        error_message, hidden, finished_at, cost_usd ON jobs BEGIN
                        UPDATE store_meta SET value = value + 1 WHERE key = 'revision';
                    END;
                    CREATE TABLE IF NOT EXISTS prices (
                        model TEXT PRIMARY KEY NOT NULL,
                        etag TEXT,
                        fetched_at REAL NOT NULL,
                        body TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v3-settle") { db in
            try db.execute(
                sql: """
                    ALTER TABLE jobs ADD COLUMN settle_state TEXT;
                    ALTER TABLE jobs ADD COLUMN settle_checked_at REAL;
                    DROP TRIGGER IF EXISTS jobs_revision_update;
                    CREATE TRIGGER jobs_revision_update
                    AFTER UPDATE OF generation_id, phase, provider_status, video_url, file_path,
                        error_message, hidden, finished_at, cost_usd, settle_state ON jobs BEGIN
                        UPDATE store_meta SET value = value + 1 WHERE key = 'revision';
                    END;
                    """)
        }
        migrator.registerMigration("v4-batches") { db in
            try db.execute(
                sql: """
                    CREATE TABLE IF NOT EXISTS groups (
                        id TEXT PRIMARY KEY NOT NULL,
                        kind TEXT NOT NULL,
                        name TEXT NOT NULL,
                        source TEXT UNIQUE,
                        created_at REAL NOT NULL,
                        total INTEGER NOT NULL DEFAULT 0
                    );
                    CREATE TABLE IF NOT EXISTS batch_rows (
                        group_id TEXT NOT NULL REFERENCES groups(id),
                        row_key TEXT NOT NULL,
                        job_id TEXT NOT NULL REFERENCES jobs(id),
                        position INTEGER NOT NULL,
                        UNIQUE (group_id, row_key)
                    );
                    CREATE INDEX IF NOT EXISTS batch_rows_job ON batch_rows(job_id);
                    ALTER TABLE jobs ADD COLUMN group_id TEXT;
                    ALTER TABLE jobs ADD COLUMN favourite INTEGER NOT NULL DEFAULT 0;
                    CREATE INDEX IF NOT EXISTS jobs_group_id ON jobs(group_id);
                    DROP TRIGGER IF EXISTS jobs_revision_update;
                    CREATE TRIGGER jobs_revision_update
                    AFTER UPDATE OF generation_id, phase, provider_status, video_url, file_path,
                        error_message, hidden, finished_at, cost_usd, settle_state, group_id, favourite ON jobs BEGIN
                        UPDATE store_meta SET value = value + 1 WHERE key = 'revision';
                    END;
                    CREATE TRIGGER IF NOT EXISTS groups_revision_insert AFTER INSERT ON groups BEGIN
                        UPDATE store_meta SET value = value + 1 WHERE key = 'revision';
                    END;
                    """)
        }
        migrator.registerMigration("v5-change-seq", migrate: addChangeSequence)
        migrator.registerMigration("v6-model-inputs") { db in
            // H3's inputs: `ratio` and the reference lists as a JSON object of arrays (NULL when none).
            try db.execute(
                sql: """
                    ALTER TABLE jobs ADD COLUMN ratio TEXT;
                    ALTER TABLE jobs ADD COLUMN references_json TEXT;
                    """)
        }
        migrator.registerMigration("v7-times-index") { db in
            // The learned windows read the last finished jobs of one kind; without this the read
            // sorted every completed job (4-10 ms with 10,000, at start and for every new kind).
            try db.execute(
                sql: """
                    CREATE INDEX IF NOT EXISTS jobs_generation_times
                        ON jobs(model, duration, resolution, phase, finished_at);
                    """)
        }
        return migrator
    }

    /// The name of the newest migration: a store that has not applied it is from an older hailuo.
    static let latestMigration = "v7-times-index"

    /// Every job and group row carries the revision of its last change (`change_seq`), set by the
    /// triggers that already count the revision, so a watcher reads only the rows past the revision
    /// it last saw (`WHERE change_seq > ?`, indexed). Rows from before keep 0: they were seen.
    /// Older hailuo binaries writing to the store go through the same triggers.
    private static func addChangeSequence(_ db: Database) throws {
        let jobColumns =
            "generation_id, phase, provider_status, video_url, file_path, error_message, hidden, finished_at, "
            + "cost_usd, settle_state, group_id, favourite"
        let bump = "UPDATE store_meta SET value = value + 1 WHERE key = 'revision';"
        func stamp(_ table: String) -> String {
            "UPDATE \(table) SET change_seq = (SELECT value FROM store_meta WHERE key = 'revision') "
                + "WHERE rowid = NEW.rowid;"
        }
        try db.execute(
            sql: """
                ALTER TABLE jobs ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE groups ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX IF NOT EXISTS jobs_change_seq ON jobs(change_seq);
                CREATE INDEX IF NOT EXISTS groups_change_seq ON groups(change_seq);
                DROP TRIGGER IF EXISTS jobs_revision_insert;
                CREATE TRIGGER jobs_revision_insert AFTER INSERT ON jobs BEGIN
                    \(bump) \(stamp("jobs"))
                END;
                DROP TRIGGER IF EXISTS jobs_revision_update;
                CREATE TRIGGER jobs_revision_update AFTER UPDATE OF \(jobColumns) ON jobs BEGIN
                    \(bump) \(stamp("jobs"))
                END;
                DROP TRIGGER IF EXISTS groups_revision_insert;
                CREATE TRIGGER groups_revision_insert AFTER INSERT ON groups BEGIN
                    \(bump) \(stamp("groups"))
                END;
                CREATE TRIGGER groups_revision_update AFTER UPDATE OF kind, name, source, total ON groups BEGIN
                    \(bump) \(stamp("groups"))
                END;
                """)
    }
}
