package org.trainingsuite.directory;

import java.util.Locale;

/** A case-insensitive "contains" pattern for LIKE, with the wildcards of the search text escaped. */
public final class Like {

    private Like() {
    }

    /** {@code null} or blank matches everything. */
    public static String pattern(String text) {
        if (text == null || text.isBlank()) {
            return "%";
        }
        String escaped = text.trim().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
