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

    /** Up to {@code count} audits with id below {@code beforeId} (null: the newest), newest first. */
    public Uni<java.util.List<LedgerAudit>> page(Long beforeId, int count) {
        return (beforeId == null ? findAll(Sort.descending("id")) : find("id < ?1", Sort.descending("id"), beforeId))
                .page(io.quarkus.panache.common.Page.ofSize(count)).list();
    }
}
