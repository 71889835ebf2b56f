package fi.ikkuna.support;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A hand-rolled WebSocket client for what well-behaved clients cannot do: send invalid UTF-8, or go silent
 * without answering pings (a dead peer).
 */
public final class RawWs implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    public RawWs(TestServer server, String path, String origin) throws IOException {
        this(server, path, origin, "127.0.0.1:" + server.port());
    }

    /** With the Host header a browser sends when the service is reached under another name (DNS rebinding). */
    public RawWs(TestServer server, String path, String origin, String host) throws IOException {
        socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(15_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        String req = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + (origin == null ? "" : "Origin: " + origin + "\r\n") + "\r\n";
        out.write(req.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** The HTTP status line of the handshake response, with its headers consumed. */
    public String handshakeStatus() throws IOException {
        return handshakeHead().split("\r\n")[0];
    }

    /** The handshake response's status line and headers. */
    public String handshakeHead() throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    /** Sends one masked text frame with arbitrary payload bytes. */
    public void sendText(byte[] payload) throws IOException {
        byte[] mask = {1, 2, 3, 4};
        out.write(0x81);
        if (payload.length < 126) {
            out.write(0x80 | payload.length);
        } else {
            out.write(0x80 | 126);
            out.write(payload.length >> 8);
            out.write(payload.length & 0xff);
        }
        out.write(mask);
        byte[] masked = new byte[payload.length];
        for (int i = 0; i < payload.length; i++) {
            masked[i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        out.write(masked);
        out.flush();
    }

    /** Reads frames, never answering pings, until a text frame (its payload); fails on a close. */
    public String awaitText() throws IOException {
        while (true) {
            int b0 = in.read();
            if (b0 < 0 || (b0 & 0x0f) == 0x8) {
                throw new IOException("closed before a text frame");
            }
            byte[] payload = in.readNBytes(length());
            if ((b0 & 0x0f) == 0x1) {
                return new String(payload, StandardCharsets.UTF_8);
            }
        }
    }

    private int length() throws IOException {
        int len = in.read() & 0x7f;
        if (len == 126) {
            return in.readUnsignedShort();
        }
        return len == 127 ? (int) in.readLong() : len;
    }

    /** Reads frames, never answering pings, until a close frame (its code) or end of stream (-1). */
    public int awaitClose() throws IOException {
        while (true) {
            int b0 = in.read();
            if (b0 < 0) {
                return -1;
            }
            byte[] payload = in.readNBytes(length());
            if ((b0 & 0x0f) == 0x8) {
                return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
