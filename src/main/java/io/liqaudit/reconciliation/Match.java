package io.liqaudit.reconciliation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A statement match: what was sent, and what it found against the record as of a checkpoint. */
public final class Match {

    private Match() {
    }

    /** One line of the client's statement, as read: its number, the event it names and its settlement fields (text). */
    record Line(int line, String venue, String eventId, Map<MatchField, String> values) {
    }

    /** A line the matcher could not take, and why; the rest go on. */
    public record Problem(int line, String reason) {
    }

    /** One line of a statement of fund days: the fund, the day and the figures given. */
    record FundLine(int line, String fundId, java.time.LocalDate day, Map<FundField, BigDecimal> values) {
    }

    /**
     * A line naming what the record does not hold, as of the checkpoint matched against: an event
     * (venue, eventId) or a fund (fundId, day).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MissingHere(int line, String venue, String eventId, String fundId, String day) {
        static MissingHere event(int line, String venue, String eventId) {
            return new MissingHere(line, venue, eventId, null, null);
        }
    }

    /** What the statement's scope holds that no line named: an event, or a fund's day with activity. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MissingThere(Long sequence, String venue, String eventId, String fundId, String day) {
        static MissingThere event(long sequence, String venue, String eventId) {
            return new MissingThere(sequence, venue, eventId, null, null);
        }
    }

    /** A field whose value differs beyond the tolerance: ours − theirs where both are numbers. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Mismatch(int line, String venue, String eventId, String fundId, String day, String field, String theirs,
            String ours, BigDecimal difference) {
        static Mismatch event(Line l, String field, String theirs, String ours, BigDecimal difference) {
            return new Mismatch(l.line(), l.venue(), l.eventId(), null, null, field, theirs, ours, difference);
        }
    }

    /** The parameters of a match, as given (period and venue scope the events the client should have sent). */
    public record Parameters(String kind, String period, String venue, boolean dryRun, Map<String, BigDecimal> tolerance) {
    }

    /** What the match found, as of the checkpoint it names. */
    public record Result(AsOf checkpoint, Parameters parameters, long lines, long matched, List<MissingHere> missingHere,
            List<MissingThere> missingThere, List<Mismatch> mismatched, List<Problem> problems) {
    }

    /** The answer: the result, and for a kept match its capture's id and the result's SHA-256. */
    public record Answer(Long captureId, String resultSha256, Result result) {
    }

    /** A kept match as read back: the result exactly as stored, so that its SHA-256 can be checked. */
    public record Capture(long id, String requestedBy, String requestedAt, String venue, String resultSha256,
            @com.fasterxml.jackson.annotation.JsonRawValue String result) {
    }
}
