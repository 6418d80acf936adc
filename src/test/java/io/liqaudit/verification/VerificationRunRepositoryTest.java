package io.liqaudit.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.liqaudit.platform.JobStatus;
import io.quarkus.test.TestReactiveTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.UniAsserter;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Verification runs' Panache repository against the real database, each test rolled back at its end. */
@QuarkusTest
class VerificationRunRepositoryTest {

    @Inject
    VerificationRunRepository runs;

    private static VerificationRun run(String by, RunFilter filter) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(123_456_000);
        VerificationRun r = new VerificationRun();
        r.requestedBy = by;
        r.requestedAt = now;
        r.startedAt = now;
        r.engineVersion = "9.9.9";
        r.filter = filter;
        r.status = JobStatus.RUNNING;
        r.upToSequence = 41;
        r.total = 42;
        return r;
    }

    @Test
    @TestReactiveTransaction
    void aRunReadsBackWithItsFilterAndStatusExactly(UniAsserter asserter) {
        RunFilter filter = new RunFilter("venue-Ω", null, "fund:1", "DISCREPANT",
                OffsetDateTime.parse("2026-01-02T03:04:05.123456Z"), null);
        String by = "repo-" + UUID.randomUUID();
        asserter.execute(() -> runs.persistAndFlush(run(by, filter)));
        asserter.assertThat(() -> runs.find("requestedBy", by).firstResult(), r -> {
            assertThat(r.filter).isEqualTo(filter);
            assertThat(r.status).isEqualTo(JobStatus.RUNNING);
            assertThat(r.lastSequence).isEqualTo(-1);
            assertThat(r.done).isZero();
        });
    }

    @Test
    @TestReactiveTransaction
    void mostRecentComesFirstAndStopsAtTheCount(UniAsserter asserter) {
        String by = "repo-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            asserter.execute(() -> runs.persistAndFlush(run(by, RunFilter.ALL)));
        }
        asserter.assertThat(() -> runs.mostRecent(2), recent -> {
            assertThat(recent).hasSize(2);
            assertThat(recent.get(0).id).isGreaterThan(recent.get(1).id);
            assertThat(recent.get(0).requestedBy).isEqualTo(by);
        });
    }
}
