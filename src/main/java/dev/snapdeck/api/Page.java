package dev.snapdeck.api;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One page of a list answer. {@code index} is 1-based; {@code totalPages} is at least 1.
 *
 * @param <T> the item type
 */
public record Page<T>(int index, int maxSize, int totalPages, int total, List<T> items) {

    public Page {
        items = List.copyOf(items);
    }

    /** True when a page after this one exists. */
    public boolean hasNext() {
        return index < totalPages;
    }

    static <T> Page<T> from(JsonNode node, Function<JsonNode, T> reader) {
        return new Page<>(node.path("index").asInt(1), node.path("max_size").asInt(),
                Math.max(1, node.path("total_pages").asInt(1)), node.path("total").asInt(),
                Json.list(node.path("items"), reader));
    }

    /**
     * Walks every item of every page, fetching page {@code n + 1} only when iteration passes the
     * last item of page {@code n}. Each fetch runs on the iterating thread and throws what the
     * fetch throws ({@link ZenmlException} subclasses for client calls).
     */
    public static <T> Iterable<T> walk(int firstPage, IntFunction<Page<T>> fetch) {
        return () -> new PageIterator<>(firstPage, fetch);
    }

    /** {@link #walk} as a sequential, lazy stream. */
    public static <T> Stream<T> stream(int firstPage, IntFunction<Page<T>> fetch) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(
                new PageIterator<>(firstPage, fetch), Spliterator.ORDERED), false);
    }

    private static final class PageIterator<T> implements Iterator<T> {

        private final IntFunction<Page<T>> fetch;
        private Page<T> page;
        private Iterator<T> items;

        PageIterator(int firstPage, IntFunction<Page<T>> fetch) {
            this.fetch = fetch;
            this.page = fetch.apply(firstPage);
            this.items = page.items().iterator();
        }

        @Override
        public boolean hasNext() {
            while (!items.hasNext() && page.hasNext()) {
                page = fetch.apply(page.index() + 1);
                items = page.items().iterator();
            }
            return items.hasNext();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more items after page " + page.index());
            }
            return items.next();
        }
    }
}
