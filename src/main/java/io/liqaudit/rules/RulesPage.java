package io.liqaudit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.liqaudit.disclosure.Formats;
import io.liqaudit.disclosure.SvgCharts;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.liqaudit.platform.http.QueryParams;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The rules venues say they apply, for anyone: every venue's rule sets with their periods and, per
 * symbol, the contract, the risk-tier table (and a step chart of the maintenance margin rate by
 * notional), the policy in plain words and the fee rate; each rule set also as JSON and its tiers
 * as CSV, and how far the re-check of the venue's earlier events has got.
 */
@Path("/disclosures/rules")
@PermitAll
public class RulesPage {

    /** A symbol's published rules as the page shows them. */
    public record Symbol(String symbol, String tickSize, String lotSize, String quoteScale, String quoteCurrency, List<Tier> tiers,
            String chart, String policy, String feeRate, String outlierBand) {
    }

    public record Tier(String floor, String cap, String rate, String amount) {
    }

    public record Published(RuleSets.View view, List<Symbol> symbols) {
    }

    @CheckedTemplate(basePath = "disclosures")
    static class Templates {
        static native TemplateInstance rules(List<Published> ruleSets);
    }

    private final RuleSets ruleSets;

    RulesPage(RuleSets ruleSets) {
        this.ruleSets = ruleSets;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Every venue's published rule sets: periods, tier tables, policies in plain words (HTML)")
    public Uni<TemplateInstance> page() {
        return ruleSets.all().map(all -> Templates.rules(all.stream().map(RulesPage::published).toList()));
    }

    @GET
    @Path("tiers.csv")
    @Produces("text/csv")
    @Operation(summary = "Every published risk tier: venue, ruleVersion, period, symbol, floor, cap, rate, amount (CSV); "
            + "venue and ruleVersion narrow it to a venue's or one rule set's")
    @APIResponse(responseCode = "200", description = "The tiers", content = @Content(mediaType = "text/csv"))
    public Uni<Response> tiers(@QueryParam("venue") String venue, @QueryParam("ruleVersion") String ruleVersion) {
        QueryParams params = new QueryParams();
        String v0 = venue == null ? null : params.identifier("venue", venue);
        String r0 = ruleVersion == null ? null : params.identifier("ruleVersion", ruleVersion);
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        return ruleSets.all().map(all -> {
            StringBuilder csv = new StringBuilder("venue,rule_version,effective_from,effective_to,symbol,notional_floor,notional_cap,"
                    + "maintenance_margin_rate,maintenance_amount\n");
            for (RuleSets.View v : all.stream().filter(x -> (v0 == null || x.venue().equals(v0))
                    && (r0 == null || x.ruleVersion().equals(r0))).toList()) {
                v.content().path("symbols").fields().forEachRemaining(s -> s.getValue().path("riskTiers").forEach(t ->
                        csv.append(String.join(",", v.venue(), v.ruleVersion(), v.effectiveFrom(),
                                v.effectiveTo() == null ? "" : v.effectiveTo(), s.getKey(), t.path("notionalFloor").asText(),
                                t.path("notionalCap").isNull() || t.path("notionalCap").isMissingNode() ? "" : t.path("notionalCap").asText(),
                                t.path("maintenanceMarginRate").asText(), t.path("maintenanceAmount").asText())).append('\n')));
            }
            return Response.ok(csv.toString(), "text/csv").build();
        });
    }

    private static Published published(RuleSets.View v) {
        List<Symbol> symbols = new ArrayList<>();
        v.content().path("symbols").fields().forEachRemaining(e -> symbols.add(symbol(e.getKey(), e.getValue())));
        return new Published(v, symbols);
    }

    private static Symbol symbol(String symbol, JsonNode rules) {
        List<Tier> tiers = new ArrayList<>();
        List<SvgCharts.Point> steps = new ArrayList<>();
        for (JsonNode t : rules.path("riskTiers")) {
            boolean open = t.path("notionalCap").isNull() || t.path("notionalCap").isMissingNode();
            String floor = Formats.decimal(new BigDecimal(t.path("notionalFloor").asText()));
            String cap = open ? "and above" : Formats.decimal(new BigDecimal(t.path("notionalCap").asText()));
            BigDecimal rate = new BigDecimal(t.path("maintenanceMarginRate").asText());
            tiers.add(new Tier(floor, cap, percent(rate), Formats.decimal(new BigDecimal(t.path("maintenanceAmount").asText()))));
            steps.add(new SvgCharts.Point(open ? "≥ " + Formats.compact(new BigDecimal(t.path("notionalFloor").asText()))
                    : Formats.compact(new BigDecimal(t.path("notionalFloor").asText())), rate.movePointRight(2)));
        }
        String chart = SvgCharts.bars("Maintenance margin rate of " + symbol + " by notional", "notional from (quote currency)",
                "maintenance margin rate (%)", steps);
        JsonNode policy = rules.path("policy");
        JsonNode c = rules.path("contract");
        return new Symbol(symbol, c.path("tickSize").asText(), c.path("lotSize").asText(), c.path("quoteScale").asText(),
                c.path("quoteCurrency").asText(), tiers, chart, words(policy),
                percent(new BigDecimal(policy.path("liquidationFeeRate").asText())), percent(new BigDecimal(rules.path("outlierBand").asText())));
    }

    /** A policy as people say it. */
    static String words(JsonNode p) {
        String mode = switch (p.path("mode").asText()) {
            case "FULL" -> "closes the whole position at once";
            case "FIXED_FRACTIONS" -> {
                List<String> f = new ArrayList<>();
                p.path("fractions").forEach(x -> f.add(percent(new BigDecimal(x.asText()))));
                yield "closes the position in steps of " + String.join(", ", f) + " of what remains";
            }
            case "TIER_DOWN" -> "closes just enough to move the position down one risk tier at a time";
            case "MIN_RESTORE" -> "closes the least that restores the margin plus a buffer of "
                    + percent(new BigDecimal(p.path("restoreBuffer").asText("0")));
            default -> p.path("mode").asText();
        };
        String fees = p.path("feeRecipient").asText().equals("VENUE") ? "the venue" : "the insurance fund";
        String excess = p.path("excessEquity").asText().equals("RETURN_TO_TRADER") ? "returned to the trader"
                : "kept by the insurance fund";
        return "Liquidation " + mode + ", in at most " + p.path("maxSteps").asText() + " steps; the fee ("
                + percent(new BigDecimal(p.path("liquidationFeeRate").asText())) + " of each fill's notional) goes to " + fees
                + "; equity left after closing an isolated position is " + excess + ".";
    }

    private static String percent(BigDecimal fraction) {
        return Formats.decimal(fraction.movePointRight(2)) + " %";
    }
}
