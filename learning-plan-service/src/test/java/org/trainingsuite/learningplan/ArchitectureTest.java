package org.trainingsuite.learningplan;

import org.junit.jupiter.api.Test;
import org.trainingsuite.platform.test.ServiceArchitecture;

class ArchitectureTest {

    @Test
    void entitiesStayPlainAndServicesNeitherCallControllersNorTheBroker() {
        ServiceArchitecture.check("org.trainingsuite.learningplan");
    }
}
