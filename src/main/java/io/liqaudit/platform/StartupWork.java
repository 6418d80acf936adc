package io.liqaudit.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Work the service does in the background after it starts and before its figures are whole (today:
 * loading demo data). While it runs, readiness is DOWN (an orchestrator sends no traffic, and a
 * page that is asked anyway says its figures are still loading); liveness stays UP, since a
 * restart would only start the work again. Migrations need no entry here: Flyway runs them before
 * the HTTP server listens, so nothing answers at all until they are done. Readiness reads it:
 * {@link StartupReadiness}.
 */
@ApplicationScoped
public class StartupWork {

    /** Where the work is: not asked for, running, done, or failed (then the service stays not ready). */
    public enum State {
        NONE, RUNNING, DONE, FAILED
    }

    private volatile State state = State.NONE;
    private volatile String failure;
    private final AtomicLong done = new AtomicLong();
    private volatile long total;

    public void started(long items) {
        total = items;
        done.set(0);
        state = State.RUNNING;
    }

    public void progressed(long items) {
        done.addAndGet(items);
    }

    public void finished() {
        state = State.DONE;
    }

    public void failed(String why) {
        failure = why;
        state = State.FAILED;
    }

    /** Whether figures may still be missing because the work has not finished. */
    public boolean loading() {
        return state == State.RUNNING || state == State.FAILED;
    }

    /** Items done and in all, for "figures still loading (40,000 of 100,000)". */
    public long done() {
        return done.get();
    }

    public long total() {
        return total;
    }

    public State state() {
        return state;
    }

    /** Why the work failed; null unless it did. */
    public String failure() {
        return failure;
    }
}
