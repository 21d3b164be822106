package org.trainingsuite.platform.web;

import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.trainingsuite.platform.errors.InvalidInputException;

/**
 * Turns {@code page}, {@code size} and {@code sort} query parameters into a {@link Pageable}, refusing
 * (400, naming the parameter) a negative page, a page starting past row {@value #MAX_OFFSET}, a size
 * outside 1..{@value #MAX_SIZE} and a sort on a property the resource does not offer.
 */
public final class Paging {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;
    /** The furthest row a page may start at: ten million rows, far past any list a person pages through. */
    public static final long MAX_OFFSET = 10_000_000;

    private Paging() {
    }

    /**
     * @param sort     e.g. {@code name} or {@code name,desc}; null for {@code defaultSort}
     * @param sortable the properties a client may sort by
     */
    public static Pageable of(Integer page, Integer size, String sort, Set<String> sortable, Sort defaultSort) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE);
        }
        // the offset (page * size) must stay a row number a database can skip to
        if ((long) p * s > MAX_OFFSET) {
            throw new InvalidInputException("page", "must be at most " + MAX_OFFSET / s + " with size " + s);
        }
        return PageRequest.of(p, s, sort == null || sort.isBlank() ? defaultSort : parse(sort, sortable));
    }

    private static Sort parse(String sort, Set<String> sortable) {
        String[] parts = sort.split(",");
        String property = parts[0].trim();
        if (!sortable.contains(property)) {
            throw new InvalidInputException("sort", "can be one of " + String.join(", ", sortable.stream().sorted().toList()));
        }
        Sort.Direction direction = Sort.Direction.ASC;
        if (parts.length > 1) {
            direction = Sort.Direction.fromOptionalString(parts[1].trim())
                    .orElseThrow(() -> new InvalidInputException("sort", "direction must be asc or desc"));
        }
        return Sort.by(direction, property).and(Sort.by("id"));
    }
}
