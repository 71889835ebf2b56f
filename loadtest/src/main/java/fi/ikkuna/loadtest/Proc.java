package fi.ikkuna.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** A child JVM (the service or the echo floor) started by the harness, with its RSS sampled from /proc. */
final class Proc implements AutoCloseable {
    final String name;
    final Process process;
    final long pid;
    private final AtomicLong maxRssKb = new AtomicLong();
    private final Thread sampler;
    private volatile boolean sampling = true;

    private Proc(String name, Process process) {
        this.name = name;
        this.process = process;
        this.pid = process.pid();
        this.sampler = Thread.ofVirtual().name("rss-" + name).start(() -> {
            while (sampling && process.isAlive()) {
                long rss = rssKb(pid);
                maxRssKb.accumulateAndGet(rss, Math::max);
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    static Proc start(String name, List<String> command, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        Proc proc = new Proc(name, p);
        Runtime.getRuntime().addShutdownHook(new Thread(proc::kill));
        return proc;
    }

    static List<String> java(List<String> jvmOpts, String... rest) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOpts);
        cmd.addAll(List.of(rest));
        return cmd;
    }

    /** Waits until {@code url} answers 200, the process died, or the timeout passed. */
    void awaitHttp200(HttpClient http, String url, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not ready at " + url + " within " + timeout);
    }

    /** Waits until something listens on the port (for the echo server, which has no health route). */
    void awaitPort(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue());
            }
            try {
                new java.net.Socket("127.0.0.1", port).close();
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException(name + " not listening on " + port + " within " + timeout);
    }

    long rssKb() {
        return rssKb(pid);
    }

    long maxRssKb() {
        return Math.max(maxRssKb.get(), rssKb());
    }

    void resetMax() {
        maxRssKb.set(rssKb());
    }

    static long rssKb(long pid) {
        return statusField(pid, "VmRSS:");
    }

    static long threads(long pid) {
        return statusField(pid, "Threads:");
    }

    private static long statusField(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** Process CPU time in seconds (utime + stime), for CPU share per phase. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    void kill() {
        sampling = false;
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        }
    }

    @Override
    public void close() {
        kill();
    }
}
