package io.liqaudit.cases;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Reading cases and acting on them: each action one transaction that changes the case and appends to its timeline. */
@ApplicationScoped
public class Cases {

    /** What an action carries besides its name; each part only where the action uses it. */
    public record Request(String assignee, String comment, CaseOutcome outcome, OffsetDateTime until) {
    }

    /** The case after the action, or why not: not found, or refused by the rules (409). */
    public record Acted(Optional<CaseView> found, String refusal) {
    }

    private final AuditCaseRepository cases;
    private final CaseEventRepository events;

    Cases(AuditCaseRepository cases, CaseEventRepository events) {
        this.cases = cases;
        this.events = events;
    }

    public Uni<Optional<CaseView>> find(long id) {
        return Panache.withSession(() -> cases.findById(id).chain(c -> c == null ? Uni.createFrom().item(Optional.empty())
                : events.timeline(id).map(t -> Optional.of(CaseView.of(c, t)))));
    }

    /** How many cases stand in each state, every state named (0 when none). */
    public Uni<java.util.Map<CaseState, Long>> countByState() {
        return Panache.withSession(cases::countByState).map(found -> {
            java.util.Map<CaseState, Long> all = new java.util.EnumMap<>(CaseState.class);
            for (CaseState s : CaseState.values()) {
                all.put(s, found.getOrDefault(s, 0L));
            }
            return all;
        });
    }

    /** The case of an event, without its timeline, when it has one. */
    public Uni<Optional<CaseView>> ofEvent(long eventSequence) {
        return Panache.withSession(() -> cases.ofEvent(eventSequence)).map(c -> Optional.ofNullable(c)
                .map(x -> CaseView.of(x, null)));
    }

    /** The cases of these events, by event sequence (events without a case are absent). */
    public Uni<java.util.Map<Long, CaseView>> ofEvents(List<Long> eventSequences) {
        if (eventSequences.isEmpty()) {
            return Uni.createFrom().item(java.util.Map.of());
        }
        return Panache.withSession(() -> cases.ofEvents(eventSequences)).map(found -> {
            java.util.Map<Long, CaseView> out = new java.util.HashMap<>();
            found.forEach(c -> out.put(c.eventSequence, CaseView.of(c, null)));
            return out;
        });
    }

    public Uni<List<CaseView>> page(String venue, CaseState state, String assignee, Long beforeId, int limit) {
        return Panache.withSession(() -> cases.page(venue, state, assignee, beforeId, limit))
                .map(list -> list.stream().map(c -> CaseView.of(c, null)).toList());
    }

    public Uni<Acted> act(long id, CaseAction action, String actor, Request request) {
        return Panache.withTransaction(() -> cases.forUpdate(id).chain(c -> {
            if (c == null) {
                return Uni.createFrom().item(new Acted(Optional.empty(), null));
            }
            CaseRules.Decision decision = CaseRules.decide(c.state, c.outcome, c.proposedBy, action, actor, request.outcome());
            if (!decision.allowed()) {
                return Uni.createFrom().item(new Acted(Optional.of(CaseView.of(c, null)), decision.refusal()));
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            CaseEvent entry = new CaseEvent();
            entry.caseId = c.id;
            entry.at = now;
            entry.actor = actor;
            entry.action = action;
            entry.stateBefore = c.state;
            entry.detail = detail(c, action, request);
            c.state = decision.change().state();
            c.outcome = decision.change().outcome();
            c.proposedBy = decision.change().proposedBy();
            if (action == CaseAction.ASSIGN) {
                c.assignee = request.assignee();
            }
            if (action == CaseAction.SNOOZE) {
                c.snoozedUntil = request.until();
            }
            c.updatedAt = now;
            entry.stateAfter = c.state;
            return events.persist(entry).chain(() -> events.timeline(c.id))
                    .map(t -> new Acted(Optional.of(CaseView.of(c, t)), null));
        }));
    }

    /** The timeline's words for an action: before and after of what it changed, and the comment. */
    private static String detail(AuditCase c, CaseAction action, Request r) {
        String comment = r.comment() == null ? "" : r.comment();
        String what = switch (action) {
            case ASSIGN -> "assignee " + (c.assignee == null ? "none" : c.assignee) + " → "
                    + (r.assignee() == null ? "none" : r.assignee());
            case PROPOSE -> "proposed outcome " + r.outcome();
            case APPROVE -> "approved outcome " + c.outcome + " proposed by " + c.proposedBy;
            case REJECT -> "rejected outcome " + c.outcome + " proposed by " + c.proposedBy;
            case SNOOZE -> "snoozed until " + (r.until() == null ? "further notice" : r.until());
            default -> "";
        };
        return what.isEmpty() ? (comment.isEmpty() ? null : comment) : comment.isEmpty() ? what : what + ": " + comment;
    }
}
