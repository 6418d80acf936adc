package io.liqaudit.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A CSV export reads page after page, each after the last key of the one before, to the end: no row twice or missing. */
class CsvExportTest {

    @Test
    void everyRowOnceInOrderAcrossPages() {
        List<Long> rows = LongStream.range(0, 2 * CsvExport.PAGE + 7).boxed().toList();
        List<Long> asked = new ArrayList<>();
        List<String> chunks = CsvExport.of("x.csv", "n\r\n", (Long after) -> {
            asked.add(after);
            int from = after == null ? 0 : (int) (after + 1);
            return Uni.createFrom().item(rows.subList(Math.min(from, rows.size()), Math.min(from + CsvExport.PAGE, rows.size())));
        }, (Long row) -> row, page -> page.stream().map(n -> n + "\r\n").collect(Collectors.joining()))
                .collect().asList().await().indefinitely();
        assertThat(chunks.get(0)).isEqualTo("n\r\n");
        assertThat(String.join("", chunks.subList(1, chunks.size()))).isEqualTo(
                rows.stream().map(n -> n + "\r\n").collect(Collectors.joining()));
        assertThat(asked).containsExactly(null, (long) CsvExport.PAGE - 1, 2L * CsvExport.PAGE - 1, 2L * CsvExport.PAGE + 6);
    }
}
