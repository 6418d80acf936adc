package io.liqaudit.portal;

import io.liqaudit.platform.http.CsvExport;
import io.liqaudit.cases.CaseAction;
import io.liqaudit.cases.CaseOutcome;
import io.liqaudit.cases.CaseState;
import io.liqaudit.cases.CaseView;
import io.liqaudit.cases.Cases;
import io.liqaudit.evidence.InclusionCheck;
import io.liqaudit.fund.FundLedgerQueries;
import io.liqaudit.liquidation.EventTrace;
import io.liqaudit.liquidation.LiquidationQueries;
import io.liqaudit.platform.InputRules;
import io.liqaudit.platform.http.Cursor;
import io.liqaudit.platform.http.QueryParams;
import io.liqaudit.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The portal's working pages for auditors: the cases list, a case with its timeline and the
 * actions its state allows (ordinary forms with CSRF tokens; no script), and an event explained.
 */
@Path("/portal")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.AUDITOR)
public class AuditPages {

    private static final int PAGE = 50;
    /** Cases one bulk action may change: a page of search results. */
    private static final int BULK_MAX = 50;
    /** Entries of the fund's chain the event page shows around the event: the one before, it, and those after. */
    private static final int CHAIN_WINDOW = 4;

    @CheckedTemplate(basePath = "portal")
    static class Templates {
        static native TemplateInstance cases(String username, List<CaseView> cases, CaseFilter filter, List<CaseState> states,
                String nextCursor);

        static native TemplateInstance casePage(String username, CaseView c, List<CaseOutcome> outcomes, String message);

        static native TemplateInstance event(String username, EventPage e);

        static native TemplateInstance bulk(String username, CaseAction action, List<BulkOutcome> outcomes, String back);
    }

    private final Cases cases;
    private final LiquidationQueries events;
    private final SecurityIdentity identity;
    private final InclusionCheck inclusion;
    private final FundLedgerQueries ledger;

    AuditPages(Cases cases, LiquidationQueries events, SecurityIdentity identity, InclusionCheck inclusion,
            FundLedgerQueries ledger) {
        this.ledger = ledger;
        this.inclusion = inclusion;
        this.cases = cases;
        this.events = events;
        this.identity = identity;
    }

    @GET
    @Path("cases")
    public Uni<Response> cases(@QueryParam("state") String state, @QueryParam("venue") String venue,
            @QueryParam("assignee") String assignee, @QueryParam("cursor") String cursor) {
        QueryParams params = new QueryParams();
        CaseFilter f = CaseFilter.read(params, state, venue, assignee);
        Long before = params.numberCursor(blankToNull(cursor));
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        return cases.page(f.venue(), f.state(), f.assignee(), before, PAGE + 1).map(rows -> {
            boolean more = rows.size() > PAGE;
            List<CaseView> page = more ? rows.subList(0, PAGE) : rows;
            String next = more ? Cursor.encode(String.valueOf(page.get(page.size() - 1).id())) : null;
            return Response.ok(Templates.cases(user(), page, f, List.of(CaseState.values()), next)).build();
        });
    }

    /** Every case the filter selects, newest first, as CSV. */
    @GET
    @Path("cases.csv")
    @Produces("text/csv")
    public Multi<String> casesCsv(@QueryParam("state") String state, @QueryParam("venue") String venue,
            @QueryParam("assignee") String assignee) {
        QueryParams params = new QueryParams();
        CaseFilter f = CaseFilter.read(params, state, venue, assignee);
        if (!params.ok()) {
            throw new WebApplicationException(params.invalid());
        }
        return CsvExport.of("cases.csv", CaseCsv.HEADER,
                (Long before) -> cases.page(f.venue(), f.state(), f.assignee(), before, CsvExport.PAGE), CaseView::id,
                CaseCsv::lines);
    }

    @GET
    @Path("cases/{id}")
    public Uni<Response> casePage(@PathParam("id") String idText) {
        QueryParams params = new QueryParams();
        Long id = params.requiredInteger("id", idText, 1, Long.MAX_VALUE);
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        return cases.find(id).map(found -> found.map(c -> Response.ok(Templates.casePage(user(), c,
                        List.of(CaseOutcome.values()), null)).build())
                .orElseGet(() -> Response.status(404).entity("No case " + id + ".").type(MediaType.TEXT_PLAIN).build()));
    }

    /** A case action from the case page's forms; back to the case (303), or the page again with why not (409). */
    @POST
    @Path("cases/{id}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> act(@PathParam("id") String idText, @PathParam("action") String actionText,
            @RestForm String assignee, @RestForm String comment, @RestForm String outcome, @RestForm String until) {
        QueryParams params = new QueryParams();
        Long id = params.requiredInteger("id", idText, 1, Long.MAX_VALUE);
        CaseAction action = CaseAction.ofPath(actionText);
        if (action == null) {
            params.problem("action", "is not an action on a case");
        }
        String who = blankToNull(assignee) == null ? null : params.identifier("assignee", assignee);
        CaseOutcome proposed = blankToNull(outcome) == null ? null : params.constant("outcome", outcome, CaseOutcome.class);
        var snoozeUntil = blankToNull(until) == null ? null : params.time("until", until);
        // A text area sends line breaks; the timeline keeps one line per entry.
        String note = blankToNull(comment == null ? null : comment.replaceAll("[\\r\\n\\t]+", " ").strip());
        String wrong = note == null ? null : InputRules.textProblem(note, 2000);
        if (wrong != null) {
            params.problem("comment", wrong);
        }
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        return cases.act(id, action, user(), new Cases.Request(who, note, proposed,
                        snoozeUntil == null ? null : snoozeUntil.withOffsetSameInstant(ZoneOffset.UTC)))
                .map(acted -> {
                    if (acted.found().isEmpty()) {
                        return Response.status(404).entity("No case " + id + ".").type(MediaType.TEXT_PLAIN).build();
                    }
                    if (acted.refusal() != null) {
                        return Response.status(409).entity(Templates.casePage(user(), acted.found().get(),
                                List.of(CaseOutcome.values()), "Not done: " + acted.refusal() + ".")).build();
                    }
                    return Response.seeOther(URI.create("/portal/cases/" + id)).build();
                });
    }

    /** What a bulk action did to one case: done, or why not. */
    public record BulkOutcome(long caseId, String refusal) {
    }

    /**
     * Assigns or acknowledges (takes into investigation) the cases selected in the search results,
     * one by one, each by the same rules and with its own timeline entry as if done on its page;
     * the answer lists what was done and what was refused, and why.
     */
    @POST
    @Path("cases/bulk")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> bulk(@RestForm("case") List<String> caseIds, @RestForm String action, @RestForm String assignee,
            @RestForm String back) {
        QueryParams params = new QueryParams();
        CaseAction a = "assign".equals(action) ? CaseAction.ASSIGN : "investigate".equals(action) ? CaseAction.INVESTIGATE : null;
        if (a == null) {
            params.problem("action", "must be assign or investigate");
        }
        List<Long> ids = caseIds == null ? List.of() : caseIds.stream()
                .map(id -> params.requiredInteger("case", id, 1, Long.MAX_VALUE)).toList();
        if (ids.isEmpty()) {
            params.problem("case", "select at least one case");
        } else if (ids.size() > BULK_MAX) {
            params.problem("case", "at most " + BULK_MAX + " cases at once");
        }
        String who = a == CaseAction.ASSIGN ? params.identifier("assignee", blankToNull(assignee)) : null;
        if (a == CaseAction.ASSIGN && who == null && blankToNull(assignee) == null) {
            params.problem("assignee", "name who the cases are assigned to");
        }
        String searchQuery = back == null || back.length() > 2000 ? "" : back;
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        // One after the other: each action is its own transaction in the request's reactive session.
        Uni<List<BulkOutcome>> done = Uni.createFrom().item(new java.util.ArrayList<>());
        for (Long id : ids) {
            done = done.chain(list -> cases.act(id, a, user(), new Cases.Request(who, null, null, null)).map(acted -> {
                list.add(new BulkOutcome(id, acted.found().isEmpty() ? "no such case" : acted.refusal()));
                return list;
            }));
        }
        return done.map(outcomes -> Response.ok(Templates.bulk(user(), a, outcomes, searchQuery)).build());
    }

    @GET
    @Path("events/{venue}/{eventId}")
    public Uni<Response> event(@PathParam("venue") String venue, @PathParam("eventId") String eventId) {
        QueryParams params = new QueryParams();
        params.identifier("venue", venue);
        params.identifier("eventId", eventId);
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        return events.find(venue, eventId).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Response.status(404).entity("No event " + venue + "/" + eventId + ".")
                        .type(MediaType.TEXT_PLAIN).build());
            }
            LiquidationQueries.StoredEvent e = found.get();
            return cases.ofEvent(e.sequence()).chain(c -> inclusion.of(e).chain(included -> ledger.around(EventPage.fundId(e),
                    EventPage.occurredAt(e), e.sequence(), CHAIN_WINDOW).map(chain -> Response.ok(
                            Templates.event(user(), EventPage.of(e, EventTrace.of(e), c.orElse(null), included, chain)))
                    .build())));
        });
    }

    private String user() {
        return identity.getPrincipal().getName();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
