package org.trainingsuite.catalog;

import java.util.List;
import org.trainingsuite.platform.messaging.EventType;

/** Every event catalog-service emits. Payload schemas: {@code src/main/resources/events/<type>.schema.json}. */
public final class CatalogEventTypes {

    /** Emitted when a program is published: its details, sessions and credits. */
    public static final EventType PROGRAM_PUBLISHED = EventType.of("catalog.program.published.v1", "catalog.programs");
    /** Emitted when a published program changes (details or sessions). */
    public static final EventType PROGRAM_UPDATED = EventType.of("catalog.program.updated.v1", "catalog.programs");
    /** Emitted when a program is archived: no new enrollments. */
    public static final EventType PROGRAM_ARCHIVED = EventType.of("catalog.program.archived.v1", "catalog.programs");
    /** Emitted when a person is enrolled on a session or starts an activity. */
    public static final EventType ENROLLED = EventType.of("catalog.enrollment.enrolled.v1", "catalog.enrollments");
    /** Emitted when an enrollment is cancelled (by an admin, or by the learner where allowed). */
    public static final EventType ENROLLMENT_CANCELLED = EventType.of("catalog.enrollment.cancelled.v1", "catalog.enrollments");
    /** Emitted when an enrollment loses its access because its source went away (a cancelled pass). */
    public static final EventType ENROLLMENT_REVOKED = EventType.of("catalog.enrollment.revoked.v1", "catalog.enrollments");
    /** Emitted when a person completes the session or activity of an enrollment, with the credits earned. */
    public static final EventType ENROLLMENT_COMPLETED = EventType.of("catalog.enrollment.completed.v1", "catalog.enrollments");
    /** Emitted when an item (program or learning plan) is added to a catalog. */
    public static final EventType CATALOG_ITEM_ADDED = EventType.of("catalog.catalog.item-added.v1", "catalog.catalogs");
    /** Emitted when an item is removed from a catalog. */
    public static final EventType CATALOG_ITEM_REMOVED = EventType.of("catalog.catalog.item-removed.v1", "catalog.catalogs");

    public static final List<EventType> ALL = List.of(PROGRAM_PUBLISHED, PROGRAM_UPDATED, PROGRAM_ARCHIVED, ENROLLED,
            ENROLLMENT_CANCELLED, ENROLLMENT_REVOKED, ENROLLMENT_COMPLETED, CATALOG_ITEM_ADDED, CATALOG_ITEM_REMOVED);

    private CatalogEventTypes() {
    }
}
