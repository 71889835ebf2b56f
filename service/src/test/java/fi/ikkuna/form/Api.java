package fi.ikkuna.form;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.support.Pro;
import fi.ikkuna.support.TestServer;
import fi.ikkuna.web.Json;

/** Plain REST calls as the widget (no cookie) or the console (session cookie and CSRF header) makes them. */
public record Api(TestServer server, Pro pro) {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static Api resident(TestServer server) {
        return new Api(server, null);
    }

    public static Api as(Pro pro) {
        return new Api(pro.server(), pro);
    }

    /** Status and parsed body (empty object when the body is not JSON). */
    public record Res(int status, ObjectNode body, String raw) {
        public String errorCode() {
            return body.path("error").path("code").asText();
        }
    }

    public Res get(String path) {
        return send(builder(path).GET());
    }

    public Res delete(String path) {
        return send(builder(path).DELETE());
    }

    public Res post(String path, Object body) {
        String text = body instanceof String s ? s : Json.write(body);
        return send(builder(path).POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json"));
    }

    public Res postBytes(String path, byte[] body) {
        return send(builder(path).POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json"));
    }

    /** As {@link #post} but without the CSRF header, to prove it is required. */
    public Res postWithoutCsrf(String path, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.http(path)).header("Cookie", pro.cookie())
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).header("Content-Type", "application/json");
        return send(b);
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.http(path));
        if (pro != null) {
            b.header("Cookie", pro.cookie()).header("X-CSRF-Token", pro.csrf());
        }
        return b;
    }

    private static Res send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            ObjectNode body;
            try {
                body = Json.parseObject(r.body());
            } catch (RuntimeException e) {
                body = Json.object();
            }
            return new Res(r.statusCode(), body, r.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
