package org.trainingsuite.trainingpass.passtype;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A catalog item included in a pass type, with the title and category it had when added. */
@Entity
@Table(name = "pass_type_item")
@IdClass(PassTypeItem.Key.class)
public class PassTypeItem {

    @Id
    private UUID passTypeId;
    @Id
    private String itemId;
    @Enumerated(EnumType.STRING)
    private ItemType itemType;
    private String title;
    private String category;
    private Instant addedAt;

    protected PassTypeItem() {
    }

    public UUID getPassTypeId() {
        return passTypeId;
    }

    public String getItemId() {
        return itemId;
    }

    public ItemType getItemType() {
        return itemType;
    }

    public String getTitle() {
        return title;
    }

    public String getCategory() {
        return category;
    }

    public Instant getAddedAt() {
        return addedAt;
    }

    public record Key(UUID passTypeId, String itemId) implements Serializable {

        public Key() {
            this(null, null);
        }
    }
}
