package org.trainingsuite.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.function.Supplier;

/**
 * The bearer token a service presents when it calls another (role {@code SERVICE}). Service tokens are
 * short-lived (the receiving service refuses one that lives longer than
 * {@code platform.security.service-token-max-lifetime}), so a service does not hold one for good: it reads
 * it from a file that the platform keeps fresh (a Kubernetes projected token, or the local stack's token
 * refresher) and reads the file again whenever it changes. A literal token is for tests.
 */
public final class ServiceTokens {

    private ServiceTokens() {
    }

    /**
     * @param literal a token to use as it is, or blank
     * @param file    a file holding the current token, re-read when modified; or blank
     */
    public static Supplier<String> of(String literal, String file) {
        if (file != null && !file.isBlank()) {
            return new FromFile(Path.of(file));
        }
        String token = literal == null ? "" : literal.trim();
        return () -> token;
    }

    private static final class FromFile implements Supplier<String> {

        private final Path file;
        private FileTime readAt;
        private String token = "";

        FromFile(Path file) {
            this.file = file;
        }

        @Override
        public synchronized String get() {
            try {
                FileTime modified = Files.getLastModifiedTime(file);
                if (!modified.equals(readAt)) {
                    token = Files.readString(file).trim();
                    readAt = modified;
                }
                return token;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the service token file " + file, e);
            }
        }
    }
}
