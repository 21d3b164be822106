package org.trainingsuite.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Function;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;

/**
 * Query and path parameters of a date type are read as ISO-8601 and held to {@link InputRules}'s years,
 * like dates in a body; a failure is a 400 naming the parameter (type mismatch).
 */
final class BoundedDateConverters {

    private BoundedDateConverters() {
    }

    static void register(FormatterRegistry registry) {
        registry.addConverter(String.class, LocalDate.class, bounded(LocalDate::parse));
        registry.addConverter(String.class, Instant.class, bounded(Instant::parse));
        registry.addConverter(String.class, OffsetDateTime.class, bounded(OffsetDateTime::parse));
    }

    private static <T> Converter<String, T> bounded(Function<String, T> parse) {
        return text -> {
            if (text.isBlank()) {
                return null;
            }
            T value = parse.apply(text.trim());
            String problem = InputRules.dateProblem(value);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            return value;
        };
    }
}
