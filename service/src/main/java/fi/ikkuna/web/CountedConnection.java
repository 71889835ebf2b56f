package fi.ikkuna.web;

import java.time.Duration;
import java.util.concurrent.Semaphore;

import io.helidon.common.concurrency.limits.Limit;
import io.helidon.common.task.InterruptableTask;
import io.helidon.webserver.spi.ServerConnection;

/** An HTTP/1.1 connection that gives its address slot back when it ends, however it ends. */
final class CountedConnection implements ServerConnection, InterruptableTask<Void> {
    private final ServerConnection delegate;
    private final Runnable release;

    CountedConnection(ServerConnection delegate, Runnable release) {
        this.delegate = delegate;
        this.release = release;
    }

    @Override
    public void handle(Limit limit) throws InterruptedException {
        try {
            delegate.handle(limit);
        } finally {
            release.run();
        }
    }

    @SuppressWarnings({"deprecation", "removal"}) // Helidon 4.3's ServerConnection still declares it abstract
    @Override
    public void handle(Semaphore requestSemaphore) throws InterruptedException {
        try {
            delegate.handle(requestSemaphore);
        } finally {
            release.run();
        }
    }

    @Override
    public Duration idleTime() {
        return delegate.idleTime();
    }

    @Override
    public void close(boolean interrupt) {
        delegate.close(interrupt);
    }

    @Override
    public boolean canInterrupt() {
        return delegate instanceof InterruptableTask<?> task && task.canInterrupt();
    }
}
