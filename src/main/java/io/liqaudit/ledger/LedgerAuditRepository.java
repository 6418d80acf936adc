package io.liqaudit.ledger;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Tamper audits through Panache; every method runs in the caller's reactive session (see LedgerAudits). */
@ApplicationScoped
public class LedgerAuditRepository implements PanacheRepository<LedgerAudit> {

    /** The most recent audit, or null when none ever ran. */
    public Uni<LedgerAudit> latest() {
        return findAll(Sort.descending("id")).firstResult();
    }

    /** The {@code count} most recent audits, newest first. */
    public Uni<java.util.List<LedgerAudit>> mostRecent(int count) {
        return findAll(Sort.descending("id")).page(io.quarkus.panache.common.Page.ofSize(count)).list();
    }
}
