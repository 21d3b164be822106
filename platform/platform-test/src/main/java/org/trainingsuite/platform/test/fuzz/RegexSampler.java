package org.trainingsuite.platform.test.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds a string matching a schema {@code pattern}, for the common subset bean validation patterns use
 * (literals, escapes, classes with ranges, groups with alternatives, quantifiers). Anything else gives
 * null, and the caller falls back to a plain value: a pattern it cannot honour only costs a 400.
 */
final class RegexSampler {

    /** Unbounded quantifiers stop here: a valid value need not be long. */
    private static final int EXTRA_REPEATS = 3;
    private static final String PRINTABLE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.";

    private final String pattern;
    private final Random random;
    private int at;

    private RegexSampler(String pattern, Random random) {
        this.pattern = pattern;
        this.random = random;
    }

    /** A string matching {@code pattern}, or null when the pattern uses what this sampler does not know. */
    static String sample(String pattern, Random random) {
        try {
            RegexSampler sampler = new RegexSampler(pattern, random);
            StringBuilder out = new StringBuilder();
            sampler.alternatives(out);
            return sampler.at == pattern.length() ? out.toString() : null;
        } catch (RuntimeException unsupported) {
            return null;
        }
    }

    private void alternatives(StringBuilder out) {
        List<StringBuilder> options = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        options.add(current);
        while (at < pattern.length() && pattern.charAt(at) != ')') {
            if (pattern.charAt(at) == '|') {
                at++;
                current = new StringBuilder();
                options.add(current);
            } else {
                sequenceItem(current);
            }
        }
        out.append(options.get(random.nextInt(options.size())));
    }

    private void sequenceItem(StringBuilder out) {
        char c = pattern.charAt(at);
        if (c == '^' || c == '$') {
            at++;
            return;
        }
        int start = at;
        atom(new StringBuilder()); // parse once to find where the atom ends
        int end = at;
        int[] bounds = quantifier();
        int repeats = bounds[0] + random.nextInt(bounds[1] - bounds[0] + 1);
        int after = at;
        for (int i = 0; i < repeats; i++) {
            at = start;
            atom(out);
        }
        if (repeats == 0) {
            at = end;
        }
        at = after;
    }

    private void atom(StringBuilder out) {
        char c = pattern.charAt(at++);
        switch (c) {
            case '(' -> {
                if (pattern.startsWith("?:", at)) {
                    at += 2;
                } else if (pattern.charAt(at) == '?') {
                    throw new IllegalArgumentException("lookaround");
                }
                alternatives(out);
                expect(')');
            }
            case '[' -> out.append(characterClass());
            case '.' -> out.append(PRINTABLE.charAt(random.nextInt(PRINTABLE.length())));
            case '\\' -> out.append(escape(pattern.charAt(at++)));
            default -> {
                if ("*+?{}|)".indexOf(c) >= 0) {
                    throw new IllegalArgumentException("unexpected " + c);
                }
                out.append(c);
            }
        }
    }

    private String escape(char e) {
        String pool = switch (e) {
            case 'd' -> "0123456789";
            case 'w' -> "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
            case 's' -> " ";
            case 'D', 'W', 'S', 'b', 'B', 'p', 'P' -> throw new IllegalArgumentException("class \\" + e);
            default -> String.valueOf(e);
        };
        return String.valueOf(pool.charAt(random.nextInt(pool.length())));
    }

    private char characterClass() {
        boolean negated = pattern.charAt(at) == '^';
        if (negated) {
            at++;
        }
        StringBuilder members = new StringBuilder();
        boolean first = true;
        while (first || pattern.charAt(at) != ']') {
            first = false;
            char c = pattern.charAt(at++);
            if (c == '\\') {
                char e = pattern.charAt(at++);
                switch (e) {
                    case 'd' -> members.append("0123456789");
                    case 'w' -> members.append("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
                    case 's' -> members.append(' ');
                    case 'D', 'W', 'S', 'p', 'P' -> throw new IllegalArgumentException("class \\" + e);
                    default -> members.append(e);
                }
                continue;
            }
            if (pattern.charAt(at) == '-' && pattern.charAt(at + 1) != ']') {
                char to = pattern.charAt(at + 1);
                at += 2;
                for (char x = c; x <= to; x++) {
                    members.append(x);
                }
            } else {
                members.append(c);
            }
        }
        at++; // ']'
        if (negated) {
            StringBuilder allowed = new StringBuilder();
            for (char x : PRINTABLE.toCharArray()) {
                if (members.indexOf(String.valueOf(x)) < 0) {
                    allowed.append(x);
                }
            }
            members = allowed;
        }
        return members.charAt(random.nextInt(members.length()));
    }

    private int[] quantifier() {
        if (at >= pattern.length()) {
            return new int[] {1, 1};
        }
        int[] bounds = switch (pattern.charAt(at)) {
            case '?' -> new int[] {0, 1};
            case '*' -> new int[] {0, EXTRA_REPEATS};
            case '+' -> new int[] {1, 1 + EXTRA_REPEATS};
            case '{' -> null;
            default -> new int[] {1, 1};
        };
        if (bounds == null) {
            int close = pattern.indexOf('}', at);
            String[] parts = pattern.substring(at + 1, close).split(",", -1);
            int min = Integer.parseInt(parts[0].trim());
            int max = parts.length == 1 ? min
                    : parts[1].isBlank() ? min + EXTRA_REPEATS : Integer.parseInt(parts[1].trim());
            bounds = new int[] {min, Math.min(max, Math.max(min, 1) + 7)};
            at = close + 1;
        } else if (bounds[0] != 1 || bounds[1] != 1) {
            at++;
        }
        if (at < pattern.length() && (pattern.charAt(at) == '?' || pattern.charAt(at) == '+')) {
            at++; // lazy or possessive: same strings
        }
        return bounds;
    }

    private void expect(char c) {
        if (at >= pattern.length() || pattern.charAt(at) != c) {
            throw new IllegalArgumentException("expected " + c);
        }
        at++;
    }
}
