package fi.ikkuna.loadtest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The harness's command-line options: every option with its default, parsed from {@code --key value}. */
final class Options {
    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("scenario", "load");          // load | idle
        d.put("residents", "5000");
        d.put("professionals", "20");
        d.put("rate", "500");               // resident messages per second, all residents together
        d.put("reply-ratio", "1.0");        // share of resident messages a professional answers
        d.put("duration", "60s");
        d.put("greet", "true");             // after the claims each professional greets each of its conversations once (not measured)
        d.put("warmup-steady", "15s");      // then the measured traffic for this long, not measured
        d.put("warmup-rate", "500");        // first messages per second after connecting, or "welcome": each right after its welcome
        d.put("batch", "200");              // handshakes at a time
        d.put("db", "mariadb");             // mariadb | embedded
        d.put("db-url", "jdbc:mariadb://127.0.0.1:3306/");
        d.put("db-user", "root");
        d.put("db-password", "");
        d.put("keep-db", "false");
        d.put("target", "");                // http://host:port of a running service; empty = start it
        d.put("service-pid", "");           // with --target: pid for RSS
        d.put("service-jar", "");           // default service/target/ikkuna.jar
        d.put("service-opts", "");          // extra JVM options for the service, space separated
        d.put("jfr", "");                   // file: record the service with JFR (profile settings)
        d.put("port", "18080");
        d.put("echo-port", "18081");
        d.put("pool-size", "");             // ikkuna.db.pool-size; empty = the service default
        d.put("ws-rate", "1000");           // ikkuna.ws.rate-per-second for the run
        d.put("ws-burst", "1000");          // ikkuna.ws.rate-burst for the run
        d.put("rules", "queue-only");       // queue-only | real
        d.put("floor", "true");
        d.put("floor-duration", "10s");
        d.put("hold", "30s");               // idle: how long the connections stay open
        d.put("drain", "15s");
        d.put("clients", "4");              // JDK HttpClient instances (selector threads)
        d.put("out", "");                   // append the markdown report to this file
        d.put("max-runtime", "180s");
        return d;
    }

    static Options parse(String[] args) {
        Map<String, String> m = defaults();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + a);
            }
            String key = a.substring(2);
            String value;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else {
                value = i + 1 < args.length ? args[++i] : "";
            }
            if ("help".equals(key)) {
                System.out.println("options (defaults): " + defaults());
                System.exit(0);
            }
            if (!m.containsKey(key)) {
                throw new IllegalArgumentException("unknown option --" + key + "; known: " + m.keySet());
            }
            m.put(key, value);
        }
        return new Options(m);
    }

    String get(String k) {
        return values.get(k);
    }

    int i(String k) {
        return Integer.parseInt(values.get(k));
    }

    double d(String k) {
        return Double.parseDouble(values.get(k));
    }

    /** "250ms", "15s", "2m" or plain seconds. */
    Duration dur(String k) {
        String v = values.get(k).trim();
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.endsWith("s")) {
            return Duration.ofMillis((long) (Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
        }
        if (v.endsWith("m")) {
            return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)) * 60);
        }
        return Duration.ofSeconds(Long.parseLong(v));
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
