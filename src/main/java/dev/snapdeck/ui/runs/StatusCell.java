package dev.snapdeck.ui.runs;

import javafx.scene.control.TableCell;

import dev.snapdeck.api.ExecutionStatus;
import dev.snapdeck.ui.controls.DagView;

/** A status shown as a coloured pill; colours come from the status style classes in CSS. */
public final class StatusCell<S> extends TableCell<S, ExecutionStatus> {

    static final String PILL_CLASS = "status-pill";
    /** A status column narrower than this cuts "provisioning" short. */
    public static final double MIN_WIDTH = 125;

    @Override
    protected void updateItem(ExecutionStatus status, boolean empty) {
        super.updateItem(status, empty);
        getStyleClass().removeIf(c -> c.startsWith("status-"));
        if (empty || status == null) {
            setText(null);
            return;
        }
        setText(status.raw());
        getStyleClass().addAll(PILL_CLASS, DagView.statusStyleClass(status.raw()));
    }
}
