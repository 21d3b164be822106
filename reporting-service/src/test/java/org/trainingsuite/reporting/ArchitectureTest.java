package org.trainingsuite.reporting;

import org.junit.jupiter.api.Test;
import org.trainingsuite.platform.test.ServiceArchitecture;

class ArchitectureTest {

    @Test
    void servicesNeitherCallControllersNorTheBroker() {
        ServiceArchitecture.check("org.trainingsuite.reporting");
    }
}
