package org.trainingsuite.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.trainingsuite.catalog");

    @Test
    void entitiesKnowNothingOfWebMessagingOrSpringButMayRaiseThePlatformsErrors() {
        noClasses().that().areAnnotatedWith(Entity.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.trainingsuite.platform.web..",
                        "org.trainingsuite.platform.messaging..")
                .check(classes);
    }

    @Test
    void servicesDoNotDependOnControllersOrTalkToTheBrokerDirectly() {
        noClasses().that().haveSimpleNameEndingWith("Service")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Controller")
                .orShould().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.cloud.stream..")
                .check(classes);
    }
}
