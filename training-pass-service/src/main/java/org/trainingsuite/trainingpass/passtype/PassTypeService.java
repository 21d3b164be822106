package org.trainingsuite.trainingpass.passtype;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trainingsuite.platform.errors.ConflictException;
import org.trainingsuite.platform.errors.NotFoundException;
import org.trainingsuite.platform.messaging.outbox.Outbox;
import org.trainingsuite.platform.web.LikePattern;
import org.trainingsuite.trainingpass.TrainingPassEventTypes;
import org.trainingsuite.trainingpass.passtype.PassTypeEvents.OptionView;

@Service
public class PassTypeService {

    static final int CHUNK = 1000;

    private final PassTypeRepository types;
    private final PassTypeItemRepository items;
    private final Outbox outbox;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    PassTypeService(PassTypeRepository types, PassTypeItemRepository items, Outbox outbox, JdbcTemplate jdbc, Clock clock) {
        this.types = types;
        this.items = items;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A catalog item to include. */
    public record NewItem(String itemId, ItemType itemType, String title, String category) {
    }

    /** What a bulk change of included items did. */
    public record ItemsChange(List<String> changed, int unchanged, long itemCount) {
    }

    @Transactional
    public PassType createPassType(String code, String name, String description) {
        requireFreeCode(code, new UUID(0, 0));
        return types.saveAndFlush(PassType.draft(code, name, description, clock.instant()));
    }

    @Transactional
    public PassType describePassType(UUID id, String code, String name, String description, long expectedVersion) {
        return change(id, type -> {
            requireVersion(type, expectedVersion);
            requireFreeCode(code, id);
            type.describe(code, name, description, clock.instant());
            return type;
        });
    }

    @Transactional
    public PassOption addOption(UUID id, String name, Period period) {
        return change(id, type -> type.addOption(name, period, clock.instant()));
    }

    @Transactional
    public PassPrice addPrice(UUID id, UUID optionId, String region, PricingMethod method, String currency, BigDecimal amount) {
        return change(id, type -> type.addPrice(optionId, region, method, currency, amount, clock.instant()));
    }

    @Transactional
    public PassType removePrice(UUID id, UUID optionId, UUID priceId) {
        return change(id, type -> {
            type.removePrice(optionId, priceId, clock.instant());
            return type;
        });
    }

    @Transactional
    public PassType publishOption(UUID id, UUID optionId) {
        return change(id, type -> {
            type.publishOption(optionId, clock.instant());
            return type;
        });
    }

    @Transactional
    public PassType archiveOption(UUID id, UUID optionId) {
        return change(id, type -> {
            type.archiveOption(optionId, clock.instant());
            return type;
        });
    }

    @Transactional
    public PassType publish(UUID id) {
        PassType type = lock(id);
        if (type.publish(clock.instant())) {
            types.saveAndFlush(type);
            outbox.record(TrainingPassEventTypes.PASS_TYPE_PUBLISHED, id.toString(), snapshot(type));
        }
        return type;
    }

    @Transactional
    public PassType archive(UUID id) {
        PassType type = lock(id);
        if (type.archive(clock.instant())) {
            types.saveAndFlush(type);
            outbox.record(TrainingPassEventTypes.PASS_TYPE_ARCHIVED, id.toString(),
                    new PassTypeEvents.PassTypeArchived(id, type.getCode(), type.getName()));
        }
        return type;
    }

    /** Includes catalog items, one or many; items already included are left as they are. */
    @Transactional
    public ItemsChange addItems(UUID id, List<NewItem> newItems) {
        PassType type = lock(id);
        Map<String, NewItem> byId = new LinkedHashMap<>();
        newItems.forEach(item -> byId.putIfAbsent(item.itemId(), item));
        List<String> ids = List.copyOf(byId.keySet());
        List<String> added = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            List<NewItem> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK)).stream().map(byId::get).toList();
            // one statement per chunk; "returning" names exactly the items that were not included yet
            added.addAll(jdbc.queryForList("""
                    insert into pass_type_item (pass_type_id, item_id, item_type, title, category, added_at)
                    select ?, item_id, item_type, title, category, ?
                    from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[]) as x(item_id, item_type, title, category)
                    on conflict (pass_type_id, item_id) do nothing
                    returning item_id
                    """, String.class, id, Timestamp.from(now),
                    chunk.stream().map(NewItem::itemId).toArray(String[]::new),
                    chunk.stream().map(item -> item.itemType().name()).toArray(String[]::new),
                    chunk.stream().map(NewItem::title).toArray(String[]::new),
                    chunk.stream().map(NewItem::category).toArray(String[]::new)));
        }
        return trainingChanged(type, added, List.of(), ids.size() - added.size());
    }

    @Transactional
    public ItemsChange removeItems(UUID id, List<String> itemIds) {
        PassType type = lock(id);
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(itemIds));
        List<String> removed = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
            List<String> included = items.findIncluded(id, chunk);
            if (!included.isEmpty()) {
                items.deleteItems(id, included);
                removed.addAll(included);
            }
        }
        return trainingChanged(type, List.of(), removed, ids.size() - removed.size());
    }

    private ItemsChange trainingChanged(PassType type, List<String> added, List<String> removed, int unchanged) {
        long count = items.countByPassTypeId(type.getId());
        if (!added.isEmpty() || !removed.isEmpty()) {
            outbox.record(TrainingPassEventTypes.PASS_TYPE_TRAINING_CHANGED, type.getId().toString(),
                    new PassTypeEvents.TrainingChanged(type.getId(), type.getCode(), type.getStatus(), added, removed, count));
        }
        return new ItemsChange(added.isEmpty() ? removed : added, unchanged, count);
    }

    /**
     * One change to a pass type's offer: locked, changed, saved and, if the type is published, announced
     * with the whole offer again.
     */
    private <T> T change(UUID id, java.util.function.Function<PassType, T> change) {
        PassType type = lock(id);
        T result = change.apply(type);
        types.saveAndFlush(type);
        announceUpdate(type);
        return result;
    }

    private PassType lock(UUID id) {
        return types.findForUpdate(id).orElseThrow(() -> NotFoundException.of("pass type", id));
    }

    /** A published pass type's options, prices or description changed: consumers get the whole offer again. */
    private void announceUpdate(PassType type) {
        if (type.getStatus() == PublicationStatus.PUBLISHED) {
            types.flush();
            outbox.record(TrainingPassEventTypes.PASS_TYPE_UPDATED, type.getId().toString(), snapshot(type));
        }
    }

    private PassTypeEvents.PassTypePublished snapshot(PassType type) {
        return new PassTypeEvents.PassTypePublished(type.getId(), type.getCode(), type.getName(), type.getDescription(),
                type.getOptions().stream().map(OptionView::of).toList(), items.itemIds(type.getId()));
    }

    @Transactional(readOnly = true)
    public PassType get(UUID id) {
        return types.findById(id).orElseThrow(() -> NotFoundException.of("pass type", id));
    }

    @Transactional(readOnly = true)
    public Page<PassType> search(String query, PublicationStatus status, Pageable pageable) {
        return types.search(LikePattern.contains(query), status == null, status, pageable);
    }

    @Transactional(readOnly = true)
    public Page<PassTypeItem> items(UUID passTypeId, String query, ItemType type, String category, Pageable pageable) {
        if (passTypeId != null) {
            get(passTypeId);
        }
        return items.search(passTypeId == null, passTypeId, LikePattern.contains(query), type == null, type,
                category == null || category.isBlank(), category, pageable);
    }

    /** Which pass types include each of these items. */
    @Transactional(readOnly = true)
    public Map<String, List<UUID>> passTypesIncluding(List<String> itemIds) {
        Map<String, List<UUID>> result = new LinkedHashMap<>();
        items.findByItemIds(itemIds).forEach(i -> result.computeIfAbsent(i.getItemId(), k -> new ArrayList<>()).add(i.getPassTypeId()));
        return result;
    }

    private void requireFreeCode(String code, UUID id) {
        if (types.codeTakenByOther(code, id)) {
            throw new ConflictException("a pass type with code " + code + " exists already");
        }
    }

    private static void requireVersion(PassType type, long expectedVersion) {
        if (type.getVersion() != expectedVersion) {
            throw new OptimisticLockingFailureException("pass type " + type.getId() + " is at version " + type.getVersion());
        }
    }
}
