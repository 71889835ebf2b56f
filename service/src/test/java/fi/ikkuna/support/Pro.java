package fi.ikkuna.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.web.Json;

/** A signed-in professional: session cookie, CSRF token and a way to open the professional WebSocket. */
public record Pro(TestServer server, String cookie, String csrf, String id, String name) {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static Pro login(TestServer server, String username, String password) {
        HttpResponse<String> res = post(server.http("/api/auth/login"),
                Json.write(Json.object().put("username", username).put("password", password)), Map.of());
        if (res.statusCode() != 200) {
            throw new AssertionError("login failed: " + res.statusCode() + " " + res.body());
        }
        String cookie = res.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
        ObjectNode body = Json.parseObject(res.body());
        return new Pro(server, cookie, body.path("csrfToken").asText(), body.path("professional").path("id").asText(),
                body.path("professional").path("name").asText());
    }

    /** Opens /ws/pro and completes the hello exchange. */
    public WsTestClient connect() {
        WsTestClient c = WsTestClient.connect(server.ws("/ws/pro"), Map.of("Cookie", cookie));
        c.send(Frames.proHello());
        c.await("welcome");
        return c;
    }

    public HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(server.http(path)).header("Cookie", cookie).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public static HttpResponse<String> post(URI uri, String body, Map<String, String> headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json");
            headers.forEach(b::header);
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
