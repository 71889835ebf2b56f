package fi.ikkuna.support;

import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A resident's tab: the socket plus what a widget keeps (resume token, last seen sequence). */
public final class Resident implements AutoCloseable {
    private static final AtomicInteger IDS = new AtomicInteger();
    public final WsTestClient ws;
    public final String conversationId;
    public final String resumeToken;

    private Resident(WsTestClient ws, String conversationId, String resumeToken) {
        this.ws = ws;
        this.conversationId = conversationId;
        this.resumeToken = resumeToken;
    }

    public static Resident start(TestServer server, String lang) {
        WsTestClient ws = WsTestClient.connect(server.ws("/ws/resident"));
        ws.send(Frames.hello(lang));
        ObjectNode welcome = ws.await("welcome");
        return new Resident(ws, welcome.path("conversationId").asText(), welcome.path("resumeToken").asText());
    }

    /** Sends a message with a fresh client id and returns the ack. */
    public ObjectNode say(String text) {
        String id = "c" + IDS.incrementAndGet();
        ws.send(Frames.message(id, text));
        return ws.await("ack", a -> id.equals(a.path("clientMsgId").asText()));
    }

    @Override
    public void close() {
        ws.close();
    }
}
