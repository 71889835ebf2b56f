package fi.ikkuna.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The NATS server the cluster tests run against. Not reachable is a failure, never a skip: CI starts it (.ci/run),
 * like MariaDB.
 */
final class NatsRequired {
    static final String URL = System.getProperty("ikkuna.test.nats.url", "nats://127.0.0.1:4222");

    private NatsRequired() {
    }

    /** The URL, after checking that something answers there. */
    static String url() {
        java.net.URI u = java.net.URI.create(URL);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(u.getHost(), u.getPort()), 2000);
        } catch (IOException e) {
            throw new AssertionError("NATS at " + URL + " is required for the cluster tests (start it: see .ci/run, "
                    + "Debian package nats-server, with -js): " + e.getMessage(), e);
        }
        return URL;
    }

    /** A loopback NATS URL where nothing listens: a node whose broker is away. */
    static String nowhere() {
        try (ServerSocket s = new ServerSocket(0)) {
            return "nats://127.0.0.1:" + s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
