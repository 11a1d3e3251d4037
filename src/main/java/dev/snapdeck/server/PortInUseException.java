package dev.snapdeck.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** The port the server was asked to listen on is taken; found before anything else starts. */
public final class PortInUseException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String host;
    private final int port;

    PortInUseException(String host, int port, IOException cause) {
        super("port " + port + " on " + host + " is in use", cause);
        this.host = host;
        this.port = port;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /**
     * Fails when {@code host:port} cannot be bound right now, so a taken port is found before the
     * store opens and without the web server logging its own failure. Port 0 always passes.
     *
     * <p>TODO: the port can still be taken between this check and the web server's bind; that
     * rare case fails later, with the web server's error in the log.
     */
    static void checkFree(String host, int port) throws IOException {
        if (port == 0) {
            return;
        }
        // Same reuse-address setting as the web server's connector, so a port whose old
        // connections linger in TIME_WAIT counts as free for both.
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (java.net.BindException e) {
            throw new PortInUseException(host, port, e);
        }
    }
}
