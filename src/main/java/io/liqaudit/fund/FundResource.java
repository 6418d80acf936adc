package io.liqaudit.fund;

import com.fasterxml.jackson.databind.JsonNode;
import io.liqaudit.platform.InputRules;
import io.liqaudit.platform.LiqauditConfig;
import io.liqaudit.platform.Timestamps;
import io.liqaudit.platform.http.QueryParams;
import io.liqaudit.platform.problem.Problem.FieldError;
import io.liqaudit.platform.problem.Problem;
import io.liqaudit.platform.problem.ProblemResponses;
import io.liqaudit.recording.RecordStatus;
import io.liqaudit.security.Identities;
import io.liqaudit.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Insurance funds: movements outside liquidations, and the chain of balances. */
@Path("/api/v1/insurance-funds/{fundId}")
@Produces(MediaType.APPLICATION_JSON)
public class FundResource {

    private static final int MAX_PAGE = 500;

    /** One link of the chain; {@code sequence} for events, {@code expectedBalanceBefore} where there was a check. */
    public record LedgerEntry(String kind, String occurredAt, String reference, Long sequence, BigDecimal balanceBefore,
            BigDecimal delta, BigDecimal balanceAfter, BigDecimal expectedBalanceBefore, boolean discontinuity) {
    }

    public record LedgerPage(String fundId, List<LedgerEntry> items, String nextCursor) {
    }

    public record MovementRecorded(String fundId, String movementId, RecordStatus status) {
    }

    private final LiqauditConfig config;
    private final FundMovementService movements;
    private final FundLedgerQueries ledger;
    private final SecurityIdentity identity;
    private final FundRegistry registry;

    FundResource(FundMovementService movements, FundLedgerQueries ledger, SecurityIdentity identity, LiqauditConfig config,
            FundRegistry registry) {
        this.registry = registry;
        this.config = config;
        this.movements = movements;
        this.ledger = ledger;
        this.identity = identity;
    }

    /** The path's fund id, named when it is not an identifier (a list the body's problems join). */
    private static List<FieldError> fundIdProblems(String fundId) {
        List<FieldError> problems = new ArrayList<>();
        if (!InputRules.isIdentifier(fundId)) {
            problems.add(new FieldError("fundId", InputRules.IDENTIFIER_RULE));
        }
        return problems;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register an insurance fund with its currency, or state the currency of one registered without "
            + "(idempotent; another currency than the one stated is a 409)")
    @APIResponse(responseCode = "200", description = "The fund (201 when registered now)",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = FundRegistry.Fund.class)))
    public Uni<Response> register(@PathParam("fundId") String fundId, JsonNode body) {
        List<FieldError> problems = fundIdProblems(fundId);
        JsonNode currency = body == null ? null : body.get("currency");
        if (body == null || !body.isObject()) {
            problems.add(new FieldError("$", "must be a JSON object {\"currency\": \"USDT\"}"));
        } else {
            body.fieldNames().forEachRemaining(f -> {
                if (!f.equals("currency")) {
                    problems.add(new FieldError("$." + f, "is not a field of a fund registration"));
                }
            });
            if (currency == null || !currency.isTextual() || !InputRules.isCurrency(currency.textValue())) {
                problems.add(new FieldError("$.currency", InputRules.CURRENCY_RULE));
            }
        }
        if (!problems.isEmpty()) {
            return Uni.createFrom().item(ProblemResponses.of(Problem.invalid("The registration is malformed; nothing was "
                    + "registered.", problems)));
        }
        return registry.register(fundId, currency.textValue(), identity.getPrincipal().getName()).map(r -> switch (r.outcome()) {
            case CREATED -> Response.created(URI.create("/api/v1/insurance-funds/" + fundId)).entity(r.fund()).build();
            case CURRENCY_STATED, UNCHANGED -> Response.ok(r.fund()).build();
            case OTHER_CURRENCY -> ProblemResponses.of(Problem.of(409, "Conflict", "Fund " + fundId + " is registered in "
                    + r.fund().currency() + "; a fund's currency is stated once and never changed."));
        });
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR, Roles.RECONCILER, Roles.REGULATOR, Roles.INGESTOR})
    @Operation(summary = "A registered insurance fund: its currency, when and by whom (or by which liquidation) it was registered")
    @APIResponse(responseCode = "200", description = "The registered fund",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = FundRegistry.Fund.class)))
    public Uni<Response> fund(@PathParam("fundId") String fundId) {
        return registry.find(fundId).map(f -> f.isPresent() ? Response.ok(f.get()).build()
                : ProblemResponses.of(Problem.of(404, "Not Found", "No insurance fund " + fundId + " is registered.")));
    }

    @POST
    @Path("movements")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INGESTOR)
    @Operation(summary = "Record a deposit, withdrawal or transfer of the fund (idempotent by movementId)")
    @Blocking
    @APIResponse(responseCode = "200", description = "What became of the movement (201 when recorded now)",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = FundResource.MovementRecorded.class)))
    public Uni<Response> recordMovement(@PathParam("fundId") String fundId, JsonNode body) {
        List<FieldError> problems = fundIdProblems(fundId);
        FundMovement.Read read = FundMovement.read(body, Instant.now().plus(config.ingest().maxClockSkew()));
        problems.addAll(read.problems());
        if (!problems.isEmpty()) {
            return Uni.createFrom().item(ProblemResponses.of(Problem.invalid("The movement is malformed; nothing was recorded.",
                    problems)));
        }
        FundMovement movement = read.movement();
        String scope = Identities.venueScope(identity).orElse(null);
        if (scope != null) {
            // A venue's key moves only its venue's funds: those that only its events name.
            return ledger.belongsTo(fundId, scope).chain(own -> own ? record(fundId, movement)
                    : Uni.createFrom().item(ProblemResponses.of(Problem.of(403, "Forbidden", "This API key records "
                            + "movements of venue " + scope + "'s funds only; nothing was recorded."))));
        }
        return record(fundId, movement);
    }

    /** A movement names a fund that exists (FundRegistry); an unknown one is a 404, never a new public fund. */
    private Uni<Response> record(String fundId, FundMovement movement) {
        return registry.find(fundId).chain(fund -> fund.isEmpty()
                ? Uni.createFrom().item(ProblemResponses.of(Problem.of(404, "Not Found", "No insurance fund " + fundId
                        + " is registered: a fund exists once a liquidation names it or an admin registers it "
                        + "(PUT /api/v1/insurance-funds/" + fundId + "); nothing was recorded.")))
                : recordFor(fundId, movement));
    }

    private Uni<Response> recordFor(String fundId, FundMovement movement) {
        return movements.record(fundId, movement, identity.getPrincipal().getName()).map(outcome -> switch (outcome.status()) {
            case CREATED -> Response.created(URI.create("/api/v1/insurance-funds/" + fundId + "/ledger"))
                    .entity(new MovementRecorded(fundId, movement.movementId(), RecordStatus.CREATED)).build();
            case DUPLICATE -> Response.ok(new MovementRecorded(fundId, movement.movementId(), RecordStatus.DUPLICATE)).build();
            default -> ProblemResponses.of(Problem.of(409, "Conflict", "Movement " + movement.movementId()
                    + " of fund " + fundId + " is already recorded with other content; the attempt is logged."));
        });
    }

    @GET
    @Path("ledger")
    @RolesAllowed({Roles.AUDITOR, Roles.RECONCILER, Roles.REGULATOR})
    @Operation(summary = "The fund's events and movements in time order with running balances and continuity breaks")
    @APIResponse(responseCode = "200", description = "A page of the fund's chain",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = FundResource.LedgerPage.class)))
    public Uni<Response> ledger(@PathParam("fundId") String fundId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        QueryParams params = new QueryParams();
        params.identifier("fundId", fundId);
        int size = params.limit(limit, 100, MAX_PAGE);
        FundLedgerQueries.Key after = FundLedgerQueries.Key.parse(cursor, params);
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        String scope = Identities.venueScope(identity).orElse(null);
        Uni<Boolean> visible = scope == null ? Uni.createFrom().item(true) : ledger.belongsTo(fundId, scope);
        return visible.chain(v -> v ? page(fundId, after, size)
                : Uni.createFrom().item(ProblemResponses.of(Problem.of(404, "Not Found", "No fund " + fundId + " of venue " + scope + "."))));
    }

    private Uni<Response> page(String fundId, FundLedgerQueries.Key after, int size) {
        return ledger.page(fundId, after, size + 1).map(links -> {
            boolean more = links.size() > size;
            List<FundChain.Link> page = more ? links.subList(0, size) : links;
            List<LedgerEntry> items = page.stream().map(FundResource::entry).toList();
            String next = more ? FundLedgerQueries.Key.after(page.get(page.size() - 1).element()).cursor() : null;
            return Response.ok(new LedgerPage(fundId, items, next)).build();
        });
    }

    private static LedgerEntry entry(FundChain.Link l) {
        FundChain.Element e = l.element();
        boolean event = e.kind() == FundChain.Kind.EVENT;
        return new LedgerEntry(e.kind().name(), Timestamps.format(e.occurredAt()), e.reference(), event ? e.ref() : null,
                l.balanceBefore(), e.delta(), l.balanceAfter(), l.expectedBefore(), l.discontinuity());
    }
}
