package io.liqaudit.reconciliation;

import io.liqaudit.disclosure.Period;
import io.liqaudit.fund.FundDays;
import io.liqaudit.fund.FundLedgerQueries;
import io.liqaudit.fund.FundStatements;
import io.liqaudit.ledger.Checkpoints;
import io.liqaudit.platform.Timestamps;
import io.liqaudit.platform.http.QueryParams;
import io.liqaudit.platform.problem.Problem;
import io.liqaudit.platform.problem.ProblemResponses;
import io.liqaudit.security.Identities;
import io.liqaudit.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import io.liqaudit.platform.http.CsvAnswer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * An insurance fund reconciled: its balance at any instant and its daily statement, from its
 * chain as of a signed checkpoint. The chain is walked from the fund's beginning (blocking, on a
 * worker thread).
 */
@Path("/api/v1/reconciliation/funds/{fundId}")
@RolesAllowed(Roles.RECONCILER)
@Produces(MediaType.APPLICATION_JSON)
public class FundReconciliationResource {

    private final Checkpoints checkpoints;
    private final FundStatements statements;
    private final FundLedgerQueries ledger;
    private final SecurityIdentity identity;

    FundReconciliationResource(Checkpoints checkpoints, FundStatements statements, FundLedgerQueries ledger,
            SecurityIdentity identity) {
        this.checkpoints = checkpoints;
        this.statements = statements;
        this.ledger = ledger;
        this.identity = identity;
    }

    /** A key scoped to a venue sees that venue's funds only: another's is answered as unknown. */
    private Optional<Response> hidden(String fundId) {
        String scope = Identities.venueScope(identity).orElse(null);
        if (scope == null || ledger.belongsTo(fundId, scope).await().atMost(Duration.ofSeconds(10))) {
            return Optional.empty();
        }
        return Optional.of(ProblemResponses.of(Problem.of(404, "Not Found", "No fund " + fundId + " of venue " + scope + ".")));
    }

    @GET
    @Path("balance")
    @Blocking
    @Operation(summary = "A fund's balance at an instant, with the entries since the previous day's close, as of a checkpoint",
            description = "at: RFC 3339 (default: now); asOf: a checkpoint's tree size (default: the latest). The balance "
                    + "after each entry is the venue's stated balance before the event plus its recomputed delta, or the "
                    + "balance before a movement plus its amount; null when unknown.")
    @APIResponse(responseCode = "200", description = "The answer, as of the checkpoint it names",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FundAnswers.Balance.class)))
    @APIResponse(responseCode = "400", description = "Bad parameters, each named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such fund, entry or checkpoint",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Produces({MediaType.APPLICATION_JSON, CsvAnswer.MEDIA_TYPE})
    public Response balance(@PathParam("fundId") String fundIdText, @QueryParam("at") String atText,
            @QueryParam("asOf") String asOfText, @HeaderParam("Accept") String accept) {
        QueryParams params = new QueryParams();
        String fundId = params.identifier("fundId", fundIdText);
        OffsetDateTime at = atText == null ? OffsetDateTime.now(ZoneOffset.UTC) : params.time("at", atText);
        Long asOf = params.integer("asOf", asOfText, 0, Long.MAX_VALUE);
        Pinned pin = pinned(params, fundId, asOf);
        if (pin.refusal() != null) {
            return pin.refusal();
        }
        OffsetDateTime dayStart = at.toLocalDate().atStartOfDay().atOffset(ZoneOffset.UTC);
        List<FundStatements.Entry> today = new ArrayList<>();
        BigDecimalHolder close = new BigDecimalHolder();
        FundDays days = statements.walk(fundId, pin.asOf().treeSize(), pin.asOf().at(), LocalDate.MIN, LocalDate.MIN,
                at.plus(Duration.ofNanos(1000)), e -> {
                    if (e.occurredAt().isBefore(dayStart)) {
                        close.value = e.balanceAfter();
                    } else {
                        today.add(e);
                    }
                });
        if (days.balance() == null && today.isEmpty() && close.value == null) {
            return ProblemResponses.of(Problem.of(404, "Not Found", "Fund " + fundId + " has no entry up to " + Timestamps.format(at)
                    + " in the signed log."));
        }
        if (CsvAnswer.wanted(accept)) {
            return CsvAnswer.ok(CsvAnswer.of(List.of("kind", "occurredAt", "reference", "amount", "balanceAfter"), today.stream()
                            .map(e -> java.util.Arrays.<Object>asList(e.kind(), Timestamps.format(e.occurredAt()), e.reference(),
                                    e.amount(), e.balanceAfter())).toList()))
                    .header("Liqaudit-Checkpoint", ReconciliationResource.checkpointHeader(pin.asOf()))
                    .header("Liqaudit-Balance", days.balance() == null ? "unknown" : days.balance().toPlainString())
                    .header("Liqaudit-Previous-Close", close.value == null ? "unknown" : close.value.toPlainString()).build();
        }
        return Response.ok(new FundAnswers.Balance(pin.asOf(), fundId, Timestamps.format(at), days.balance(), close.value,
                today)).type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("statement")
    @Blocking
    @Operation(summary = "A fund's daily statement of a period, as of a checkpoint: opening + flows by type = closing, breaks listed",
            description = "period: YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD (UTC). Days with activity; balanced is false on a day "
                    + "with a break, an event not recomputed, or flows that do not add up.")
    @APIResponse(responseCode = "200", description = "The answer, as of the checkpoint it names",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FundAnswers.Statement.class)))
    @APIResponse(responseCode = "400", description = "Bad parameters, each named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such fund or checkpoint",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Produces({MediaType.APPLICATION_JSON, CsvAnswer.MEDIA_TYPE})
    public Response statement(@PathParam("fundId") String fundIdText, @QueryParam("period") String periodText,
            @QueryParam("asOf") String asOfText, @HeaderParam("Accept") String accept) {
        QueryParams params = new QueryParams();
        String fundId = params.identifier("fundId", fundIdText);
        Period period = ReconciliationParams.period(params, periodText);
        Long asOf = params.integer("asOf", asOfText, 0, Long.MAX_VALUE);
        Pinned pin = pinned(params, fundId, asOf);
        if (pin.refusal() != null) {
            return pin.refusal();
        }
        FundDays days = statements.walk(fundId, pin.asOf().treeSize(), pin.asOf().at(), period.from(), period.to(),
                period.to().atStartOfDay().atOffset(ZoneOffset.UTC), null);
        if (CsvAnswer.wanted(accept)) {
            return CsvAnswer.ok(CsvAnswer.of(List.of("fundId", "day", "opening", "feeContributions", "excessEquityDeposits",
                            "bankruptcyLossDraws", "deposits", "withdrawals", "transfersIn", "transfersOut", "closing", "adlShortfall",
                            "events", "breaks", "balanced"), days.rows()))
                    .header("Liqaudit-Checkpoint", ReconciliationResource.checkpointHeader(pin.asOf())).build();
        }
        List<FundAnswers.Day> rows = days.rows().stream().map(FundAnswers.Day::of).toList();
        return Response.ok(new FundAnswers.Statement(pin.asOf(), fundId, period.from().toString(), period.to().toString(), rows,
                days.breaks())).type(MediaType.APPLICATION_JSON).build();
    }

    /** The checkpoint to answer as of, or the answer that refuses the request instead. */
    private record Pinned(AsOf asOf, Response refusal) {
    }

    /**
     * Refuses bad parameters, a fund the caller's key may not see, or a checkpoint that does not
     * exist; otherwise the checkpoint asked for (the latest when none), read on this worker thread.
     */
    private Pinned pinned(QueryParams params, String fundId, Long treeSize) {
        if (!params.ok()) {
            return new Pinned(null, params.invalid());
        }
        Optional<Response> hidden = hidden(fundId);
        if (hidden.isPresent()) {
            return new Pinned(null, hidden.get());
        }
        return (treeSize == null ? checkpoints.latest() : checkpoints.at(treeSize)).await().atMost(Duration.ofSeconds(10))
                .map(cp -> new Pinned(AsOf.of(cp), null))
                .orElseGet(() -> new Pinned(null, ProblemResponses.of(Problem.of(404, "Not Found", treeSize == null
                        ? "No signed checkpoint yet."
                        : "No signed checkpoint of tree size " + treeSize + "; GET /api/v1/ledger/checkpoint names the latest."))));
    }

    /** The balance at the previous day's close, as the walk passes it. */
    private static final class BigDecimalHolder {
        java.math.BigDecimal value;
    }
}
