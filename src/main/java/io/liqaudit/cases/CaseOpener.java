package io.liqaudit.cases;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Opens a case for every DISCREPANT or UNVERIFIABLE event (a fund-balance break makes an event
 * DISCREPANT) and closes, with a system entry, the cases whose event a re-verification found
 * CONSISTENT. Set-based SQL over the standing (a reader of it), idempotent: one case per event
 * (unique), so running twice or on two instances opens nothing twice.
 */
@ApplicationScoped
public class CaseOpener {

    private static final Logger LOG = Logger.getLogger(CaseOpener.class);

    private static final String OPEN = """
            with opened as (
                insert into audit_case (event_sequence, venue, event_id, state, opened_at, updated_at)
                select e.sequence, e.venue, e.event_id, 'OPEN', now(), now()
                from current_event e
                where e.verdict <> 'CONSISTENT'
                  and not exists (select 1 from audit_case c where c.event_sequence = e.sequence)
                order by e.sequence limit 10000
                on conflict (event_sequence) do nothing
                returning id, event_sequence
            )
            insert into case_event (case_id, at, actor, action, state_before, state_after, detail)
            select o.id, now(), 'system', 'OPENED', null, 'OPEN',
                   'the event is ' || e.verdict || coalesce(': ' || array_to_string(e.finding_codes, ', '), '')
            from opened o join current_event e on e.sequence = o.event_sequence
            """;
    private static final String CLEAR = """
            with cleared as (
                update audit_case c set state = 'CLOSED', outcome = null, updated_at = now()
                from event_status s
                where s.event_sequence = c.event_sequence and s.verdict = 'CONSISTENT' and c.state <> 'CLOSED'
                returning c.id, (select state from audit_case p where p.id = c.id) as before
            )
            insert into case_event (case_id, at, actor, action, state_before, state_after, detail)
            select id, now(), 'system', 'CLEARED', before, 'CLOSED',
                   'a re-verification found the event CONSISTENT; the case closed by itself'
            from cleared
            """;

    private final Pool pool;

    CaseOpener(Pool pool) {
        this.pool = pool;
    }

    @Scheduled(every = "${liqaudit.cases.poll}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return openAndClear().replaceWithVoid()
                .onFailure().invoke(e -> LOG.error("opening or clearing cases failed; will retry", e))
                .onFailure().recoverWithNull();
    }

    /** One pass: answers how many cases were opened and how many cleared. */
    public Uni<int[]> openAndClear() {
        return pool.withTransaction(conn -> conn.query(OPEN).execute().chain(opened -> conn.query(CLEAR).execute()
                .map(cleared -> new int[] {opened.rowCount(), cleared.rowCount()})));
    }
}
