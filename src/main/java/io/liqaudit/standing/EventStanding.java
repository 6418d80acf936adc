package io.liqaudit.standing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The one owner of derived state: each event's standing ({@code event_status}) and the public
 * rollups ({@code disclosure_*}). Writers of facts tell it what happened, in their own
 * transaction, and it alone turns that into derived rows: events were recorded, events were
 * recomputed by a re-verification run, or a fund's chain was re-walked.
 */
@ApplicationScoped
public class EventStanding {

    private final EventStatusRepository status;
    private final RollupRepository rollups;

    EventStanding(EventStatusRepository status, RollupRepository rollups) {
        this.status = status;
        this.rollups = rollups;
    }

    /** New events were recorded with these recomputations: their standing, and their place in the rollups. */
    public Uni<Void> recorded(SqlClient client, List<CurrentRecomputation> current, List<RollupRepository.Recorded> recorded) {
        if (current.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return status.pointAt(client, current).chain(() -> rollups.add(client, recorded));
    }

    /**
     * A re-verification run stored new recomputations: they become current, and where the figures
     * changed the rollups take the old contribution out and put the new one in. Answers the events
     * whose engine verdict changed.
     */
    public Uni<List<Long>> recomputed(SqlClient client, List<CurrentRecomputation> current,
            List<RollupRepository.Revision> revisions) {
        if (current.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return status.pointAt(client, current).call(() -> rollups.revise(client, revisions));
    }

    /** A fund's chain was re-walked and these events' flags changed: their standing, and the public verdict counts. */
    public Uni<Void> chainRewalked(SqlClient client, List<ChainFlag> changes) {
        return flagsChanged(client, changes.stream()
                .map(c -> new EventStatusRepository.Flags(c.sequence(), c.discontinuity(), null)).toList());
    }

    /** Events were checked against their venue's published rules and these ones' findings changed: their standing, and the counts. */
    public Uni<Void> rulesChecked(SqlClient client, List<RuleFindings> changes) {
        return flagsChanged(client, changes.stream()
                .map(c -> new EventStatusRepository.Flags(c.sequence(), null, c.codes())).toList());
    }

    private Uni<Void> flagsChanged(SqlClient client, List<EventStatusRepository.Flags> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return status.storeFlags(client, changes).chain(moves -> rollups.moveVerdicts(client, moves));
    }
}
