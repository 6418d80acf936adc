package io.liqaudit.disclosure;

import static io.restassured.RestAssured.given;

import io.liqaudit.platform.http.CsvRecords;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A public CSV table as a reader takes it: records (quoted cells read as one), or rows by column name. */
final class PublicCsv {

    private PublicCsv() {
    }

    /** Every record, the header first. */
    static List<List<String>> records(String csv) {
        try {
            CsvRecords in = new CsvRecords(new StringReader(csv));
            List<List<String>> out = new ArrayList<>();
            for (List<String> r = in.next(); r != null; r = in.next()) {
                out.add(r);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page's table for a scope, each row by column name. */
    static List<Map<String, String>> rows(String page, String table, Map<String, String> scope) {
        List<List<String>> all = records(given().queryParams(scope).queryParam("table", table).get("/disclosures/" + page + ".csv")
                .then().statusCode(200).extract().asString());
        List<Map<String, String>> out = new ArrayList<>();
        for (List<String> r : all.subList(1, all.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < r.size(); i++) {
                row.put(all.get(0).get(i), r.get(i));
            }
            out.add(row);
        }
        return out;
    }

    /** The sum of a column over rows (an empty cell counts nothing). */
    static BigDecimal sum(List<Map<String, String>> rows, String column) {
        return rows.stream().map(r -> r.get(column)).filter(v -> v != null && !v.isEmpty()).map(BigDecimal::new)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
