package org.trainingsuite.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.trainingsuite.platform.errors.InvalidInputException;

class PagingTest {

    private static final Set<String> SORTABLE = Set.of("name", "createdAt");

    @Test
    void defaultsToTheFirstPageOfTwentyInTheDefaultOrder() {
        Pageable pageable = Paging.of(null, null, null, SORTABLE, Sort.by("name"));
        assertThat(pageable.getPageNumber()).isZero();
        assertThat(pageable.getPageSize()).isEqualTo(20);
        assertThat(pageable.getSort()).isEqualTo(Sort.by("name"));
    }

    @Test
    void aSortOnAnOfferedPropertyIsDescendingWhenAskedAndTiesBreakOnId() {
        Pageable pageable = Paging.of(2, 50, "createdAt,desc", SORTABLE, Sort.by("name"));
        assertThat(pageable.getPageNumber()).isEqualTo(2);
        assertThat(pageable.getSort()).isEqualTo(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("id")));
    }

    @Test
    void outOfRangeValuesAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> Paging.of(-1, 10, null, SORTABLE, Sort.unsorted()))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("page");
        assertThatThrownBy(() -> Paging.of(0, 0, null, SORTABLE, Sort.unsorted()))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("size");
        assertThatThrownBy(() -> Paging.of(0, Paging.MAX_SIZE + 1, null, SORTABLE, Sort.unsorted()))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("size");
        assertThatThrownBy(() -> Paging.of(0, 10, "password", SORTABLE, Sort.unsorted()))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("sort");
        assertThatThrownBy(() -> Paging.of(0, 10, "name,sideways", SORTABLE, Sort.unsorted()))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("sort");
    }
}
