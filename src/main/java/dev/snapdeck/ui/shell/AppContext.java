package dev.snapdeck.ui.shell;

import javafx.beans.property.ReadOnlyObjectProperty;

import dev.snapdeck.service.BackgroundExecutor;
import dev.snapdeck.service.Workspace;

/**
 * What every screen's view-model is given: the one background executor, the current workspace
 * (it changes when the user switches connection), and the ways to reach the user and other
 * screens.
 *
 * @param executor  the only way off the FX thread; callbacks come back on it
 * @param workspace the connected server; null while connecting
 * @param navigator opens other screens and dialogs
 * @param dialogs   messages, errors, questions and files
 */
public record AppContext(BackgroundExecutor executor,
        ReadOnlyObjectProperty<Workspace> workspace, Navigator navigator,
        DialogService dialogs) {
}
