package dev.snapdeck.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Duration;

import dev.snapdeck.server.DataFolderLock;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the server a data folder's {@code server.json} names whether it is there before a command
 * uses it. The file outlives a killed server, and whatever listens on its port now may accept
 * connections and never answer: the command's first real request would wait out its whole read
 * timeout (30 s, right for a busy server) before failing. The probe waits seconds, and only the
 * probe does; real requests keep their own timeouts.
 */
final class ServerFileProbe {

    private static final Logger LOG = LoggerFactory.getLogger(ServerFileProbe.class);
    /** A local server answers {@code /health} at once; one that takes longer is not there. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(3);

    private ServerFileProbe() {
    }

    /**
     * Returns once something answers HTTP at {@code url}, whatever the status: a server that
     * answers tells real requests what is wrong by itself.
     *
     * @param folder    the data folder whose {@code server.json} gave {@code url}, for the message
     * @param startHint how to start the server (after "start it with")
     * @throws CliFailure exit code 4 when nothing listens there, or nothing answers in time
     */
    static void check(String url, Path folder, String startHint) {
        HttpUrl health = HttpUrl.parse(url);
        if (health == null) {
            throw new CliFailure(ExitCode.UNREACHABLE, serverFile(folder) + " names " + url
                    + ", which is no http URL; start the local server with " + startHint + ".");
        }
        Request request = new Request.Builder().url(health.resolve("/health")).build();
        try (Response response = client().newCall(request).execute()) {
            LOG.debug("{} answered the probe with {}", url, response.code());
        } catch (IOException e) {
            LOG.debug("No answer from {} to the probe", url, e);
            throw new CliFailure(ExitCode.UNREACHABLE, whyNot(e, url, folder) + "; start the "
                    + "local server with " + startHint + ".");
        }
    }

    private static OkHttpClient client() {
        return new OkHttpClient.Builder()
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .callTimeout(CONNECT_TIMEOUT.plus(READ_TIMEOUT))
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .build();
    }

    private static String whyNot(IOException e, String url, Path folder) {
        if (e instanceof ConnectException) {
            return "nothing listens at " + url + ", which " + serverFile(folder) + " names: the "
                    + "file may be left from a server that was killed";
        }
        if (e instanceof InterruptedIOException) {
            return url + ", which " + serverFile(folder) + " names, did not answer within "
                    + READ_TIMEOUT.toSeconds() + " s: the file may be left from a server that "
                    + "was killed, and something else listens there now";
        }
        return "cannot reach " + url + ", which " + serverFile(folder) + " names ("
                + e.getMessage() + ")";
    }

    private static Path serverFile(Path folder) {
        return folder.toAbsolutePath().resolve(DataFolderLock.SERVER_FILE);
    }
}
