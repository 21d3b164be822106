package org.trainingsuite.platform.web;

import java.util.Locale;

/**
 * Turns a search box's text into a case-insensitive "contains" pattern for SQL/JPQL {@code LIKE ...
 * escape '\'}, with the wildcards a user may type ({@code %}, {@code _}) escaped so they match literally.
 */
public final class LikePattern {

    private LikePattern() {
    }

    /** {@code null} or blank matches everything. */
    public static String contains(String text) {
        if (text == null || text.isBlank()) {
            return "%";
        }
        String escaped = text.trim().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
