package org.trainingsuite.trainingpass;

import java.util.List;
import org.trainingsuite.platform.messaging.EventType;

/** Every event training-pass-service emits. Payload schemas: {@code src/main/resources/events/<type>.schema.json}. */
public final class TrainingPassEventTypes {

    /** Emitted when a pass type is published (or published again after archiving): its options, prices and items. */
    public static final EventType PASS_TYPE_PUBLISHED = EventType.of("training-pass.pass-type.published.v1", "training-pass.pass-types");
    /** Emitted when a published pass type's description, options or prices change: the whole offer again. */
    public static final EventType PASS_TYPE_UPDATED = EventType.of("training-pass.pass-type.updated.v1", "training-pass.pass-types");
    /** Emitted when a pass type is archived: no new passes; passes already issued keep their access. */
    public static final EventType PASS_TYPE_ARCHIVED = EventType.of("training-pass.pass-type.archived.v1", "training-pass.pass-types");
    /** Emitted when catalog items are added to or removed from a pass type. */
    public static final EventType PASS_TYPE_TRAINING_CHANGED = EventType.of("training-pass.pass-type.training-changed.v1", "training-pass.pass-types");

    /** Emitted when a pass is issued to an account (and maybe a contact), by hand or from an order. */
    public static final EventType PASS_ISSUED = EventType.of("training-pass.pass.issued.v1", "training-pass.passes");
    /** Emitted when a pass is renewed (an option's period or a new expiry); a communication trigger. */
    public static final EventType PASS_RENEWED = EventType.of("training-pass.pass.renewed.v1", "training-pass.passes");
    /** Emitted when a pass's expiry is set by hand (longer or shorter); never a communication trigger. */
    public static final EventType PASS_EXTENDED = EventType.of("training-pass.pass.extended.v1", "training-pass.passes");
    /** Emitted when a pass is cancelled: access ends at once, for good. */
    public static final EventType PASS_CANCELLED = EventType.of("training-pass.pass.cancelled.v1", "training-pass.passes");
    /** Emitted when a pass moves to another contact of the same account. */
    public static final EventType PASS_REASSIGNED = EventType.of("training-pass.pass.reassigned.v1", "training-pass.passes");
    /** Emitted once when a pass's expiry date has passed. */
    public static final EventType PASS_EXPIRED = EventType.of("training-pass.pass.expired.v1", "training-pass.passes");

    public static final List<EventType> ALL = List.of(PASS_TYPE_PUBLISHED, PASS_TYPE_UPDATED, PASS_TYPE_ARCHIVED, PASS_TYPE_TRAINING_CHANGED,
            PASS_ISSUED, PASS_RENEWED, PASS_EXTENDED, PASS_CANCELLED, PASS_REASSIGNED, PASS_EXPIRED);

    private TrainingPassEventTypes() {
    }
}
