package io.liqaudit.platform.http;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestMulti;

/**
 * CSV exports (the portal's lists, the reconciliation API): a whole list, read a keyset page at a time as the client takes the
 * body (never held whole), sent as an attachment. Each list says how to read the page after a
 * key, the key of a row, and the lines of a page.
 */
public final class CsvExport {

    /** Rows read per statement. */
    public static final int PAGE = 1000;

    private CsvExport() {
    }

    /**
     * @param pageAfter the page after a key (null: the first page), up to {@link #PAGE} rows
     * @param keyOf     the key of a row, after which the next page starts
     */
    public static <T, K> Multi<String> of(String fileName, String header, Function<K, Uni<List<T>>> pageAfter,
            Function<T, K> keyOf, Function<List<T>, String> lines) {
        AtomicReference<K> after = new AtomicReference<>();
        Multi<String> body = Multi.createBy().repeating()
                .uni(() -> pageAfter.apply(after.get()).map(rows -> {
                    if (!rows.isEmpty()) {
                        after.set(keyOf.apply(rows.get(rows.size() - 1)));
                    }
                    return rows;
                }))
                .until(List::isEmpty)
                .map(lines);
        return RestMulti.fromMultiData(Multi.createBy().concatenating().streams(Multi.createFrom().item(header), body))
                .status(200).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }
}
