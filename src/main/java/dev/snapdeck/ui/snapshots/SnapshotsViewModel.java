package dev.snapdeck.ui.snapshots;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import dev.snapdeck.api.ConflictException;
import dev.snapdeck.api.Page;
import dev.snapdeck.api.Snapshot;
import dev.snapdeck.api.SnapshotQuery;
import dev.snapdeck.api.SnapshotUpdate;
import dev.snapdeck.api.ZenmlException;
import dev.snapdeck.service.Task;
import dev.snapdeck.service.Workspace;
import dev.snapdeck.ui.paging.LivePage;
import dev.snapdeck.ui.paging.ServerPager;
import dev.snapdeck.ui.shell.AppContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Snapshots screen: the named snapshots of the connected server, one server-side page at a
 * time, newest first, searched by name on the server, with a detail pane that renames,
 * re-describes and re-tags one, and delete for several at once. The shell registers
 * {@link #refresh()} for F5, and pauses the live updates while the screen is not shown.
 *
 * <p>Paging never skips or repeats rows: later pages only show snapshots created up to the newest
 * one the first page showed, so snapshots made meanwhile do not push rows from one page onto the
 * next.
 *
 * <p>Unsaved edits in the detail pane are never thrown away silently: picking another row asks
 * whether to save or discard them first, and showing the page again keeps them.
 */
public final class SnapshotsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotsViewModel.class);
    static final int PAGE_SIZE = 50;

    private final AppContext context;
    private final ServerPager<Snapshot> pager;
    private final LivePage<Snapshot> livePage;
    private final ObservableList<SnapshotRow> rows = FXCollections.observableArrayList();
    private final ObservableList<SnapshotRow> rowsView =
            FXCollections.unmodifiableObservableList(rows);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<SnapshotRow> selection = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SnapshotRow> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Snapshot> detail = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final StringProperty editName = new SimpleStringProperty("");
    private final StringProperty editDescription = new SimpleStringProperty("");
    private final StringProperty editTags = new SimpleStringProperty("");
    private final BooleanBinding canDelete;
    private final BooleanBinding canRun;
    private final BooleanBinding canSave;
    private Task<?> loading;
    private Task<?> loadingDetail;
    /** True while a fetched page replaces the rows; the selection then follows the rows. */
    private boolean replacingRows;
    /** The snapshot to select once the next page is shown, if it is on it. */
    private UUID selectWhenShown;
    /**
     * Until the first page with rows is shown: its first snapshot is then selected, so Run… is
     * ready the moment the dashboard opens (on the local server, the example's snapshot).
     */
    private boolean firstRowsToCome = true;

    public SnapshotsViewModel(AppContext context) {
        this(context, PAGE_SIZE);
    }

    /** With another page size (tests). */
    public SnapshotsViewModel(AppContext context, int pageSize) {
        this.context = Objects.requireNonNull(context, "context");
        pager = ServerPager.newestFirst(pageSize, Snapshot::created, this::load)
                .describedAsRange("Snapshots", () -> search.get().isBlank() ? "No snapshots"
                        : "No snapshot names contain this");
        livePage = new LivePage<>(context.executor(), SnapshotsViewModel::hasRunInProgress);
        selection.addListener((ListChangeListener<SnapshotRow>) c ->
                selectionChanged());
        canDelete = Bindings.isNotEmpty(selection).and(busy.not());
        canRun = selected.isNotNull();
        canSave = Bindings.createBooleanBinding(this::detailsEdited, selected, detail, editName,
                editDescription, editTags, busy);
        context.workspace().addListener((obs, old, now) -> refresh());
    }

    // ---- state ---------------------------------------------------------------------------

    /** The rows of the current page, in server order (newest first). */
    public ObservableList<SnapshotRow> getSnapshots() {
        return rowsView;
    }

    /** Text the names must contain; applied by {@link #refresh()} (the view calls it). */
    public StringProperty searchProperty() {
        return search;
    }

    /** Where the table stands among the named snapshots matching the search; Back and Next. */
    public ServerPager<Snapshot> pager() {
        return pager;
    }

    /** The rows the view has selected; the view keeps it in step with the table. */
    public ObservableList<SnapshotRow> getSelection() {
        return selection;
    }

    /**
     * Selects {@code chosen} as the user asked (the view calls it). With unsaved edits on another
     * snapshot it first asks to save or discard them; false when the old selection stays for now
     * (cancelled, or saving first: the chosen rows are selected once the save succeeds).
     */
    public boolean select(List<SnapshotRow> chosen) {
        if (replacingRows) {
            return true;
        }
        SnapshotRow first = chosen.isEmpty() ? null : chosen.get(0);
        if (sameSnapshot(first, selected.get()) || !hasUnsavedEdits()) {
            selection.setAll(chosen);
            return true;
        }
        List<SnapshotRow> target = List.copyOf(chosen);
        String name = Objects.toString(detail.get().name(), "this snapshot");
        switch (context.dialogs().askAboutUnsaved("Unsaved changes", "Your changes to " + name
                + " are not saved yet.")) {
            case SAVE:
                saveDetails(() -> selection.setAll(target));
                return false;
            case DISCARD:
                selection.setAll(target);
                return true;
            default:
                return false;
        }
    }

    /** The one row the detail pane shows (the first selected). */
    public ReadOnlyObjectProperty<SnapshotRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The selected snapshot with its description and metadata, once fetched. */
    public ReadOnlyObjectProperty<Snapshot> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What went wrong loading the list; empty when nothing did. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public StringProperty editNameProperty() {
        return editName;
    }

    public StringProperty editDescriptionProperty() {
        return editDescription;
    }

    /** Tags as comma-separated words. */
    public StringProperty editTagsProperty() {
        return editTags;
    }

    public ObservableBooleanValue canDeleteProperty() {
        return canDelete;
    }

    public ObservableBooleanValue canRunProperty() {
        return canRun;
    }

    public ObservableBooleanValue canSaveProperty() {
        return canSave;
    }

    // ---- intents -------------------------------------------------------------------------

    /** Shows the first page again, with the current search (F5). */
    public void refresh() {
        pager.firstPage();
    }

    /** Shows the first page again and selects the snapshot just made there, if it is on it. */
    public void showCreated(UUID snapshotId) {
        selectWhenShown = Objects.requireNonNull(snapshotId, "snapshotId");
        refresh();
    }

    /** Stops fetching the page again while the screen is not shown. */
    public void pauseLiveUpdates() {
        livePage.pause();
    }

    /** Fetches the page at once and keeps it fresh again, as when the screen is shown again. */
    public void resumeLiveUpdates() {
        livePage.resume();
    }

    LivePage<Snapshot> livePage() {
        return livePage;
    }

    SnapshotQuery query(int pageNumber) {
        SnapshotQuery query = new SnapshotQuery().namedOnly().sortBy("desc:created");
        if (!search.get().isBlank()) {
            query.nameContains(search.get().strip());
        }
        return pager.pageQuery(query, pageNumber);
    }

    private void load(int pageNumber) {
        Workspace workspace = context.workspace().get();
        if (loading != null) {
            loading.cancel();
        }
        livePage.stop();
        if (workspace == null) {
            rows.clear();
            pager.clear();
            return;
        }
        busy.set(true);
        SnapshotQuery query = query(pageNumber);
        String version = workspace.connection().version();
        loading = context.executor().submit(() -> workspace.snapshots(query))
                .onSuccess(result -> {
                    showPage(pageNumber, result, version);
                    livePage.follow(pageNumber, result.items(), () -> workspace.snapshots(query),
                            update -> showLiveUpdate(pageNumber, update, version));
                })
                .onFailure(failure -> {
                    LOG.warn("Could not load snapshots", failure);
                    error.set("Could not load snapshots: " + message(failure));
                })
                .onDone(() -> busy.set(false));
    }

    /**
     * Keeps the latest-run column fresh (see {@link LivePage}). A fetch that changes nothing, or
     * comes while the user edits the selected snapshot's details, leaves the table alone.
     */
    private void showLiveUpdate(int pageNumber, Page<Snapshot> result, String version) {
        if (!hasUnsavedEdits() && !result.items().equals(currentSnapshots())) {
            showPage(pageNumber, result, version);
        }
    }

    private List<Snapshot> currentSnapshots() {
        return rows.stream().map(SnapshotRow::snapshot).collect(Collectors.toList());
    }

    private static boolean hasRunInProgress(Snapshot snapshot) {
        return snapshot.latestRunStatus() != null && !snapshot.latestRunStatus().isFinished();
    }

    private void showPage(int pageNumber, Page<Snapshot> result, String version) {
        pager.show(pageNumber, result);
        showRows(result.items().stream().map(snapshot -> SnapshotRow.of(snapshot, version))
                .collect(Collectors.toList()));
    }

    private void showRows(List<SnapshotRow> loaded) {
        Set<UUID> keep = selection.stream().map(row -> row.snapshot().id())
                .collect(Collectors.toSet());
        error.set("");
        replacingRows = true;
        try {
            rows.setAll(loaded);
            selection.setAll(loaded.stream().filter(row -> keep.contains(row.snapshot().id()))
                    .collect(Collectors.toList()));
        } finally {
            replacingRows = false;
        }
        UUID created = selectWhenShown;
        selectWhenShown = null;
        if (created != null) {
            loaded.stream().filter(row -> row.snapshot().id().equals(created)).findFirst()
                    .ifPresent(row -> select(List.of(row)));
        } else if (firstRowsToCome && selection.isEmpty() && !loaded.isEmpty()) {
            select(List.of(loaded.get(0)));
        }
        firstRowsToCome &= loaded.isEmpty();
    }

    /** Opens Run Snapshot on the selected snapshot. */
    public void runSelected() {
        SnapshotRow row = selected.get();
        if (row != null) {
            context.navigator().runSnapshot(row.snapshot().id());
        }
    }

    /** Opens the New Snapshot dialog. */
    public void newSnapshot() {
        context.navigator().newSnapshot();
    }

    /** Deletes every selected snapshot after asking once. */
    public void deleteSelected() {
        Workspace workspace = context.workspace().get();
        List<SnapshotRow> doomed = List.copyOf(selection);
        if (workspace == null || doomed.isEmpty() || !context.dialogs().confirm(
                "Delete snapshots", deleteQuestion(doomed), "Delete")) {
            return;
        }
        busy.set(true);
        context.executor().submit(() -> deleteAll(workspace, doomed))
                .onSuccess(failed -> deleted(doomed, failed))
                .onFailure(failure -> context.dialogs().showError("Delete failed",
                        message(failure), failure))
                .onDone(() -> {
                    busy.set(false);
                    refresh();
                });
    }

    private static String deleteQuestion(List<SnapshotRow> doomed) {
        if (doomed.size() == 1) {
            return "Delete the snapshot " + doomed.get(0).name() + "? Its runs stay.";
        }
        return "Delete " + doomed.size() + " snapshots ("
                + doomed.stream().limit(5).map(SnapshotRow::name)
                        .collect(Collectors.joining(", "))
                + (doomed.size() > 5 ? ", …" : "") + ")? Their runs stay.";
    }

    private static List<String> deleteAll(Workspace workspace, List<SnapshotRow> doomed) {
        List<String> failed = new ArrayList<>();
        for (SnapshotRow row : doomed) {
            try {
                workspace.deleteSnapshot(row.snapshot().id());
            } catch (ZenmlException e) {
                LOG.warn("Could not delete snapshot {}", row.snapshot().id(), e);
                failed.add(row.name() + ": " + message(e));
            }
        }
        return failed;
    }

    private void deleted(List<SnapshotRow> doomed, List<String> failed) {
        if (failed.isEmpty()) {
            context.dialogs().notify(doomed.size() == 1 ? "Snapshot deleted."
                    : doomed.size() + " snapshots deleted.");
        } else {
            context.dialogs().showError("Some snapshots were not deleted",
                    String.join("\n", failed), null);
        }
    }

    /**
     * Sends the detail pane's name, description and tags. A name another snapshot of the
     * pipeline has is offered to be taken over.
     */
    public void saveDetails() {
        saveDetails(() -> { });
    }

    /** Saves the details, then does {@code afterSaved} once the server has them. */
    private void saveDetails(Runnable afterSaved) {
        Workspace workspace = context.workspace().get();
        Snapshot current = detail.get();
        if (workspace == null || current == null || !canSave.get()) {
            return;
        }
        if (editName.get().isBlank()) {
            context.dialogs().showError("Name required", "A snapshot needs a name.", null);
            return;
        }
        sendUpdate(workspace, current, false, afterSaved);
    }

    private void sendUpdate(Workspace workspace, Snapshot current, boolean replace,
            Runnable afterSaved) {
        SnapshotUpdate update = updateFor(current, replace);
        busy.set(true);
        context.executor().submit(() -> workspace.updateSnapshot(current.id(), update))
                .onSuccess(saved -> {
                    busy.set(false);
                    context.dialogs().notify("Snapshot saved.");
                    detail.set(saved);
                    afterSaved.run();
                    refresh();
                })
                .onFailure(failure -> {
                    busy.set(false);
                    if (failure instanceof ConflictException && !replace
                            && context.dialogs().confirm("Name taken", "Another snapshot of "
                            + "this pipeline is named " + editName.get().strip()
                            + ". Take the name from it?", "Replace")) {
                        sendUpdate(workspace, current, true, afterSaved);
                    } else if (!(failure instanceof ConflictException) || replace) {
                        context.dialogs().showError("Not saved", message(failure), failure);
                    }
                });
    }

    private SnapshotUpdate updateFor(Snapshot current, boolean replace) {
        SnapshotUpdate update = new SnapshotUpdate();
        String name = editName.get().strip();
        if (!name.equals(current.name())) {
            update.name(name);
        }
        String description = editDescription.get().strip();
        if (!description.equals(Objects.toString(current.description(), ""))) {
            update.description(description);
        }
        Set<String> before = new LinkedHashSet<>(current.tags() == null ? List.of()
                : current.tags());
        Set<String> after = parseTags(editTags.get());
        after.stream().filter(tag -> !before.contains(tag)).forEach(update::addTag);
        before.stream().filter(tag -> !after.contains(tag)).forEach(update::removeTag);
        if (replace) {
            update.replace();
        }
        return update;
    }

    // ---- selection and details -----------------------------------------------------------

    private void selectionChanged() {
        SnapshotRow first = selection.isEmpty() ? null : selection.get(0);
        if (Objects.equals(first, selected.get())) {
            return;
        }
        if (hasUnsavedEdits() && (replacingRows || sameSnapshot(first, selected.get()))) {
            // The page was fetched again: the pane keeps the edits, even when their snapshot
            // has left the page, until the user saves them or picks another row.
            if (sameSnapshot(first, selected.get())) {
                selected.set(first);
            }
            return;
        }
        selected.set(first);
        if (loadingDetail != null) {
            loadingDetail.cancel();
        }
        showDetail(first == null ? null : first.snapshot());
        Workspace workspace = context.workspace().get();
        if (first != null && workspace != null) {
            UUID id = first.snapshot().id();
            loadingDetail = context.executor().submit(() -> workspace.snapshot(id))
                    .onSuccess(this::showLoadedDetail)
                    .onFailure(failure -> LOG.warn("Could not load snapshot {}", id, failure));
        }
    }

    private void showDetail(Snapshot snapshot) {
        detail.set(snapshot);
        editName.set(nameText(snapshot));
        editDescription.set(descriptionText(snapshot));
        editTags.set(tagsText(snapshot));
    }

    /**
     * The whole snapshot, fetched after its row was picked. A field the user has typed into
     * while it was on its way keeps what was typed; the others show the fetched values.
     */
    private void showLoadedDetail(Snapshot loaded) {
        Snapshot summary = detail.get();
        String name = typedSince(editName, nameText(summary));
        String description = typedSince(editDescription, descriptionText(summary));
        String tags = typedSince(editTags, tagsText(summary));

        showDetail(loaded);
        if (name != null) {
            editName.set(name);
        }
        if (description != null) {
            editDescription.set(description);
        }
        if (tags != null) {
            editTags.set(tags);
        }
    }

    /** The field's text when it is no longer what the pane showed, else null. */
    private static String typedSince(StringProperty field, String shown) {
        return field.get().equals(shown) ? null : field.get();
    }

    private static String nameText(Snapshot snapshot) {
        return snapshot == null || snapshot.name() == null ? "" : snapshot.name();
    }

    private static String descriptionText(Snapshot snapshot) {
        return snapshot == null ? "" : Objects.toString(snapshot.description(), "");
    }

    private static String tagsText(Snapshot snapshot) {
        return snapshot == null || snapshot.tags() == null ? ""
                : String.join(", ", snapshot.tags());
    }

    private static boolean sameSnapshot(SnapshotRow one, SnapshotRow other) {
        return one != null && other != null && one.snapshot().id().equals(other.snapshot().id());
    }

    /** True when the pane's fields differ from the selected snapshot and may be saved now. */
    private boolean detailsEdited() {
        return !busy.get() && hasUnsavedEdits();
    }

    /** True when the pane's fields differ from the selected snapshot, saving or not. */
    private boolean hasUnsavedEdits() {
        Snapshot current = detail.get();
        if (current == null) {
            return false;
        }
        List<String> tags = current.tags() == null ? List.of() : current.tags();
        return !editName.get().strip().equals(Objects.toString(current.name(), ""))
                || !editDescription.get().strip().equals(
                        Objects.toString(current.description(), ""))
                || !parseTags(editTags.get()).equals(new LinkedHashSet<>(tags));
    }

    static Set<String> parseTags(String text) {
        Set<String> tags = new LinkedHashSet<>();
        for (String word : text.split(",")) {
            if (!word.isBlank()) {
                tags.add(word.strip());
            }
        }
        return tags;
    }

    static String message(Throwable failure) {
        if (failure instanceof ZenmlException
                && ((ZenmlException) failure).serverMessage() != null) {
            return ((ZenmlException) failure).serverMessage();
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getMessage();
    }
}
