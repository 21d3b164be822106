package org.trainingsuite.platform.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The architecture rules every service keeps, checked with ArchUnit on its main classes:
 * <ul>
 *   <li>entities (the domain) know nothing of Spring, the web or messaging; they may raise the platform's
 *       plain error types;</li>
 *   <li>services do not depend on controllers and never talk to the broker directly (events go through
 *       the outbox);</li>
 *   <li>no two records share a simple name: the OpenAPI document names a schema by it, so two {@code Step}
 *       records of different shapes would be documented as one, and a generated client would type one
 *       operation's answer with the other's fields.</li>
 * </ul>
 */
public final class ServiceArchitecture {

    private ServiceArchitecture() {
    }

    /** Fails with the list of violations, if any, in the classes under {@code rootPackage}. */
    public static void check(String rootPackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
        noClasses().that().areAnnotatedWith("jakarta.persistence.Entity")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..",
                        "org.trainingsuite.platform.web..", "org.trainingsuite.platform.messaging..")
                .allowEmptyShould(true) // a service may keep its data without JPA entities
                .check(classes);
        noClasses().that().haveSimpleNameEndingWith("Service")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Controller")
                .orShould().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.cloud.stream..")
                .allowEmptyShould(true)
                .check(classes);
        Map<String, List<String>> records = new TreeMap<>();
        classes.stream().filter(c -> c.isRecord()).forEach(c ->
                records.computeIfAbsent(c.getSimpleName(), k -> new ArrayList<>()).add(c.getFullName()));
        records.values().removeIf(names -> names.size() < 2);
        assertThat(records).as("records sharing a simple name (the API document would show one schema for both)")
                .isEmpty();
    }
}
