-- The OS process of a step's running attempt, so a server that was killed can end it at its next
-- start. The start instant (epoch milliseconds) tells that process apart from a later one that
-- got the same pid.
ALTER TABLE step_runs ADD COLUMN pid INTEGER;
ALTER TABLE step_runs ADD COLUMN pid_started INTEGER;
