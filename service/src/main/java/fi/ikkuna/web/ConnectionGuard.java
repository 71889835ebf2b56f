package fi.ikkuna.web;

import java.util.List;
import java.util.Set;

import io.helidon.common.buffers.BufferData;
import io.helidon.config.Config;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.ProtocolConfigs;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionProvider;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;
import io.helidon.webserver.websocket.WsConfig;

/**
 * What Helidon's listener does not bound by itself (issue 13.2): connections per client address, and how long a
 * request may take to send its headers and to get its answer. Without these, ~20,000 half-open connections that
 * sent a partial header were kept for ever and the listener died at the descriptor limit. It wraps the HTTP/1.1
 * connection selector, so it sees every connection once its first bytes arrived; silent connections are closed
 * earlier by Helidon's own read timeout ({@code server.connection-options.read-timeout}), and the total by
 * {@code server.max-tcp-connections}. WebSockets are upgraded HTTP/1.1 connections and count the same.
 */
public final class ConnectionGuard implements ServerConnectionSelector {
    private final ServerConnectionSelector http1;
    private final AddressSlots slots;

    private ConnectionGuard(ServerConnectionSelector http1, AddressSlots slots) {
        this.http1 = http1;
        this.slots = slots;
    }

    /**
     * Makes the guard the listener's only connection selector (service discovery of protocols off, so Helidon adds
     * no second HTTP/1.1 selector: with two, a connection that sends nothing is read before any selector sees it,
     * outside every timeout). WebSocket upgrades keep {@code server.protocols.websocket}; limits from
     * {@code ikkuna.connections}.
     */
    // Http1ConnectionProvider's constructor is deprecated for ServiceLoader use only; it is the one way in Helidon 4.3
    // to build the HTTP/1.1 selector this guard wraps.
    @SuppressWarnings("deprecation")
    public static RequestDeadlines install(WebServerConfig.BuilderBase<?, ?> server, Config config) {
        Config limits = config.get("ikkuna.connections");
        RequestDeadlines deadlines = new RequestDeadlines(limits.get("header-timeout-seconds").asInt().orElse(10),
                limits.get("request-timeout-seconds").asInt().orElse(120));
        Http1Config http1Config = Http1Config.builder().addReceiveListener(deadlines).addSendListener(deadlines).build();
        WsConfig ws = WsConfig.create(config.get("server.protocols.websocket"));
        ServerConnectionSelector http1 = new Http1ConnectionProvider()
                .create(server.name(), http1Config, ProtocolConfigs.create(List.of(http1Config, ws)));
        server.protocolsDiscoverServices(false)
                .connectionSelectors(List.of(new ConnectionGuard(http1, new AddressSlots(limits.get("per-address").asInt().orElse(256)))));
        return deadlines;
    }

    @Override
    public int bytesToIdentifyConnection() {
        return http1.bytesToIdentifyConnection();
    }

    @Override
    public Support supports(BufferData data) {
        return http1.supports(data);
    }

    @Override
    public Set<String> supportedApplicationProtocols() {
        return http1.supportedApplicationProtocols();
    }

    @Override
    public ServerConnection connection(ConnectionContext ctx) {
        String address = ctx.remotePeer().host();
        if (!slots.tryAcquire(address)) {
            return new RefusedConnection(ctx);
        }
        return new CountedConnection(http1.connection(ctx), () -> slots.release(address));
    }
}
