-- Timestamps are naive UTC ISO-8601 text with six fraction digits, so text order is time order.
CREATE TABLE users (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    password_hash TEXT,
    is_service_account INTEGER NOT NULL DEFAULT 0,
    is_admin INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1,
    description TEXT,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    service_account_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT,
    key_hash TEXT NOT NULL,
    previous_key_hash TEXT,
    previous_key_expires TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    last_login TEXT,
    last_rotated TEXT,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    UNIQUE (service_account_id, name)
);
CREATE TABLE tokens (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    api_key_id TEXT REFERENCES api_keys(id) ON DELETE CASCADE,
    expires TEXT NOT NULL
);
CREATE TABLE projects (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE TABLE pipelines (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    project_id TEXT NOT NULL REFERENCES projects(id),
    user_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    description TEXT,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    UNIQUE (project_id, name)
);
CREATE TABLE snapshots (
    id TEXT PRIMARY KEY,
    name TEXT,
    pipeline_id TEXT NOT NULL REFERENCES pipelines(id) ON DELETE CASCADE,
    project_id TEXT NOT NULL REFERENCES projects(id),
    user_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    description TEXT,
    run_name_template TEXT,
    code_id TEXT NOT NULL,
    pipeline_spec TEXT NOT NULL,
    step_definitions TEXT NOT NULL,
    config TEXT NOT NULL,
    source_snapshot_id TEXT REFERENCES snapshots(id) ON DELETE SET NULL,
    tags TEXT NOT NULL DEFAULT '[]',
    server_version TEXT NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE UNIQUE INDEX snapshots_name ON snapshots(pipeline_id, name) WHERE name IS NOT NULL;
CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    project_id TEXT NOT NULL REFERENCES projects(id),
    pipeline_id TEXT NOT NULL REFERENCES pipelines(id) ON DELETE CASCADE,
    snapshot_id TEXT NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
    source_snapshot_id TEXT REFERENCES snapshots(id) ON DELETE SET NULL,
    user_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    status TEXT NOT NULL,
    status_reason TEXT,
    run_index INTEGER NOT NULL,
    config TEXT NOT NULL,
    start_time TEXT,
    end_time TEXT,
    run_dir TEXT NOT NULL,
    logs_id TEXT NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    UNIQUE (project_id, name)
);
CREATE INDEX runs_by_created ON runs(project_id, created, id);
CREATE INDEX runs_by_pipeline ON runs(pipeline_id, created, id);
CREATE INDEX runs_by_status ON runs(status);
CREATE TABLE step_runs (
    id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    status TEXT NOT NULL,
    version INTEGER NOT NULL,
    exit_code INTEGER,
    cache_key TEXT,
    start_time TEXT,
    end_time TEXT,
    log_file TEXT,
    logs_id TEXT NOT NULL,
    parameters TEXT NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    UNIQUE (run_id, name)
);
CREATE TABLE server_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
