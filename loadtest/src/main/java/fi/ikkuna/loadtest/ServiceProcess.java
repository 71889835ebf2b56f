package fi.ikkuna.loadtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The child processes of a run on loopback: the service jar (with the run's database, rules and lifted per-address
 * limits) and the bare Helidon echo floor from this jar. Each is a {@link Proc}, killed when the run ends.
 */
final class ServiceProcess {
    private final Harness h;
    private final RunDatabase db;

    ServiceProcess(Harness h, RunDatabase db) {
        this.h = h;
        this.db = db;
    }

    Proc start() throws Exception {
        Proc p = launch();
        await(p);
        return p;
    }

    void await(Proc p) throws InterruptedException {
        p.awaitHttp200(h.client(), "http://127.0.0.1:" + h.o.i("port") + "/observe/health", Duration.ofSeconds(90));
        Harness.log("service ready");
    }

    /** Starts the service JVM without waiting for it (it boots while the floor's connections open). */
    Proc launch() throws Exception {
        Options o = h.o;
        Map<String, String> env = new HashMap<>();
        int port = o.i("port");
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("SERVER_HOST", "127.0.0.1");
        env.put("IKKUNA_DEMO_SEED", "always");
        env.put("IKKUNA_DATA_DIR", h.workDir.resolve("data").toString());
        // Dashed keys go in as system properties: Helidon maps an environment variable's "_" to "." and only
        // "_dash_" to "-", so IKKUNA_WS_RATE_PER_SECOND would not reach ikkuna.ws.rate-per-second.
        List<String> props = new ArrayList<>();
        props.add("-Dikkuna.ws.rate-per-second=" + o.get("ws-rate"));
        props.add("-Dikkuna.ws.rate-burst=" + o.get("ws-burst"));
        // Every simulated resident comes from 127.0.0.1: lift the per-address caps (web/ConnectionGuard, ContactRates)
        // and the listener's total, which the load itself is meant to test.
        props.add("-Dikkuna.connections.per-address=1000000");
        props.add("-Dikkuna.connections.contacts-per-address-per-hour=1000000000");
        props.add("-Dikkuna.connections.contacts-per-address-burst=1000000000");
        props.add("-Dserver.max-tcp-connections=100000");
        if (!o.get("pool-size").isBlank()) {
            props.add("-Dikkuna.db.pool-size=" + o.get("pool-size"));
        }
        if ("mariadb".equals(o.get("db"))) {
            env.put("IKKUNA_DB_URL", db.create());
            env.put("IKKUNA_DB_USER", o.get("db-user"));
            env.put("IKKUNA_DB_PASSWORD", o.get("db-password"));
        } else {
            h.line("- database: embedded H2 under " + h.workDir.resolve("data"));
        }
        Path rules = repoRoot().resolve("triage-rules");
        if ("queue-only".equals(o.get("rules"))) {
            Path dir = Files.createDirectories(h.workDir.resolve("rules"));
            for (String f : List.of("queues.yaml", "settings.yaml", "deadlines.yaml", "console.yaml")) {
                Files.copy(rules.resolve(f), dir.resolve(f));
            }
            rules = dir;
        }
        env.put("IKKUNA_RULES_DIR", rules.toString());
        List<String> jvm = new ArrayList<>();
        jvm.add("--enable-native-access=ALL-UNNAMED");
        jvm.addAll(props);
        if (!o.get("service-opts").isBlank()) {
            jvm.addAll(Arrays.asList(o.get("service-opts").trim().split("\\s+")));
        }
        if (!o.get("jfr").isBlank()) {
            jvm.add("-XX:StartFlightRecording=filename=" + Path.of(o.get("jfr")).toAbsolutePath() + ",settings=profile,dumponexit=true");
        }
        h.line("- service: `" + serviceJar() + "` on port " + port + ", rules " + o.get("rules") + " (" + rules + "), JVM options "
                + jvm + (o.get("pool-size").isBlank() ? ", pool size default (16)" : ""));
        Path logFile = h.workDir.resolve("service.log");
        Proc p = Proc.start("service", Proc.java(jvm, "-jar", serviceJar().toAbsolutePath().toString()), env, logFile);
        Harness.log("service pid " + p.pid + ", log " + logFile);
        return p;
    }

    /** The bare Helidon echo endpoint (EchoServer from this jar), once its port accepts connections. */
    Proc startEcho() throws Exception {
        Path jar = Path.of(LoadTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        int port = h.o.i("echo-port");
        Proc p = Proc.start("echo", Proc.java(List.of(), "-cp", jar.toString(), EchoServer.class.getName(), Integer.toString(port)),
                Map.of(), h.workDir.resolve("echo.log"));
        p.awaitPort(port, Duration.ofSeconds(30));
        return p;
    }

    private Path repoRoot() {
        return serviceJar().toAbsolutePath().getParent().getParent().getParent();
    }

    private Path serviceJar() {
        if (!h.o.get("service-jar").isBlank()) {
            return Path.of(h.o.get("service-jar"));
        }
        for (Path p : List.of(Path.of("service/target/ikkuna.jar"), Path.of("../service/target/ikkuna.jar"))) {
            if (Files.exists(p)) {
                return p;
            }
        }
        throw new IllegalStateException("service/target/ikkuna.jar not found: build it or pass --service-jar");
    }
}
