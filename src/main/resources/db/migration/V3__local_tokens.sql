-- Tokens handed out without credentials, through the data folder (the dashboard's own server, the
-- CLI with no connection chosen). They belong to one run of the server: each start forgets those
-- of the runs before, so one sent to a program that took a stopped server's port opens nothing.
ALTER TABLE tokens ADD COLUMN local INTEGER NOT NULL DEFAULT 0;
