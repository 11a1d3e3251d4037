package dev.snapdeck.ui.shell;

import java.util.UUID;

/**
 * Moves the user between screens and dialogs. View-models ask for it by intent ("open this run")
 * and never build another screen themselves; the shell decides how it is shown.
 */
public interface Navigator {

    void showSnapshots();

    void showPipelines();

    void showRuns();

    /** Opens a run's detail and follows it live while it runs. */
    void openRun(UUID runId);

    /** Opens the Run Snapshot editor on a snapshot. */
    void runSnapshot(UUID snapshotId);

    /** Opens the New Snapshot dialog for a run (the seed's "+ New Snapshot" from a run). */
    void newSnapshotFromRun(UUID runId);

    /** Opens the New Snapshot dialog with nothing chosen yet. */
    void newSnapshot();
}
