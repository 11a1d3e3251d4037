package dev.snapdeck.api;

import java.util.LinkedHashMap;
import java.util.Map;

import okhttp3.HttpUrl;

/** Reads back what a list query would send, for fakes that answer list calls in memory. */
public final class QueryParams {

    private QueryParams() {
    }

    /** Query parameter name to value (the last one when repeated), incl. page, size, sort_by. */
    public static Map<String, String> of(ListQuery<?> query) {
        HttpUrl.Builder url = HttpUrl.get("http://127.0.0.1/").newBuilder();
        query.apply(url, query.page());
        HttpUrl built = url.build();
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : built.queryParameterNames()) {
            params.put(name, built.queryParameter(name));
        }
        return params;
    }
}
