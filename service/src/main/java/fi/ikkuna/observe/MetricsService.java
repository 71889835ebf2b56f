package fi.ikkuna.observe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * {@code /observe/metrics} in the Prometheus text format, for a scraper holding the bearer token of
 * {@code ikkuna.observe.metrics-token}. The figures describe the county's caseload (queues, waits, corrections),
 * so they are not public: without a configured token the endpoint answers 401 to everyone. Health stays public.
 */
public final class MetricsService implements HttpService {
    private final PrometheusMeterRegistry registry;
    private final byte[] token;

    public MetricsService(PrometheusMeterRegistry registry, String token) {
        this.registry = registry;
        this.token = token == null || token.isBlank() ? null : ("Bearer " + token.trim()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::scrape);
    }

    private void scrape(ServerRequest req, ServerResponse res) {
        String given = req.headers().first(HeaderNames.AUTHORIZATION).orElse("");
        // constant time, so the token cannot be guessed byte by byte from response times
        if (token == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
            res.status(Status.UNAUTHORIZED_401).header(HeaderNames.WWW_AUTHENTICATE, "Bearer").send();
            return;
        }
        res.header(HeaderValues.create("Content-Type", "text/plain; version=0.0.4; charset=utf-8")).send(registry.scrape());
    }
}
