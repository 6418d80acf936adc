package io.liqaudit.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import java.math.BigDecimal;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine is a pure package: no framework, no I/O, no binary floating point in its API. */
class EnginePurityTest {

    static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.liqaudit.engine");

    @Test
    void importsNoFramework() {
        noClasses().that().resideInAPackage("io.liqaudit.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "jakarta..", "javax..", "io.smallrye..", "io.vertx..", "com.fasterxml..",
                        "org.hibernate..", "org.jboss..")
                .check(ENGINE);
    }

    @Test
    void dependsOnlyOnTheJdkCoreAndItself() {
        // No I/O, no clock, no randomness outside java.util's collections: records in, records out.
        classes().that().resideInAPackage("io.liqaudit.engine..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java.lang", "java.lang.invoke", "java.lang.runtime", "java.math", "java.util", "java.util.function",
                        "java.util.stream", "java.time", "io.liqaudit.engine..", "")
                .check(ENGINE);
    }

    @Test
    void neverTurnsADecimalIntoBinaryFloatingPoint() {
        noClasses().that().resideInAPackage("io.liqaudit.engine..")
                .should().callMethod(BigDecimal.class, "doubleValue")
                .orShould().callMethod(BigDecimal.class, "floatValue")
                .orShould().callMethod(BigDecimal.class, "valueOf", double.class)
                .orShould().callConstructor(BigDecimal.class, double.class)
                .check(ENGINE);
        noFields().that().areDeclaredInClassesThat().resideInAPackage("io.liqaudit.engine..")
                .should().haveRawType(double.class).orShould().haveRawType(float.class)
                .orShould().haveRawType(Double.class).orShould().haveRawType(Float.class)
                .check(ENGINE);
        noMethods().that().areDeclaredInClassesThat().resideInAPackage("io.liqaudit.engine..")
                .should().haveRawReturnType(double.class).orShould().haveRawReturnType(float.class)
                .check(ENGINE);
    }
}
