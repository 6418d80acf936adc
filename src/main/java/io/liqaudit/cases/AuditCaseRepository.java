package io.liqaudit.cases;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

/** Cases through Panache; every method runs in the caller's reactive session (see Cases). */
@ApplicationScoped
public class AuditCaseRepository implements PanacheRepository<AuditCase> {

    /** A case, locked for this transaction: two people acting at once take turns. */
    public Uni<AuditCase> forUpdate(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Newest first, below the cursor id; each filter optional. */
    public Uni<List<AuditCase>> page(String venue, CaseState state, String assignee, Long beforeId, int limit) {
        StringBuilder query = new StringBuilder("id < :before");
        Parameters params = Parameters.with("before", beforeId == null ? Long.MAX_VALUE : beforeId);
        if (venue != null) {
            query.append(" and venue = :venue");
            params = params.and("venue", venue);
        }
        if (state != null) {
            query.append(" and state = :state");
            params = params.and("state", state);
        }
        if (assignee != null) {
            query.append(" and assignee = :assignee");
            params = params.and("assignee", assignee);
        }
        return find(query.toString(), Sort.descending("id"), params).page(0, limit).list();
    }

    /** The case of an event, or null when it has none. */
    public Uni<AuditCase> ofEvent(long eventSequence) {
        return find("eventSequence", eventSequence).firstResult();
    }

    /** The cases of these events (an event has at most one). */
    public Uni<List<AuditCase>> ofEvents(List<Long> eventSequences) {
        return list("eventSequence in ?1", eventSequences);
    }

    /** How many cases stand in each state (states without cases are absent). */
    public Uni<java.util.Map<CaseState, Long>> countByState() {
        return getSession().chain(s -> s.createQuery("select c.state, count(c) from AuditCase c group by c.state", Object[].class)
                .getResultList()).map(rows -> {
                    java.util.Map<CaseState, Long> out = new java.util.EnumMap<>(CaseState.class);
                    rows.forEach(r -> out.put((CaseState) r[0], (Long) r[1]));
                    return out;
                });
    }
}
