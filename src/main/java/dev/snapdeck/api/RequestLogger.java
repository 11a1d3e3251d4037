package dev.snapdeck.api;

import java.io.IOException;

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
            LOG.debug("{} {} -> {} in {} ms", request.method(), request.url().encodedPath(),
                    response.code(), (System.nanoTime() - start) / 1_000_000);
            return response;
        } catch (IOException e) {
            LOG.debug("{} {} -> no answer: {}", request.method(), request.url().encodedPath(),
                    e.toString());
            throw e;
        }
    }
}
