package org.trainingsuite.catalog.passes;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.trainingsuite.platform.messaging.IncomingEvent;
import tools.jackson.databind.JsonNode;

/**
 * What catalog-service knows of training passes, from {@code training-pass.pass-types} and
 * {@code training-pass.passes}: which pass types include which items, and which person holds which pass
 * until when. Browsing the catalog (badges, "filter by my pass") never calls training-pass-service.
 * Pass events carry the whole pass, so each one simply replaces what was known of that pass.
 */
@Component
public class PassProjection {

    /** The badge a learner sees on an item. */
    public enum Badge {
        /** An active pass of theirs includes it (the green badge). */
        INCLUDED_IN_MY_PASS,
        /** A published pass includes it, but none of theirs (the yellow badge). */
        INCLUDED_IN_OTHER_PASS,
        NONE
    }

    /**
     * The badge of one item for one learner; {@code passTypeIds}: the published pass types including the
     * item and the learner's own (even of an archived type), so they can filter by any of their passes.
     */
    public record ItemBadge(Badge badge, List<UUID> passTypeIds, List<UUID> myPassTypeIds) {

        public static final ItemBadge NONE = new ItemBadge(Badge.NONE, List.of(), List.of());
    }

    /** An active pass of a person that includes an item. */
    public record PassGrant(UUID passId, UUID passTypeId, LocalDate expiresOn) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PassProjection(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void passTypePublished(IncomingEvent event) {
        JsonNode p = event.payload();
        UUID id = UUID.fromString(p.get("passTypeId").asString());
        upsertType(id, p.get("code").asString(), p.get("name").asString(), "PUBLISHED");
        jdbc.update("delete from pass_type_item where pass_type_id = ?", id);
        List<String> items = new ArrayList<>();
        p.get("itemIds").forEach(item -> items.add(item.asString()));
        addItems(id, items);
    }

    void passTypeArchived(IncomingEvent event) {
        JsonNode p = event.payload();
        upsertType(UUID.fromString(p.get("passTypeId").asString()), p.get("code").asString(), p.get("name").asString(),
                "ARCHIVED");
    }

    void trainingChanged(IncomingEvent event) {
        JsonNode p = event.payload();
        UUID id = UUID.fromString(p.get("passTypeId").asString());
        upsertType(id, p.get("code").asString(), p.get("code").asString(), p.get("status").asString());
        List<String> added = new ArrayList<>();
        p.get("addedItemIds").forEach(item -> added.add(item.asString()));
        addItems(id, added);
        List<String> removed = new ArrayList<>();
        p.get("removedItemIds").forEach(item -> removed.add(item.asString()));
        if (!removed.isEmpty()) {
            jdbc.update("delete from pass_type_item where pass_type_id = ? and item_id = any(?)", id,
                    removed.toArray(String[]::new));
        }
    }

    void passChanged(IncomingEvent event) {
        JsonNode p = event.payload();
        JsonNode contact = p.get("contactId");
        jdbc.update("""
                insert into person_pass (pass_id, person_id, pass_type_id, status, expires_on, version) values (?, ?, ?, ?, ?, ?)
                on conflict (pass_id) do update set person_id = excluded.person_id, pass_type_id = excluded.pass_type_id,
                    status = excluded.status, expires_on = excluded.expires_on, version = excluded.version
                where person_pass.version < excluded.version
                """, UUID.fromString(p.get("passId").asString()), contact == null || contact.isNull() ? null : contact.asString(),
                UUID.fromString(p.get("passTypeId").asString()), p.get("status").asString(),
                Date.valueOf(LocalDate.parse(p.get("expiresOn").asString())), p.get("version").asLong());
    }

    /**
     * Access Now, inside the booking transaction: locks what this service knows of the pass, creating a
     * placeholder from training-pass-service's answer if no event has arrived yet, so a cancellation event
     * applied meanwhile waits for the booking and then revokes it. Refuses a pass already known cancelled.
     */
    public void lockForBooking(UUID passId, String personId, UUID passTypeId, LocalDate expiresOn) {
        jdbc.update("""
                insert into person_pass (pass_id, person_id, pass_type_id, status, expires_on, version)
                values (?, ?, ?, 'ACTIVE', ?, -1) on conflict (pass_id) do nothing
                """, passId, personId, passTypeId, Date.valueOf(expiresOn));
        String status = jdbc.queryForObject("select status from person_pass where pass_id = ? for update", String.class, passId);
        if ("CANCELLED".equals(status)) {
            throw new org.trainingsuite.platform.errors.ConflictException("training pass " + passId + " has been cancelled");
        }
    }

    /** Badges of many items for one person, in one query. */
    public Map<String, ItemBadge> badges(String personId, Collection<String> itemIds) {
        Map<String, List<UUID>> published = new HashMap<>();
        Map<String, List<UUID>> mine = new HashMap<>();
        jdbc.query("""
                select i.item_id, i.pass_type_id, t.status = 'PUBLISHED' as published,
                       exists (select 1 from person_pass pp where pp.person_id = ? and pp.pass_type_id = i.pass_type_id
                               and pp.status = 'ACTIVE' and pp.expires_on >= ?) as mine
                from pass_type_item i join known_pass_type t on t.id = i.pass_type_id
                where i.item_id = any(?)
                order by i.item_id, i.pass_type_id
                """, rs -> {
            String item = rs.getString("item_id");
            UUID type = rs.getObject("pass_type_id", UUID.class);
            if (rs.getBoolean("published")) {
                published.computeIfAbsent(item, k -> new ArrayList<>()).add(type);
            }
            if (rs.getBoolean("mine")) {
                mine.computeIfAbsent(item, k -> new ArrayList<>()).add(type);
            }
        }, personId, Date.valueOf(today()), itemIds.toArray(String[]::new));
        Map<String, ItemBadge> badges = new HashMap<>();
        for (String item : itemIds) {
            List<UUID> all = published.getOrDefault(item, List.of());
            List<UUID> own = mine.getOrDefault(item, List.of());
            Badge badge = !own.isEmpty() ? Badge.INCLUDED_IN_MY_PASS : !all.isEmpty() ? Badge.INCLUDED_IN_OTHER_PASS : Badge.NONE;
            List<UUID> union = new ArrayList<>(all);
            own.stream().filter(type -> !union.contains(type)).forEach(union::add);
            badges.put(item, badge == Badge.NONE ? ItemBadge.NONE : new ItemBadge(badge, union, own));
        }
        return badges;
    }

    /** The person's active passes that include the item, the longest-running first (as this service knows them). */
    public List<PassGrant> activePassesIncluding(String personId, String itemId) {
        return jdbc.query("""
                select pp.pass_id, pp.pass_type_id, pp.expires_on from person_pass pp
                join pass_type_item i on i.pass_type_id = pp.pass_type_id and i.item_id = ?
                where pp.person_id = ? and pp.status = 'ACTIVE' and pp.expires_on >= ?
                order by pp.expires_on desc, pp.pass_id
                """, (rs, n) -> new PassGrant(rs.getObject("pass_id", UUID.class), rs.getObject("pass_type_id", UUID.class),
                rs.getObject("expires_on", LocalDate.class)), itemId, personId, Date.valueOf(today()));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private void upsertType(UUID id, String code, String name, String status) {
        jdbc.update("""
                insert into known_pass_type (id, code, name, status) values (?, ?, ?, ?)
                on conflict (id) do update set code = excluded.code, status = excluded.status,
                    name = case when excluded.name = excluded.code then known_pass_type.name else excluded.name end
                """, id, code, name, status);
    }

    private void addItems(UUID passTypeId, List<String> itemIds) {
        if (!itemIds.isEmpty()) {
            jdbc.update("""
                    insert into pass_type_item (pass_type_id, item_id) select ?, unnest(?::varchar[])
                    on conflict do nothing
                    """, passTypeId, itemIds.toArray(String[]::new));
        }
    }
}
