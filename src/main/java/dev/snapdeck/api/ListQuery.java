package dev.snapdeck.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import okhttp3.HttpUrl;

/**
 * Paging, sorting and filters shared by every list call. Filters follow the server's syntax
 * ({@code contains:text}, {@code oneof:[...]}); the typed setters of the subclasses write it.
 * Not thread-safe: build one per call.
 *
 * @param <Q> the concrete query type, for chaining
 */
public abstract class ListQuery<Q extends ListQuery<Q>> {

    private final List<Map.Entry<String, String>> params = new ArrayList<>();
    private int page = 1;
    private Integer size;
    private String sortBy;

    /** 1-based page to fetch; fails on values below 1. */
    public Q page(int page) {
        if (page < 1) {
            throw new IllegalArgumentException("page must be at least 1, was " + page);
        }
        this.page = page;
        return self();
    }

    /** Page size, 1 to 10000; fails outside that range. */
    public Q size(int size) {
        if (size < 1 || size > 10_000) {
            throw new IllegalArgumentException("size must be 1..10000, was " + size);
        }
        this.size = size;
        return self();
    }

    /** A column, optionally prefixed {@code asc:} or {@code desc:} (e.g. {@code desc:created}). */
    public Q sortBy(String sortBy) {
        this.sortBy = sortBy;
        return self();
    }

    /** Any other server filter, sent as given; may be repeated. */
    public Q filter(String name, String value) {
        params.add(Map.entry(name, value));
        return self();
    }

    int page() {
        return page;
    }

    Q contains(String name, String text) {
        return filter(name, "contains:" + text);
    }

    Q oneOf(String name, List<String> values) {
        String list = values.stream().map(v -> Json.MAPPER.getNodeFactory().textNode(v)
                .toString()).collect(Collectors.joining(",", "[", "]"));
        return filter(name, "oneof:" + list);
    }

    /** Writes the query string: filters in call order, then sort_by, page and size. */
    void apply(HttpUrl.Builder url, int pageNumber) {
        params.forEach(p -> url.addQueryParameter(p.getKey(), p.getValue()));
        if (sortBy != null) {
            url.addQueryParameter("sort_by", sortBy);
        }
        url.addQueryParameter("page", Integer.toString(pageNumber));
        if (size != null) {
            url.addQueryParameter("size", Integer.toString(size));
        }
    }

    abstract Q self();
}
