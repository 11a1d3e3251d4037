package dev.snapdeck.ui.paging;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import dev.snapdeck.api.ListQuery;
import dev.snapdeck.api.Page;

/**
 * Where a screen stands in a list the server pages for it: the page shown, how many pages and
 * rows there are, whether Back and Next lead anywhere, and a line that says so. The screen loads
 * pages itself; the pager tells it which one ({@code loader}) and is told what came back
 * ({@link #show}).
 *
 * <p>A list sorted newest first can be anchored: pages after the first then only ask for rows
 * created up to the newest row the first page showed, so rows made meanwhile do not push rows
 * from one page onto the next, and paging neither skips nor repeats one.
 *
 * @param <T> the rows' type
 */
public final class ServerPager<T> {

    private static final DateTimeFormatter FILTER_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final int pageSize;
    private final IntConsumer loader;
    private final Function<T, Instant> createdOf;
    private final ReadOnlyIntegerWrapper page = new ReadOnlyIntegerWrapper(1);
    private final ReadOnlyIntegerWrapper totalPages = new ReadOnlyIntegerWrapper(1);
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper shown = new ReadOnlyIntegerWrapper(0);
    private final BooleanBinding canGoBack = page.greaterThan(1);
    private final BooleanBinding canGoForward = page.lessThan(totalPages);
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper("");
    private Instant anchor;

    private ServerPager(int pageSize, Function<T, Instant> createdOf, IntConsumer loader) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1, was " + pageSize);
        }
        this.pageSize = pageSize;
        this.createdOf = createdOf;
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    /**
     * A pager over a list sorted newest first by {@code createdOf}, anchored at the first page's
     * newest row. {@code loader} is asked to load a page by its 1-based number.
     */
    public static <T> ServerPager<T> newestFirst(int pageSize, Function<T, Instant> createdOf,
            IntConsumer loader) {
        return new ServerPager<>(pageSize, Objects.requireNonNull(createdOf, "createdOf"), loader);
    }

    /** A pager over a list in an order other than by creation, so with no anchor. */
    public static <T> ServerPager<T> unanchored(int pageSize, IntConsumer loader) {
        return new ServerPager<>(pageSize, null, loader);
    }

    /**
     * Words the position as "Runs 51–100 of 230" for {@code rowsName} "Runs", and as what
     * {@code none} says when no row matches. Call once, while setting the screen up.
     */
    public ServerPager<T> describedAsRange(String rowsName, Supplier<String> none) {
        pageText.bind(Bindings.createStringBinding(() -> {
            if (total.get() == 0) {
                return none.get();
            }
            int first = (page.get() - 1) * pageSize + 1;
            return rowsName + " " + first + "–" + (first + shown.get() - 1) + " of " + total.get();
        }, page, total, shown));
        return this;
    }

    public ReadOnlyIntegerProperty pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalPagesProperty() {
        return totalPages.getReadOnlyProperty();
    }

    /** How many rows match on the server, across all pages. */
    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public BooleanBinding canGoBackProperty() {
        return canGoBack;
    }

    public BooleanBinding canGoForwardProperty() {
        return canGoForward;
    }

    /** The line chosen with {@code describedAs...}; empty until one is. */
    public ReadOnlyStringProperty pageTextProperty() {
        return pageText.getReadOnlyProperty();
    }

    /** Loads the first page afresh: a new anchor is taken from what it shows. */
    public void firstPage() {
        anchor = null;
        loader.accept(1);
    }

    public void nextPage() {
        if (canGoForward.get()) {
            loader.accept(page.get() + 1);
        }
    }

    public void previousPage() {
        if (canGoBack.get()) {
            loader.accept(page.get() - 1);
        }
    }

    /**
     * Narrows {@code query} to page {@code pageNumber} of this pager's size and, past the first
     * page of an anchored list, to rows created up to the anchor. Call it after the screen's own
     * filters, so the creation filter is sent last as before.
     */
    public <Q extends ListQuery<Q>> Q pageQuery(Q query, int pageNumber) {
        query.page(pageNumber).size(pageSize);
        if (pageNumber > 1 && anchor != null) {
            // TODO: the server's date filters have whole seconds, so a row created in the same
            // second as the first page's newest one, after it, can show on later pages as well.
            LocalDateTime upTo = LocalDateTime.ofInstant(
                    anchor.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1), ZoneOffset.UTC);
            query.filter("created", "lte:" + FILTER_TIME.format(upTo));
        }
        return query;
    }

    /**
     * Takes in page {@code pageNumber} as the server answered it; the screen shows its rows. A
     * first page, however it came (loaded, fetched again by a live update, gone back to), anchors
     * the pages after it at its newest row: they go on from the rows it shows, so none that a
     * refresh pushed off it is skipped.
     */
    public void show(int pageNumber, Page<T> result) {
        if (createdOf != null && pageNumber == 1) {
            anchor = result.items().isEmpty() ? null : createdOf.apply(result.items().get(0));
        }
        page.set(pageNumber);
        total.set(result.total());
        totalPages.set(Math.max(1, result.totalPages()));
        shown.set(result.items().size());
    }

    /** Shows that there is nothing to page through, e.g. with no server connected. */
    public void clear() {
        anchor = null;
        page.set(1);
        totalPages.set(1);
        total.set(0);
        shown.set(0);
    }
}
