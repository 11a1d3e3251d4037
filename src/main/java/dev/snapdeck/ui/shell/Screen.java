package dev.snapdeck.ui.shell;

/** The screens the sidebar switches between, in sidebar order. */
public enum Screen {
    SNAPSHOTS("Snapshots"),
    PIPELINES("Pipelines"),
    RUNS("Runs");

    private final String title;

    Screen(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
