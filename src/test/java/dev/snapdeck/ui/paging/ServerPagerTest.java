package dev.snapdeck.ui.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.snapdeck.api.Page;
import dev.snapdeck.api.QueryParams;
import dev.snapdeck.api.RunQuery;

/** The pager on its own; rows are creation times, so each row is its own timestamp. */
class ServerPagerTest {

    private static final Instant NEWEST = Instant.parse("2025-03-04T10:20:30.400Z");

    private final List<Integer> loaded = new ArrayList<>();
    private final ServerPager<Instant> pager =
            ServerPager.newestFirst(2, Function.identity(), loaded::add);

    private static Page<Instant> page(int index, int totalPages, int total, Instant... rows) {
        return new Page<>(index, 2, totalPages, total, List.of(rows));
    }

    @Test
    void boundsLaterPagesByTheNewestRowOfTheFirst() {
        pager.show(1, page(1, 3, 5, NEWEST, NEWEST.minusSeconds(60)));

        Map<String, String> second = QueryParams.of(pager.pageQuery(new RunQuery(), 2));

        assertEquals("lte:2025-03-04 10:20:31", second.get("created"));
        assertEquals("2", second.get("page"));
        assertEquals("2", second.get("size"));
    }

    @Test
    void leavesTheFirstPageUnbounded() {
        pager.show(1, page(1, 3, 5, NEWEST, NEWEST.minusSeconds(60)));

        assertNull(QueryParams.of(pager.pageQuery(new RunQuery(), 1)).get("created"));
    }

    @Test
    void takesANewAnchorWhenPagingStartsOver() {
        pager.show(1, page(1, 3, 5, NEWEST));
        pager.firstPage();
        pager.show(1, page(1, 3, 6, NEWEST.plusSeconds(3600)));

        Map<String, String> second = QueryParams.of(pager.pageQuery(new RunQuery(), 2));

        assertEquals("lte:2025-03-04 11:20:31", second.get("created"));
    }

    @Test
    void aFirstPageFetchedAgainWithNewerRowsMovesTheAnchor() {
        pager.show(1, page(1, 3, 5, NEWEST));
        pager.show(1, page(1, 3, 7, NEWEST.plusSeconds(3600)));

        Map<String, String> second = QueryParams.of(pager.pageQuery(new RunQuery(), 2));

        assertEquals("lte:2025-03-04 11:20:31", second.get("created"));
    }

    @Test
    void unanchoredPagerNeverBoundsByCreation() {
        ServerPager<Instant> unanchored = ServerPager.unanchored(2, loaded::add);
        unanchored.show(1, page(1, 3, 5, NEWEST));

        assertNull(QueryParams.of(unanchored.pageQuery(new RunQuery(), 2)).get("created"));
    }

    @Test
    void asksForTheNeighbouringPagesOnlyWhereTheyExist() {
        pager.show(1, page(1, 2, 3, NEWEST, NEWEST));
        pager.previousPage();
        pager.nextPage();
        pager.show(2, page(2, 2, 3, NEWEST));
        pager.nextPage();
        pager.previousPage();

        assertEquals(List.of(2, 1), loaded);
    }

    @Test
    void backAndNextFollowThePageShown() {
        pager.show(2, page(2, 3, 5, NEWEST, NEWEST));

        assertTrue(pager.canGoBackProperty().get());
        assertTrue(pager.canGoForwardProperty().get());

        pager.show(3, page(3, 3, 5, NEWEST));

        assertFalse(pager.canGoForwardProperty().get());
    }

    @Test
    void describesTheRangeOfRowsShown() {
        pager.describedAsRange("Runs", () -> "No runs");

        pager.show(3, page(3, 3, 5, NEWEST));

        assertEquals("Runs 5–5 of 5", pager.pageTextProperty().get());
    }

    @Test
    void describesAnEmptyListInTheScreensWords() {
        pager.describedAsRange("Runs", () -> "No runs");

        pager.show(1, page(1, 1, 0));

        assertEquals("No runs", pager.pageTextProperty().get());
    }

    @Test
    void clearingLeavesNothingToPageThrough() {
        pager.describedAsRange("Runs", () -> "No runs");
        pager.show(2, page(2, 3, 5, NEWEST, NEWEST));

        pager.clear();

        assertEquals("No runs", pager.pageTextProperty().get());
        assertFalse(pager.canGoBackProperty().get());
        assertFalse(pager.canGoForwardProperty().get());
        assertNull(QueryParams.of(pager.pageQuery(new RunQuery(), 2)).get("created"));
    }
}
