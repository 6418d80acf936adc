package io.liqaudit.reports;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reports this service makes, read from their definitions ({@code reports/<id>.json}, mapped
 * into the build) once at start; an unreadable definition stops the start rather than serving a
 * dictionary that does not match the data. ReportDefinitionsTest fails when a file in
 * {@code reports/} is not listed here.
 */
public final class ReportCatalog {

    /** Every report, in the catalogue's order. */
    public static final List<String> IDS = List.of("liquidation-register", "fund-statement", "discrepancies",
            "liquidation-prices", "integrity-attestation");

    private static final Map<String, ReportDefinition> DEFINITIONS = load();

    private ReportCatalog() {
    }

    private static Map<String, ReportDefinition> load() {
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Map<String, ReportDefinition> out = new LinkedHashMap<>();
        for (String id : IDS) {
            try (InputStream in = ReportCatalog.class.getResourceAsStream("/reports/" + id + ".json")) {
                if (in == null) {
                    throw new IllegalStateException("no definition reports/" + id + ".json");
                }
                ReportDefinition d = json.readValue(in, ReportDefinition.class);
                if (!d.id().equals(id)) {
                    throw new IllegalStateException("reports/" + id + ".json defines report " + d.id());
                }
                out.put(id, d);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read reports/" + id + ".json", e);
            }
        }
        return out;
    }

    public static List<ReportDefinition> all() {
        return List.copyOf(DEFINITIONS.values());
    }

    public static Optional<ReportDefinition> find(String id) {
        return Optional.ofNullable(DEFINITIONS.get(id));
    }
}
