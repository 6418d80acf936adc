package io.liqaudit.ledger;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Tamper audits through Panache; every method runs in the caller's reactive session (see LedgerAudits). */
@ApplicationScoped
public class LedgerAuditRepository implements PanacheRepository<LedgerAudit> {
}
