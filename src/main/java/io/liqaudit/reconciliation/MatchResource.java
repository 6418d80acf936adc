package io.liqaudit.reconciliation;

import io.liqaudit.disclosure.Period;
import io.liqaudit.ledger.Checkpoints;
import io.liqaudit.platform.http.BodySizeLimit;
import io.liqaudit.platform.http.QueryParams;
import io.liqaudit.platform.problem.Problem;
import io.liqaudit.platform.problem.ProblemResponses;
import io.liqaudit.security.Identities;
import io.liqaudit.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Statement matching: a client sends its own records of a period's events and learns, as of a
 * signed checkpoint, which matched, which name events we do not hold, which events it left out,
 * and every settlement field that differs from our recomputation. Kept as an immutable capture
 * unless a dry run.
 */
@Path(BodySizeLimit.STATEMENTS)
@RolesAllowed(Roles.RECONCILER)
@Produces(MediaType.APPLICATION_JSON)
public class MatchResource {

    private final Checkpoints checkpoints;
    private final Matches matches;
    private final SecurityIdentity identity;

    MatchResource(Checkpoints checkpoints, Matches matches, SecurityIdentity identity) {
        this.checkpoints = checkpoints;
        this.matches = matches;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking // the statement is read as it arrives and matched a page at a time on this worker thread
    @Operation(summary = "Match a statement of events or fund days against the record as of a signed checkpoint, asOf or the latest",
            description = "Body: {\"kind\": \"events\" (or \"funds\"), \"period\": \"2026-03\", \"venue\": \"VENUE-A\", \"dryRun\": true, "
                    + "\"tolerance\": {\"totalFee\": \"0.01\"}, \"lines\": [{\"venue\", \"eventId\", \"totalFee\", …}]}, up to "
                    + "100,000 lines. Each line's settlement fields (outcome, markPrice, liquidationPrice, bankruptcyPrice, "
                    + "liquidatedQuantity, totalFee, excessEquity, traderReturn, insuranceFundDelta, bankruptcyLoss, "
                    + "adlShortfall) are compared with our recomputation; fund lines (fundId, day, openingBalance, feeContributions, "
                    + "excessEquityDeposits, bankruptcyLossDraws, deposits, withdrawals, transfersIn, transfersOut, closingBalance, "
                    + "adlShortfall) with the fund's statement. Bad lines are reported by number; the rest go on.")
    @APIResponse(responseCode = "200", description = "The match; captureId when kept", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Match.Answer.class)))
    @APIResponse(responseCode = "400", description = "Not a statement, or bad parameters, each named", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response match(InputStream body) {
        QueryParams params = new QueryParams();
        return matchRead(StatementReader.json(body, params), params);
    }

    @POST
    @Consumes("text/csv")
    @Blocking
    @Operation(summary = "Match a statement of events uploaded as CSV",
            description = "Query: kind=events, period, venue, dryRun, tolerance.<field>=<amount>. Body: a header row naming "
                    + "the columns (venue, eventId and settlement fields), then a line per record; an empty cell is a field not "
                    + "given. Problems name the record's number (the header is 1).")
    @APIResponse(responseCode = "200", description = "The match; captureId when kept", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Match.Answer.class)))
    @APIResponse(responseCode = "400", description = "Not CSV, or bad parameters, each named", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response matchCsv(InputStream body, @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        QueryParams params = new QueryParams();
        return matchRead(StatementReader.csv(body, params, uri.getQueryParameters()), params);
    }

    /** Checks a statement's parameters and matches it; the problems of its reading are in {@code params}. */
    private Response matchRead(StatementReader.Read read, QueryParams params) {
        if (read == null) {
            return params.invalid();
        }
        boolean funds = "funds".equals(read.kind());
        if (!funds && !"events".equals(read.kind())) {
            params.problem("kind", "must be events or funds");
        }
        Period period = ReconciliationParams.period(params, read.period());
        String scoped = Identities.venueScope(identity).orElse(null);
        if (scoped != null && read.venue() != null && !read.venue().equals(scoped)) {
            params.problem("venue", "this API key reads venue " + scoped + " only");
        }
        String venue = scoped != null ? scoped : params.identifier("venue", read.venue());
        Map<String, BigDecimal> toleranceGiven = new LinkedHashMap<>();
        read.tolerance().forEach((field, amount) -> {
            boolean known = funds ? FundField.named(field).isPresent() : MatchField.named(field).filter(x -> x.decimal).isPresent();
            if (!known || amount == null || !StatementReader.isDecimal(amount) || new BigDecimal(amount).signum() < 0) {
                params.problem("tolerance." + (field.length() > 40 ? field.substring(0, 40) : field),
                        "must be a " + (funds ? "fund figure" : "settlement amount field") + " with a decimal ≥ 0");
            } else {
                toleranceGiven.put(field, new BigDecimal(amount));
            }
        });
        Long asOf = params.integer("asOf", read.asOf(), 0, Long.MAX_VALUE);
        if (!params.ok()) {
            return params.invalid();
        }
        var latest = (asOf == null ? checkpoints.latest() : checkpoints.at(asOf)).await().atMost(Duration.ofSeconds(10));
        if (latest.isEmpty()) {
            return asOf == null ? ProblemResponses.of(Problem.of(409, "Conflict", "No signed checkpoint yet to match against."))
                    : ProblemResponses.of(Problem.of(404, "Not Found", "No signed checkpoint of tree size " + asOf + "."));
        }
        Match.Parameters parameters = new Match.Parameters(read.kind(), period.label(), venue, read.dryRun(), toleranceGiven);
        List<Match.Problem> problems = new ArrayList<>();
        String by = identity.getPrincipal().getName();
        if (funds) {
            List<Match.FundLine> lines = new ArrayList<>();
            StatementReader.funds(read.lines(), lines, problems);
            Map<FundField, BigDecimal> tolerance = new EnumMap<>(FundField.class);
            toleranceGiven.forEach((f, amount) -> tolerance.put(FundField.named(f).orElseThrow(), amount));
            return Response.ok(matches.runFunds(AsOf.of(latest.get()), parameters, period.from(), period.to(), lines, problems,
                    tolerance, by)).build();
        }
        List<Match.Line> lines = new ArrayList<>();
        StatementReader.events(read.lines(), lines, problems);
        Map<MatchField, BigDecimal> tolerance = new EnumMap<>(MatchField.class);
        toleranceGiven.forEach((f, amount) -> tolerance.put(MatchField.named(f).orElseThrow(), amount));
        return Response.ok(matches.run(AsOf.of(latest.get()), parameters, period.from().atStartOfDay().atOffset(ZoneOffset.UTC),
                period.to().atStartOfDay().atOffset(ZoneOffset.UTC), lines, problems, tolerance, by)).build();
    }

    @GET
    @Path("{id}")
    @Blocking
    @Operation(summary = "A kept match: who asked, when, the result's SHA-256 and the result exactly as stored")
    @APIResponse(responseCode = "200", description = "The capture", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Match.Capture.class)))
    @APIResponse(responseCode = "404", description = "No such capture",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response capture(@PathParam("id") String idText) {
        QueryParams params = new QueryParams();
        Long id = params.requiredInteger("id", idText, 1, Long.MAX_VALUE);
        if (!params.ok()) {
            return params.invalid();
        }
        String scoped = Identities.venueScope(identity).orElse(null);
        return matches.find(id).filter(c -> scoped == null || scoped.equals(c.venue())).map(c -> Response.ok(c).build())
                .orElseGet(() -> ProblemResponses.of(Problem.of(404, "Not Found", "No kept match " + id + ".")));
    }
}
