package io.liqaudit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Guard rails: who may touch the database, and which tables belong to which package. */
class ArchitectureTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.liqaudit");

    @Test
    void resourcesNeverHoldTheSqlPool() {
        noClasses().that().areAnnotatedWith(jakarta.ws.rs.Path.class)
                .should().dependOnClassesThat().haveFullyQualifiedName("io.vertx.mutiny.sqlclient.Pool")
                .because("a resource is a thin HTTP shell; queries live in services and repositories")
                .check(MAIN);
    }

    /** Readers take connections only from the readers' pool, so writers can never starve them (issue 13). */
    @Test
    void readersUseTheReadersPool() {
        List<String> offenders = new ArrayList<>();
        MAIN.stream().filter(c -> c.getSimpleName().endsWith("Queries") || c.getSimpleName().equals("LedgerProofs"))
                .forEach(c -> {
                    for (java.lang.reflect.Constructor<?> ctor : c.reflect().getDeclaredConstructors()) {
                        for (java.lang.reflect.Parameter p : ctor.getParameters()) {
                            io.quarkus.reactive.datasource.ReactiveDataSource named =
                                    p.getAnnotation(io.quarkus.reactive.datasource.ReactiveDataSource.class);
                            if (p.getType() == io.vertx.mutiny.sqlclient.Pool.class
                                    && (named == null || !named.value().equals(io.liqaudit.platform.ReadPool.NAME))) {
                                offenders.add(c.getName());
                            }
                        }
                    }
                });
        assertThat(offenders).as("readers on the writers' pool").isEmpty();
        assertThat(MAIN.stream().filter(c -> c.getSimpleName().endsWith("Queries")).count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theEngineImportsNoOtherPackageOfOurs() {
        noClasses().that().resideInAPackage("io.liqaudit.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("io.liqaudit.platform..", "io.liqaudit.liquidation..",
                        "io.liqaudit.ledger..", "io.liqaudit.fund..", "io.liqaudit.disclosure..", "io.liqaudit.security..")
                .check(MAIN);
    }

    /** The log's tables (ledger_head, merkle_node, checkpoint) are read and written only by the ledger package. */
    @Test
    void theLogsTablesAreTouchedOnlyByTheLedger() throws IOException {
        // SQL that names one of them as a table: from, into, update or join it (words like "checkpoint" in prose are fine).
        Pattern logTables = Pattern.compile("\\b(from|into|update|join)\\s+(ledger_head|merkle_node|checkpoint)\\b",
                Pattern.CASE_INSENSITIVE);
        List<String> offenders = new ArrayList<>();
        Path root = Path.of("src/main/java/io/liqaudit");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (file.startsWith(root.resolve("ledger"))) {
                    continue;
                }
                String text = Files.readString(file);
                if (logTables.matcher(text).find()) {
                    offenders.add(root.relativize(file).toString());
                }
            }
        }
        assertThat(offenders).as("files outside ledger/ that query the log's tables").isEmpty();
    }

    /** Derived state (event_status, disclosure_*) has one owner: only standing/ writes it. */
    @Test
    void onlyTheOwnerWritesDerivedState() throws IOException {
        Pattern writes = Pattern.compile("(insert into|update|delete from|truncate)\\s+(event_status|disclosure_\\w+)",
                Pattern.CASE_INSENSITIVE);
        List<String> offenders = new ArrayList<>();
        Path root = Path.of("src/main/java/io/liqaudit");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (!file.startsWith(root.resolve("standing")) && writes.matcher(Files.readString(file)).find()) {
                    offenders.add(root.relativize(file).toString());
                }
            }
        }
        assertThat(offenders).as("files outside standing/ that write event_status or disclosure_*").isEmpty();
    }

    @Test
    void writersOfFactsImportNoReader() {
        noClasses().that().resideInAnyPackage("io.liqaudit.liquidation..", "io.liqaudit.fund..", "io.liqaudit.verification..",
                        "io.liqaudit.standing..")
                .should().dependOnClassesThat().resideInAnyPackage("io.liqaudit.disclosure..", "io.liqaudit.portal..")
                .check(MAIN);
    }

    /** One way to read an event with its standing: the view current_event, never the join written again. */
    @Test
    void eventsWithTheirStandingAreReadThroughTheView() throws IOException {
        Pattern join = Pattern.compile("join\\s+(event_status|recomputation)\\b", Pattern.CASE_INSENSITIVE);
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (join.matcher(Files.readString(file)).find()) {
                    offenders.add(file.toString());
                }
            }
        }
        assertThat(offenders).as("files that join event_status or recomputation themselves").isEmpty();
    }
}
