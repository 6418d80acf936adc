package io.liqaudit.cases;

import io.liqaudit.platform.Timestamps;
import java.util.List;

/** A case as clients see it, with its timeline when asked for one. */
public record CaseView(long id, String venue, String eventId, long eventSequence, CaseState state, CaseOutcome outcome,
        String assignee, String proposedBy, String snoozedUntil, String openedAt, String updatedAt, List<Entry> timeline) {

    /** One entry of the timeline. */
    public record Entry(String at, String actor, CaseAction action, CaseState stateBefore, CaseState stateAfter,
            String detail) {
        static Entry of(CaseEvent e) {
            return new Entry(Timestamps.format(e.at), e.actor, e.action, e.stateBefore, e.stateAfter, e.detail);
        }
    }

    static CaseView of(AuditCase c, List<CaseEvent> timeline) {
        return new CaseView(c.id, c.venue, c.eventId, c.eventSequence, c.state, c.outcome, c.assignee, c.proposedBy,
                Timestamps.format(c.snoozedUntil), Timestamps.format(c.openedAt), Timestamps.format(c.updatedAt),
                timeline == null ? null : timeline.stream().map(Entry::of).toList());
    }
}
