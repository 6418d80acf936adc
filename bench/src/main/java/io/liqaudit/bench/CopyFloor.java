package io.liqaudit.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.postgresql.PGConnection;

/** The floor the database sets for ingest, shared by the ingest benchmarks: plain COPY of the same rows. */
final class CopyFloor {

    private CopyFloor() {
    }

    /** The database's floor: the same canonical inputs COPYed into a table with no index or constraint. */
    static long nanos(String jdbc, List<String> canonical) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "liqaudit", "liqaudit")) {
            try (Statement s = c.createStatement()) {
                s.execute("drop table if exists bench_copy_floor");
                s.execute("create table bench_copy_floor (n bigint, input text)");
            }
            StringBuilder tsv = new StringBuilder();
            for (int i = 0; i < canonical.size(); i++) {
                tsv.append(i).append('\t').append(canonical.get(i).replace("\\", "\\\\")).append('\n');
            }
            long start = System.nanoTime();
            ((PGConnection) c.unwrap(PGConnection.class)).getCopyAPI()
                    .copyIn("copy bench_copy_floor from stdin", new StringReader(tsv.toString()));
            long nanos = System.nanoTime() - start;
            try (Statement s = c.createStatement()) {
                s.execute("drop table bench_copy_floor");
            }
            return nanos;
        }
    }
}
