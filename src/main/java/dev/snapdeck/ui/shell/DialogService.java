package dev.snapdeck.ui.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every way the dashboard talks to the user outside a screen. View-models receive it through
 * their constructor, so their tests can answer dialogs without a toolkit.
 */
public interface DialogService {

    /** A short message that goes away by itself ("Snapshot renamed"). */
    void notify(String message);

    /**
     * An error the user must see: a plain sentence, with the technical details folded away.
     *
     * @param details the exception, or null
     */
    void showError(String title, String message, Throwable details);

    /** Asks a yes/no question; true for yes. */
    boolean confirm(String title, String message, String confirmLabel);

    /** What to do with changes not saved yet. */
    enum Unsaved {
        SAVE,
        DISCARD,
        /** Go back to them, as they are: also the answer when the question is closed. */
        KEEP_EDITING
    }

    /** Asks whether to save the changes {@code message} speaks of, discard them, or keep editing. */
    Unsaved askAboutUnsaved(String title, String message);

    /** Asks for a file to read; empty when cancelled. */
    Optional<Path> chooseFileToOpen(String title, List<String> extensions);

    /** Asks where to write a file; empty when cancelled. */
    Optional<Path> chooseFileToSave(String title, String suggestedName);

    /** Puts text on the clipboard. */
    void copyToClipboard(String text);

    /** A notification from the operating system (a run the user started has ended). */
    void notifyDesktop(String title, String message);
}
