package io.liqaudit.reports;

import io.liqaudit.disclosure.Period;
import io.liqaudit.platform.http.QueryParams;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run's parameters, read by the report's definition whether they came as JSON or from the
 * page's form: each unknown, missing or bad one is a problem naming it.
 */
public record ReportParameters(Map<String, String> given, Period period, String venue) {

    static ReportParameters read(ReportDefinition report, Map<String, String> raw, QueryParams params) {
        Map<String, String> given = new LinkedHashMap<>();
        raw.forEach((name, value) -> {
            if (report.parameters().stream().noneMatch(p -> p.name().equals(name))) {
                params.problem(name.length() > 64 ? "body" : name, "is not a parameter of " + report.id() + " (it takes "
                        + report.parameters().stream().map(ReportDefinition.Parameter::name).toList() + ")");
            } else if (value != null && !value.isBlank()) {
                given.put(name, value);
            }
        });
        for (ReportDefinition.Parameter p : report.parameters()) {
            if (p.required() && !given.containsKey(p.name())) {
                params.problem(p.name(), "is required: " + p.description());
            }
        }
        Period period = null;
        if (given.containsKey("period")) {
            try {
                period = Period.parse(given.get("period"));
            } catch (IllegalArgumentException e) {
                params.problem("period", e.getMessage());
            }
        }
        String venue = given.containsKey("venue") ? params.identifier("venue", given.get("venue")) : null;
        return new ReportParameters(given, period, venue);
    }
}
