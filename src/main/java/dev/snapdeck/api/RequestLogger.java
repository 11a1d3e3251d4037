package dev.snapdeck.api;

import java.io.IOException;

import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place requests are logged: method, URL, status and time, never headers or bodies. */
final class RequestLogger implements Interceptor {

    private static final Logger LOG = LoggerFactory.getLogger(RequestLogger.class);

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        long start = System.nanoTime();
        try {
            Response response = chain.proceed(request);
            LOG.debug("{} {} -> {} in {} ms", request.method(), where(request.url()),
                    response.code(), (System.nanoTime() - start) / 1_000_000);
            return response;
        } catch (IOException e) {
            LOG.debug("{} {} -> no answer: {}", request.method(), where(request.url()),
                    e.toString());
            throw e;
        }
    }

    /** Server and path, without the query: which server answered is worth a log line's space. */
    private static String where(HttpUrl url) {
        return url.scheme() + "://" + url.host() + ":" + url.port() + url.encodedPath();
    }
}
