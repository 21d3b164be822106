package org.trainingsuite.platform.test;

import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine can be used for Testcontainers, asked cheaply before asking Testcontainers. */
final class Docker {

    private static volatile Boolean available;

    private Docker() {
    }

    static boolean available() {
        Boolean local = available;
        if (local == null) {
            local = probe();
            available = local;
        }
        return local;
    }

    private static boolean probe() {
        if ("false".equalsIgnoreCase(System.getenv("TEST_USE_DOCKER"))) {
            return false;
        }
        boolean hint = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        if (!hint) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
