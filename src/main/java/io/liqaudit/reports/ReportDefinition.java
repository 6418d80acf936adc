package io.liqaudit.reports;

import java.util.List;

/**
 * A report as data (one JSON file per report in {@code reports/}): what it is for, how often it
 * is due, the column its PDF summary counts rows by, the parameters it takes and each column's
 * type, unit, nullability, meaning and source.
 * Served as the dictionary and included in every package.
 */
public record ReportDefinition(String id, int version, String title, String purpose, Frequency frequency, String summaryBy,
        List<Parameter> parameters, List<Column> columns) {

    public enum Frequency { DAILY, MONTHLY, QUARTERLY }

    /** Where a column's value comes from. */
    public enum Source {
        /** As the venue sent it. */
        RECORDED,
        /** What the venue's own engine reported it did (part of what was recorded), set against ours. */
        REPORTED,
        /** Computed by our engine from what was recorded. */
        RECOMPUTED,
        /** Made from recomputed values by a stated rule (verdict, findings, differing fields). */
        DERIVED,
        /** The tamper-evident log's (sequence, leaf hash, recording time). */
        LOG
    }

    public enum ColumnType { INTEGER, DECIMAL, TEXT, TIMESTAMP, HEX, LIST }

    public enum ParameterType { PERIOD, IDENTIFIER }

    public record Parameter(String name, ParameterType type, boolean required, String description) {
    }

    public record Column(String name, ColumnType type, String unit, boolean nullable, Source source, String description) {
    }

    /** Whether the report takes this parameter (the page shows a venue field only where it does). */
    public boolean takes(String parameter) {
        return parameters.stream().anyMatch(p -> p.name().equals(parameter));
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }
}
