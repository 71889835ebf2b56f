package fi.ikkuna.loadtest;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.websocket.WsRouting;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;

/**
 * The floor: a bare Helidon WebSocket endpoint {@code /echo} that sends every text frame straight back, with
 * Helidon's defaults and nothing else (no JSON, no database). Run as its own process by {@link LoadTest} so its
 * RSS and latency are measured the same way as the service's.
 */
public final class EchoServer {
    private EchoServer() {
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 18081;
        WebServer server = WebServer.builder()
                .host("127.0.0.1")
                .port(port)
                // the service runs with TCP_NODELAY (application.yaml); the floor gets the same transport
                .connectionOptions(o -> o.tcpNoDelay(true))
                .addRouting(WsRouting.builder().endpoint("/echo", Echo::new))
                .build()
                .start();
        System.out.println("echo listening on " + server.port());
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    }

    /** One per connection; Helidon calls it from the connection's own virtual thread. */
    static final class Echo implements WsListener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onMessage(WsSession session, String text, boolean last) {
            if (last && partial.isEmpty()) {
                session.send(text, true);
                return;
            }
            partial.append(text);
            if (last) {
                session.send(partial.toString(), true);
                partial.setLength(0);
            }
        }
    }
}
