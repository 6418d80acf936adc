package io.liqaudit.security;

import java.util.List;
import java.util.Set;

/**
 * Every HTTP endpoint of the service with the roles that may use it. {@link SecurityMatrixTest}
 * checks each against each role, and fails when a resource method is missing from this list.
 */
final class EndpointMatrix {

    static final Set<String> PUBLIC = Set.of();
    static final Set<String> ANY_ROLE = Set.copyOf(Roles.ALL);
    static final Set<String> READERS = Set.of(Roles.AUDITOR, Roles.RECONCILER, Roles.REGULATOR);

    /** One endpoint: method, the path template as declared, a concrete path to call, allowed roles. */
    record Endpoint(String method, String template, String path, Set<String> roles, String contentType, String body) {
        Endpoint(String method, String template, String path, Set<String> roles) {
            this(method, template, path, roles, "application/json", "{}");
        }

        Endpoint(String method, String template, String path, Set<String> roles, String contentType) {
            this(method, template, path, roles, contentType, contentType.equals("application/json") ? "{}" : "");
        }

        boolean isPublic() {
            return roles.isEmpty();
        }
    }

    static final List<Endpoint> ALL = List.of(
            new Endpoint("GET", "/api/v1/admin/users", "/api/v1/admin/users", Set.of(Roles.ADMIN)),
            new Endpoint("POST", "/api/v1/admin/users", "/api/v1/admin/users", Set.of(Roles.ADMIN)),
            new Endpoint("GET", "/api/v1/admin/users/{username}", "/api/v1/admin/users/nobody-here", Set.of(Roles.ADMIN)),
            new Endpoint("PUT", "/api/v1/admin/users/{username}/roles", "/api/v1/admin/users/nobody-here/roles", Set.of(Roles.ADMIN)),
            new Endpoint("POST", "/api/v1/admin/users/{username}/disable", "/api/v1/admin/users/nobody-here/disable", Set.of(Roles.ADMIN)),
            new Endpoint("POST", "/api/v1/admin/users/{username}/enable", "/api/v1/admin/users/nobody-here/enable", Set.of(Roles.ADMIN)),
            new Endpoint("PUT", "/api/v1/admin/users/{username}/password", "/api/v1/admin/users/nobody-here/password", Set.of(Roles.ADMIN)),
            new Endpoint("GET", "/api/v1/admin/security-log", "/api/v1/admin/security-log", Set.of(Roles.ADMIN)),
            new Endpoint("GET", "/api/v1/admin/api-keys", "/api/v1/admin/api-keys", Set.of(Roles.ADMIN)),
            new Endpoint("POST", "/api/v1/admin/api-keys", "/api/v1/admin/api-keys", Set.of(Roles.ADMIN)),
            new Endpoint("DELETE", "/api/v1/admin/api-keys/{id}", "/api/v1/admin/api-keys/0000000000000000", Set.of(Roles.ADMIN)),
            new Endpoint("POST", "/api/v1/admin/api-keys/{id}/rotate", "/api/v1/admin/api-keys/0000000000000000/rotate",
                    Set.of(Roles.ADMIN)),
            new Endpoint("POST", "/api/v1/engine/recompute", "/api/v1/engine/recompute", ANY_ROLE),
            new Endpoint("POST", "/api/v1/liquidations", "/api/v1/liquidations", Set.of(Roles.INGESTOR)),
            new Endpoint("POST", "/api/v1/liquidations/batch", "/api/v1/liquidations/batch", Set.of(Roles.INGESTOR)),
            new Endpoint("GET", "/api/v1/liquidations", "/api/v1/liquidations", READERS),
            new Endpoint("GET", "/api/v1/liquidations/{venue}/{eventId}", "/api/v1/liquidations/NO-VENUE/no-event", READERS),
            new Endpoint("GET", "/api/v1/liquidations/{venue}/{eventId}/trace", "/api/v1/liquidations/NO-VENUE/no-event/trace",
                    Set.of(Roles.AUDITOR, Roles.REGULATOR)),
            new Endpoint("POST", "/api/v1/venues/{venue}/rule-sets", "/api/v1/venues/NO-VENUE/rule-sets", Set.of(Roles.RULEKEEPER)),
            new Endpoint("GET", "/api/v1/venues/{venue}/rule-sets", "/api/v1/venues/NO-VENUE/rule-sets", PUBLIC),
            new Endpoint("GET", "/api/v1/venues/{venue}/rule-sets/{ruleVersion}", "/api/v1/venues/NO-VENUE/rule-sets/none", PUBLIC),
            new Endpoint("PUT", "/api/v1/insurance-funds/{fundId}", "/api/v1/insurance-funds/NO-FUND", Set.of(Roles.ADMIN)),
            new Endpoint("GET", "/api/v1/insurance-funds/{fundId}", "/api/v1/insurance-funds/NO-FUND",
                    Set.of(Roles.ADMIN, Roles.AUDITOR, Roles.RECONCILER, Roles.REGULATOR, Roles.INGESTOR)),
            new Endpoint("POST", "/api/v1/insurance-funds/{fundId}/movements", "/api/v1/insurance-funds/NO-FUND/movements", Set.of(Roles.INGESTOR)),
            new Endpoint("GET", "/api/v1/insurance-funds/{fundId}/ledger", "/api/v1/insurance-funds/NO-FUND/ledger", READERS),
            // A filter that matches nothing, so the matrix does not start real work.
            new Endpoint("POST", "/api/v1/verification/runs", "/api/v1/verification/runs", Set.of(Roles.AUDITOR),
                    "application/json", "{\"venue\":\"NO-VENUE\"}"),
            new Endpoint("GET", "/api/v1/verification/runs", "/api/v1/verification/runs", Set.of(Roles.AUDITOR)),
            new Endpoint("GET", "/api/v1/cases", "/api/v1/cases", Set.of(Roles.AUDITOR)),
            new Endpoint("GET", "/api/v1/reconciliation/totals", "/api/v1/reconciliation/totals", Set.of(Roles.RECONCILER)),
            new Endpoint("GET", "/api/v1/reconciliation/breaks", "/api/v1/reconciliation/breaks", Set.of(Roles.RECONCILER)),
            new Endpoint("POST", "/api/v1/reconciliation/matches", "/api/v1/reconciliation/matches", Set.of(Roles.RECONCILER),
                    "application/json", "{\"kind\":\"events\",\"period\":\"2026\",\"dryRun\":true,\"lines\":[]}"),
            new Endpoint("GET", "/api/v1/reconciliation/matches/{id}", "/api/v1/reconciliation/matches/999999999",
                    Set.of(Roles.RECONCILER)),
            new Endpoint("GET", "/api/v1/reconciliation/changes", "/api/v1/reconciliation/changes?after=end",
                    Set.of(Roles.RECONCILER)),
            new Endpoint("GET", "/api/v1/reconciliation/funds/{fundId}/balance", "/api/v1/reconciliation/funds/F-NONE/balance",
                    Set.of(Roles.RECONCILER)),
            new Endpoint("GET", "/api/v1/reconciliation/funds/{fundId}/statement",
                    "/api/v1/reconciliation/funds/F-NONE/statement?period=2026", Set.of(Roles.RECONCILER)),
            new Endpoint("GET", "/api/v1/reports", "/api/v1/reports", Set.of(Roles.REGULATOR, Roles.AUDITOR)),
            new Endpoint("GET", "/api/v1/reports/{id}", "/api/v1/reports/liquidation-register", Set.of(Roles.REGULATOR, Roles.AUDITOR)),
            new Endpoint("POST", "/api/v1/reports/{id}/runs", "/api/v1/reports/liquidation-register/runs",
                    Set.of(Roles.REGULATOR, Roles.AUDITOR)),
            new Endpoint("GET", "/api/v1/reports/runs", "/api/v1/reports/runs", Set.of(Roles.REGULATOR, Roles.AUDITOR)),
            new Endpoint("GET", "/api/v1/reports/runs/{runId}", "/api/v1/reports/runs/999999999",
                    Set.of(Roles.REGULATOR, Roles.AUDITOR)),
            new Endpoint("GET", "/api/v1/reports/runs/{runId}/package", "/api/v1/reports/runs/999999999/package",
                    Set.of(Roles.REGULATOR, Roles.AUDITOR)),
            new Endpoint("GET", "/api/v1/cases/{id}", "/api/v1/cases/999999999", Set.of(Roles.AUDITOR)),
            new Endpoint("POST", "/api/v1/cases/{id}/{action}", "/api/v1/cases/999999999/comment", Set.of(Roles.AUDITOR),
                    "application/json", "{\"comment\":\"x\"}"),
            new Endpoint("GET", "/api/v1/verification/runs/{id}", "/api/v1/verification/runs/999999", Set.of(Roles.AUDITOR)),
            new Endpoint("GET", "/api/v1/ledger/checkpoint", "/api/v1/ledger/checkpoint", PUBLIC),
            new Endpoint("GET", "/api/v1/ledger/public-key", "/api/v1/ledger/public-key", PUBLIC),
            new Endpoint("GET", "/api/v1/ledger/proof/inclusion", "/api/v1/ledger/proof/inclusion?sequence=0&treeSize=1", PUBLIC),
            new Endpoint("GET", "/api/v1/ledger/proof/consistency", "/api/v1/ledger/proof/consistency?from=1&to=1", PUBLIC),
            new Endpoint("POST", "/api/v1/ledger/audit", "/api/v1/ledger/audit", Set.of(Roles.AUDITOR)),
            new Endpoint("GET", "/api/v1/ledger/audit/{id}", "/api/v1/ledger/audit/999999", Set.of(Roles.AUDITOR)),
            new Endpoint("GET", "/", "/", PUBLIC),
            new Endpoint("GET", "/disclosures", "/disclosures", PUBLIC),
            new Endpoint("GET", "/disclosures/insurance-fund", "/disclosures/insurance-fund", PUBLIC),
            new Endpoint("GET", "/disclosures/excess-equity", "/disclosures/excess-equity", PUBLIC),
            new Endpoint("GET", "/disclosures/liquidation-prices", "/disclosures/liquidation-prices", PUBLIC),
            new Endpoint("GET", "/disclosures/register", "/disclosures/register", PUBLIC),
            new Endpoint("GET", "/disclosures/methodology", "/disclosures/methodology", PUBLIC),
            new Endpoint("GET", "/disclosures/quarterly", "/disclosures/quarterly", PUBLIC),
            new Endpoint("GET", "/disclosures/rules", "/disclosures/rules", PUBLIC),
            new Endpoint("GET", "/disclosures/rules/tiers.csv", "/disclosures/rules/tiers.csv", PUBLIC),
            new Endpoint("GET", "/disclosures/verifier.jar", "/disclosures/verifier.jar", PUBLIC),
            new Endpoint("GET", "/disclosures/register/{venue}/{eventId}/proof.json", "/disclosures/register/NO-VENUE/no-event/proof.json",
                    PUBLIC),
            new Endpoint("GET", "/disclosures/register/{venue}/{eventId}", "/disclosures/register/NO-VENUE/no-event", PUBLIC),
            new Endpoint("GET", "/disclosures/{page}.csv", "/disclosures/index.csv?table=venues", PUBLIC),
            new Endpoint("GET", "/portal", "/portal", Set.of(Roles.AUDITOR)),
            new Endpoint("GET", "/portal/events", "/portal/events", Set.of(Roles.AUDITOR)),
            new Endpoint("GET", "/portal/events.csv", "/portal/events.csv?venue=NONE", Set.of(Roles.AUDITOR)),
            new Endpoint("GET", "/portal/cases", "/portal/cases", Set.of(Roles.AUDITOR)),
            new Endpoint("GET", "/portal/cases.csv", "/portal/cases.csv?venue=NONE", Set.of(Roles.AUDITOR)),
            new Endpoint("GET", "/portal/cases/{id}", "/portal/cases/999999999", Set.of(Roles.AUDITOR)),
            new Endpoint("POST", "/portal/cases/bulk", "/portal/cases/bulk", Set.of(Roles.AUDITOR),
                    "application/x-www-form-urlencoded"),
            new Endpoint("POST", "/portal/cases/{id}/{action}", "/portal/cases/999999999/comment", Set.of(Roles.AUDITOR),
                    "application/x-www-form-urlencoded"),
            new Endpoint("GET", "/portal/events/{venue}/{eventId}", "/portal/events/NO-VENUE/no-event", Set.of(Roles.AUDITOR)),
            new Endpoint("POST", "/portal/events/{venue}/{eventId}/evidence", "/portal/events/NO-VENUE/no-event/evidence",
                    Set.of(Roles.AUDITOR), "application/x-www-form-urlencoded"),
            new Endpoint("GET", "/portal/integrity", "/portal/integrity", Set.of(Roles.AUDITOR)),
            new Endpoint("GET", "/portal/refused", "/portal/refused", Set.of(Roles.AUDITOR)),
            new Endpoint("GET", "/portal/refused.csv", "/portal/refused.csv", Set.of(Roles.AUDITOR)),
            new Endpoint("POST", "/portal/integrity/audits", "/portal/integrity/audits", Set.of(Roles.AUDITOR),
                    "application/x-www-form-urlencoded"),
            new Endpoint("POST", "/portal/integrity/runs", "/portal/integrity/runs", Set.of(Roles.AUDITOR),
                    "application/x-www-form-urlencoded"),
            new Endpoint("GET", "/portal/runs/{id}", "/portal/runs/999999999", Set.of(Roles.AUDITOR)),
            new Endpoint("GET", "/portal/runs/{id}.csv", "/portal/runs/999999999.csv", Set.of(Roles.AUDITOR)),
            new Endpoint("GET", "/portal/audits/{id}", "/portal/audits/999999999", Set.of(Roles.AUDITOR)),
            new Endpoint("GET", "/portal/funds/{fundId}", "/portal/funds/NO-FUND", Set.of(Roles.AUDITOR)),
            new Endpoint("GET", "/portal/funds/{fundId}.csv", "/portal/funds/NO-FUND.csv", Set.of(Roles.AUDITOR)),
            new Endpoint("GET", "/portal/evidence/{sha256}", "/portal/evidence/" + "0".repeat(64), Set.of(Roles.AUDITOR)),
            new Endpoint("GET", "/portal/evidence/{sha256}.zip", "/portal/evidence/" + "0".repeat(64) + ".zip",
                    Set.of(Roles.AUDITOR)),
            new Endpoint("GET", "/reports", "/reports", Set.of(Roles.REGULATOR, Roles.AUDITOR)),
            new Endpoint("POST", "/reports/{id}/runs", "/reports/liquidation-register/runs", Set.of(Roles.REGULATOR, Roles.AUDITOR),
                    "application/x-www-form-urlencoded"),
            new Endpoint("GET", "/reports/runs/{runId}", "/reports/runs/999999999", Set.of(Roles.REGULATOR, Roles.AUDITOR)),
            new Endpoint("GET", "/reports/runs/{runId}/package", "/reports/runs/999999999/package",
                    Set.of(Roles.REGULATOR, Roles.AUDITOR)),
            new Endpoint("GET", "/portal/login", "/portal/login", PUBLIC),
            new Endpoint("POST", "/portal/login", "/portal/login", PUBLIC, "application/x-www-form-urlencoded"),
            new Endpoint("POST", "/portal/logout", "/portal/logout", ANY_ROLE, "application/x-www-form-urlencoded"));

    private EndpointMatrix() {
    }
}
