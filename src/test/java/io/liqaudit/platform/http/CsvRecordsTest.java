package io.liqaudit.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    private static List<List<String>> all(String text) throws IOException {
        CsvRecords records = new CsvRecords(new StringReader(text));
        List<List<String>> out = new ArrayList<>();
        for (List<String> r = records.next(); r != null; r = records.next()) {
            out.add(r);
        }
        return out;
    }

    @Test
    void recordsCellsQuotesAndLineEndsAreReadAsRfc4180SaysAndWhatWeWrite() throws IOException {
        assertThat(all("a,b\r\n1,\"x, \"\"y\"\"\nz\"\n,\n")).containsExactly(List.of("a", "b"), List.of("1", "x, \"y\"\nz"),
                List.of("", ""));
        assertThat(all("a,b")).containsExactly(List.of("a", "b"));
        assertThat(all("")).isEmpty();
        String written = io.liqaudit.platform.CsvCells.text("=1+1, \"quoted\"");
        assertThat(all(written + "\r\n").get(0)).hasSize(1);
    }

    @Test
    void whatIsNotCsvIsNamedWithItsRecord() {
        assertThatThrownBy(() -> all("a\n\"open")).isInstanceOf(CsvRecords.Malformed.class).hasMessageContaining("record 2");
        assertThatThrownBy(() -> all("\"a\"b\n")).hasMessageContaining("text after a quoted cell");
        assertThatThrownBy(() -> all("x".repeat(CsvRecords.MAX_CELL + 1))).hasMessageContaining("longer than");
    }
}
