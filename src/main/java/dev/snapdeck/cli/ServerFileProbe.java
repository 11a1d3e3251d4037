package dev.snapdeck.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import dev.snapdeck.server.DataFolderLock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the server a data folder's {@code server.json} names is that folder's own server
 * before a command mints an admin token for it or sends it any credentials. The file outlives a
 * killed server, and whatever listens on its port now is some other program, maybe another
 * user's: it must never see a token, and it may accept connections and never answer, where the
 * command's first real request would wait out its whole read timeout (30 s, right for a busy
 * server). So the folder's lock must be held (a server runs there), and the listener must answer
 * {@code /api/v1/info} with the server id the folder's database holds, within seconds; real
 * requests keep their own timeouts. The id tells the folder's server from other servers and
 * programs, not from a listener that asked the server for it earlier ({@code /api/v1/info} needs
 * no sign-in): against that, the lock is the guard.
 */
final class ServerFileProbe {

    private static final Logger LOG = LoggerFactory.getLogger(ServerFileProbe.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * A local server answers {@code /api/v1/info} at once; one that takes longer is not there.
     * One deadline for connecting and answering both, so the message can name it.
     */
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String INFO_PATH = "/api/v1/info";
    /** Far more than the server's answer; a listener sending more is not it anyway. */
    private static final long MAX_INFO_BYTES = 64 * 1024;

    private ServerFileProbe() {
    }

    /**
     * Returns once the data folder's own server is known to answer at {@code url}. Nothing but
     * the unauthenticated {@code /api/v1/info} request is sent to it before that.
     *
     * @param folder    the data folder whose {@code server.json} gave {@code url}
     * @param startHint how to start the server (after "start it with")
     * @throws CliFailure exit code 4 when no server holds the folder, when nothing answers at
     *     {@code url} in time, or when what answers is not the folder's server; 3 when the
     *     folder's database cannot be read
     */
    static void check(String url, Path folder, String startHint) {
        HttpUrl base = HttpUrl.parse(url);
        if (base == null) {
            throw new CliFailure(ExitCode.UNREACHABLE, serverFile(folder) + " names " + url
                    + ", which is no http URL; start the local server with " + startHint + ".");
        }
        requireRunning(folder, startHint);
        Optional<String> expected = LocalAdminToken.serverId(folder);

        Optional<String> answered = answeredId(base.resolve(INFO_PATH), url, folder, startHint);
        if (answered.isEmpty() || !answered.equals(expected)) {
            LOG.debug("{} gave server id {}; {} holds {}", url, answered, folder, expected);
            throw notTheServer(url, folder, answered.isEmpty() ? "it answers " + INFO_PATH
                    + " with no server id" : "it answers " + INFO_PATH + " with another "
                    + "server's id");
        }
    }

    /**
     * Whether the folder's server, found at {@code url} by {@link #check}, still runs there: a
     * server holds the folder and its {@code server.json} still names {@code url}. Asks no one,
     * so a watch can ask before every request it makes.
     */
    static boolean stillAt(String url, Path folder) {
        try {
            return DataFolderLock.isHeld(folder) && DataFolderLock.runningAt(folder)
                    .map(Object::toString).filter(url::equals).isPresent();
        } catch (IOException e) {
            LOG.debug("Cannot check the lock of {}", folder, e);
            return false;
        }
    }

    /** No server holds the folder: its {@code server.json} is what a killed one left. */
    private static void requireRunning(Path folder, String startHint) {
        boolean held;
        try {
            held = DataFolderLock.isHeld(folder);
        } catch (IOException e) {
            LOG.debug("Cannot check the lock of {}", folder, e);
            throw new CliFailure(ExitCode.UNREACHABLE, "cannot tell whether a local server is "
                    + "running on " + folder.toAbsolutePath() + " (" + Failures.reason(e) + ").");
        }
        if (!held) {
            throw new CliFailure(ExitCode.UNREACHABLE, "no local server is running on "
                    + folder.toAbsolutePath() + " (its " + DataFolderLock.SERVER_FILE + " is "
                    + "left from a server that was killed); start one with " + startHint + ".");
        }
    }

    /** The server id the listener answers with; empty when its answer holds none. */
    private static Optional<String> answeredId(HttpUrl info, String url, Path folder,
            String startHint) {
        Request request = new Request.Builder().url(info).build();
        try (Response response = client().newCall(request).execute()) {
            LOG.debug("{} answered the probe with {}", url, response.code());
            if (!response.isSuccessful()) {
                throw notTheServer(url, folder, "it answers " + INFO_PATH + " with HTTP "
                        + response.code());
            }
            return idIn(response.peekBody(MAX_INFO_BYTES).string());
        } catch (IOException e) {
            LOG.debug("No answer from {} to the probe", url, e);
            throw new CliFailure(ExitCode.UNREACHABLE, whyNot(e, url, folder) + "; start the "
                    + "local server with " + startHint + ".");
        }
    }

    private static Optional<String> idIn(String body) {
        try {
            JsonNode id = JSON.readTree(body).path("id");
            return id.isTextual() ? Optional.of(id.asText()) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static OkHttpClient client() {
        return new OkHttpClient.Builder()
                .connectTimeout(TIMEOUT)
                .readTimeout(TIMEOUT)
                .callTimeout(TIMEOUT)
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .build();
    }

    private static CliFailure notTheServer(String url, Path folder, String why) {
        return new CliFailure(ExitCode.UNREACHABLE, url + ", which " + serverFile(folder)
                + " names, is not the local server of " + folder.toAbsolutePath() + " (" + why
                + "): another program listens there, and no credentials were sent to it.");
    }

    private static String whyNot(IOException e, String url, Path folder) {
        if (e instanceof ConnectException) {
            return "nothing listens at " + url + ", which " + serverFile(folder) + " names";
        }
        if (e instanceof InterruptedIOException) {
            return url + ", which " + serverFile(folder) + " names, did not answer within "
                    + TIMEOUT.toSeconds() + " s: something other than the local server may "
                    + "listen there";
        }
        return "cannot reach " + url + ", which " + serverFile(folder) + " names ("
                + e.getMessage() + ")";
    }

    private static Path serverFile(Path folder) {
        return folder.toAbsolutePath().resolve(DataFolderLock.SERVER_FILE);
    }
}
