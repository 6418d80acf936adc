package io.liqaudit.fund;

import io.liqaudit.liquidation.FundChain;
import io.liqaudit.platform.Problem;
import io.liqaudit.platform.Problem.FieldError;
import io.liqaudit.platform.ProblemResponses;
import io.liqaudit.platform.Timestamps;
import io.liqaudit.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

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

    public record MovementRecorded(String fundId, String movementId, String status) {
    }

    private final FundMovementService movements;
    private final FundLedgerQueries ledger;
    private final SecurityIdentity identity;

    FundResource(FundMovementService movements, FundLedgerQueries ledger, SecurityIdentity identity) {
        this.movements = movements;
        this.ledger = ledger;
        this.identity = identity;
    }

    @POST
    @Path("movements")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INGESTOR)
    @Operation(summary = "Record a deposit, withdrawal or transfer of the fund (idempotent by movementId)")
    public Uni<Response> recordMovement(@PathParam("fundId") String fundId, @Valid @NotNull FundMovement movement) {
        return movements.record(fundId, movement, identity.getPrincipal().getName()).map(outcome -> switch (outcome.status()) {
            case "CREATED" -> Response.created(URI.create("/api/v1/insurance-funds/" + fundId + "/ledger"))
                    .entity(new MovementRecorded(fundId, movement.movementId(), "created")).build();
            case "DUPLICATE" -> Response.ok(new MovementRecorded(fundId, movement.movementId(), "duplicate")).build();
            default -> ProblemResponses.of(Problem.of(409, "Conflict", "Movement " + movement.movementId()
                    + " of fund " + fundId + " is already recorded with other content; the attempt is logged."));
        });
    }

    @GET
    @Path("ledger")
    @RolesAllowed({Roles.AUDITOR, Roles.RECONCILER, Roles.REGULATOR})
    @Operation(summary = "The fund's events and movements in time order with running balances and continuity breaks")
    public Uni<Response> ledger(@PathParam("fundId") String fundId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        int size = limit == null ? 100 : limit;
        FundLedgerQueries.Key after;
        try {
            after = decode(cursor);
        } catch (IllegalArgumentException e) {
            return invalid("cursor", "is not a cursor from a previous page");
        }
        if (size < 1 || size > MAX_PAGE) {
            return invalid("limit", "must be from 1 to " + MAX_PAGE);
        }
        return ledger.page(fundId, after, size + 1).map(links -> {
            boolean more = links.size() > size;
            List<FundChain.Link> page = more ? links.subList(0, size) : links;
            List<LedgerEntry> items = page.stream().map(FundResource::entry).toList();
            String next = more ? encode(page.get(page.size() - 1).element()) : null;
            return Response.ok(new LedgerPage(fundId, items, next)).build();
        });
    }

    private static Uni<Response> invalid(String field, String message) {
        return Uni.createFrom().item(ProblemResponses.of(Problem.invalid("Invalid query parameters.",
                List.of(new FieldError(field, message)))));
    }

    private static LedgerEntry entry(FundChain.Link l) {
        FundChain.Element e = l.element();
        boolean event = e.kind() == FundChain.Kind.EVENT;
        return new LedgerEntry(e.kind().name(), Timestamps.format(e.occurredAt()), e.reference(), event ? e.ref() : null,
                l.balanceBefore(), e.delta(), l.balanceAfter(), l.expectedBefore(), l.discontinuity());
    }

    private static String encode(FundChain.Element e) {
        String key = Timestamps.format(e.occurredAt()) + "|" + (e.kind() == FundChain.Kind.EVENT ? 1 : 0) + "|" + e.ref();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static FundLedgerQueries.Key decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
        if (parts.length != 3) {
            throw new IllegalArgumentException("cursor");
        }
        try {
            return new FundLedgerQueries.Key(OffsetDateTime.parse(parts[0]), Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cursor", e);
        }
    }
}
