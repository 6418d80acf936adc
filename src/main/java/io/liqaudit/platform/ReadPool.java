package io.liqaudit.platform;

/**
 * The readers' connection pool ({@code quarkus.datasource.reads.*}): pages, API reads and proofs
 * take their connections from it, so writers — however many, however slow — can never leave a
 * reader waiting for a connection. Readers inject it as
 * {@code @ReactiveDataSource(ReadPool.NAME) Pool}; ArchitectureTest keeps them to it.
 */
public final class ReadPool {

    public static final String NAME = "reads";

    private ReadPool() {
    }
}
