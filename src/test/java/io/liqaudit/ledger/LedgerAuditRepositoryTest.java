package io.liqaudit.ledger;

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

/** Tamper audits' Panache repository against the real database, each test rolled back at its end. */
@QuarkusTest
class LedgerAuditRepositoryTest {

    @Inject
    LedgerAuditRepository audits;

    @Test
    @TestReactiveTransaction
    void anAuditIsAdvancedAndFinishedInPlace(UniAsserter asserter) {
        String by = "repo-" + UUID.randomUUID();
        LedgerAudit audit = new LedgerAudit();
        audit.requestedBy = by;
        audit.requestedAt = OffsetDateTime.now(ZoneOffset.UTC);
        audit.status = JobStatus.RUNNING;
        audit.treeSize = 7;
        asserter.execute(() -> audits.persistAndFlush(audit));
        asserter.assertThat(() -> audits.find("requestedBy", by).firstResult(), a -> {
            assertThat(a.status).isEqualTo(JobStatus.RUNNING);
            assertThat(a.tampered).isEqualTo("[]");
            assertThat(a.badCheckpoints).isEqualTo("[]");
            assertThat(a.finishedAt).isNull();
        });
        asserter.execute(() -> audits.find("requestedBy", by).firstResult().invoke(a -> {
            a.done = 7;
            a.tampered = "[{\"sequence\":3,\"reason\":\"x\"}]";
            a.status = JobStatus.DONE;
            a.finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
        }).call(audits::flush));
        asserter.assertThat(() -> audits.getSession().chain(s -> s.createNativeQuery(
                        "select status || ' ' || done || ' ' || tampered from ledger_audit where requested_by = ?1", String.class)
                        .setParameter(1, by).getSingleResult()),
                row -> assertThat(row).isEqualTo("DONE 7 [{\"sequence\":3,\"reason\":\"x\"}]"));
    }
}
