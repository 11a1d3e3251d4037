package dev.snapdeck.api;

/**
 * The server has no route to run snapshots (no workload manager, e.g. an open-source server): it
 * answered the trigger route with 405, 501 or a plain "Not Found" 404. No run was started.
 */
public class SnapshotsNotRunnableException extends ZenmlException {

    public SnapshotsNotRunnableException(int status, String exceptionClass, String serverMessage) {
        super(status, exceptionClass, serverMessage);
    }
}
