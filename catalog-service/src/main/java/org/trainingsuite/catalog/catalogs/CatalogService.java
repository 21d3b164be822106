package org.trainingsuite.catalog.catalogs;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trainingsuite.catalog.CatalogEventTypes;
import org.trainingsuite.platform.errors.ConflictException;
import org.trainingsuite.platform.errors.InvalidInputException;
import org.trainingsuite.platform.errors.NotFoundException;
import org.trainingsuite.platform.messaging.outbox.Outbox;

@Service
public class CatalogService {

    /** What a catalog offers. */
    public enum ItemKind { PROGRAM, LEARNING_PLAN }

    /** One item of a catalog, with its title (a plan's from learning-plan events; "unknown" until one arrived). */
    public record Item(ItemKind kind, UUID itemId, String title, Instant addedAt) {
    }

    /** Payload of {@code catalog.catalog.item-added.v1} / {@code item-removed.v1}. */
    public record ItemChanged(UUID catalogId, String catalogName, ItemKind itemKind, UUID itemId) {
    }

    /** What a bulk change did. */
    public record ItemsChange(int changed, int unchanged) {
    }

    private final CatalogRepository catalogs;
    private final Outbox outbox;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    CatalogService(CatalogRepository catalogs, Outbox outbox, JdbcTemplate jdbc, Clock clock) {
        this.catalogs = catalogs;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Catalog createCatalog(String name, String audience) {
        if (catalogs.nameTaken(name)) {
            throw new ConflictException("a catalog named " + name + " exists already");
        }
        return catalogs.saveAndFlush(Catalog.create(name, audience, clock.instant()));
    }

    /** Adds items, one or many; programs must exist. Items already in the catalog are left as they are. */
    @Transactional
    public ItemsChange addItems(UUID catalogId, ItemKind kind, List<UUID> itemIds) {
        Catalog catalog = catalogs.findForUpdate(catalogId).orElseThrow(() -> NotFoundException.of("catalog", catalogId));
        UUID[] ids = itemIds.stream().distinct().toArray(UUID[]::new);
        if (kind == ItemKind.PROGRAM) {
            List<UUID> unknown = jdbc.queryForList("""
                    select wanted.item_id from unnest(?::uuid[]) as wanted(item_id)
                    where not exists (select 1 from program p where p.id = wanted.item_id)
                    """, UUID.class, (Object) ids);
            if (!unknown.isEmpty()) {
                throw new InvalidInputException("itemIds", "no program " + unknown.subList(0, Math.min(20, unknown.size())));
            }
        }
        List<UUID> added = jdbc.queryForList("""
                insert into catalog_item (catalog_id, item_kind, item_id, added_at)
                select ?, ?, id, ? from unnest(?::uuid[]) as id
                on conflict do nothing returning item_id
                """, UUID.class, catalogId, kind.name(), Timestamp.from(clock.instant()), ids);
        outbox.recordAll(CatalogEventTypes.CATALOG_ITEM_ADDED, added.stream().map(id -> new Outbox.Event(
                catalogId.toString(), new ItemChanged(catalogId, catalog.getName(), kind, id))).toList());
        return new ItemsChange(added.size(), ids.length - added.size());
    }

    @Transactional
    public ItemsChange removeItems(UUID catalogId, ItemKind kind, List<UUID> itemIds) {
        Catalog catalog = catalogs.findForUpdate(catalogId).orElseThrow(() -> NotFoundException.of("catalog", catalogId));
        UUID[] ids = itemIds.stream().distinct().toArray(UUID[]::new);
        List<UUID> removed = jdbc.queryForList("""
                delete from catalog_item where catalog_id = ? and item_kind = ? and item_id = any(?) returning item_id
                """, UUID.class, catalogId, kind.name(), ids);
        outbox.recordAll(CatalogEventTypes.CATALOG_ITEM_REMOVED, removed.stream().map(id -> new Outbox.Event(
                catalogId.toString(), new ItemChanged(catalogId, catalog.getName(), kind, id))).toList());
        return new ItemsChange(removed.size(), ids.length - removed.size());
    }

    @Transactional(readOnly = true)
    public Catalog get(UUID id) {
        return catalogs.findById(id).orElseThrow(() -> NotFoundException.of("catalog", id));
    }

    @Transactional(readOnly = true)
    public Page<Catalog> all(Pageable pageable) {
        return catalogs.findAll(pageable);
    }

    @Transactional(readOnly = true)
    /** @param includeUnpublished whether draft and archived programs are listed (admins only) */
    public Page<Item> items(UUID catalogId, boolean includeUnpublished, Pageable pageable) {
        get(catalogId);
        List<Item> items = new ArrayList<>();
        long[] total = {0};
        jdbc.query("""
                select ci.item_kind, ci.item_id, ci.added_at, coalesce(p.title, kp.title, 'unknown') as title,
                       count(*) over () as total
                from catalog_item ci
                left join program p on ci.item_kind = 'PROGRAM' and p.id = ci.item_id
                left join known_plan kp on ci.item_kind = 'LEARNING_PLAN' and kp.id = ci.item_id
                where ci.catalog_id = ? and (? or ci.item_kind <> 'PROGRAM' or p.status = 'PUBLISHED')
                order by title, ci.item_id limit ? offset ?
                """, rs -> {
            total[0] = rs.getLong("total");
            items.add(new Item(ItemKind.valueOf(rs.getString("item_kind")), rs.getObject("item_id", UUID.class),
                    rs.getString("title"), rs.getTimestamp("added_at").toInstant()));
        }, catalogId, includeUnpublished, pageable.getPageSize(), pageable.getOffset());
        return new PageImpl<>(items, pageable, total[0]);
    }
}
