package org.trainingsuite.catalog.program;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Catalog search: PostgreSQL full-text search over title, category, description and objectives (a
 * stored, GIN-indexed {@code tsvector}; no LIKE scans), with filters on category, type, delivery, catalog
 * and "included in pass type X". Text queries use web-search syntax ({@code "first aid" -online}) and
 * are ranked; without text, results are in title order.
 */
@Component
public class ProgramSearch {

    private final JdbcTemplate jdbc;

    ProgramSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Filters; nulls match everything. */
    public record Criteria(String text, String category, ProgramType type, Delivery delivery, UUID catalogId,
                           UUID passTypeId, ProgramStatus status, InPass inPass) {

        public Criteria(String text, String category, ProgramType type, Delivery delivery, UUID catalogId,
                UUID passTypeId, ProgramStatus status) {
            this(text, category, type, delivery, catalogId, passTypeId, status, null);
        }
    }

    /**
     * "Already in another pass": whether a pass type other than {@code except} (not archived) includes the
     * program; {@code included} false asks for programs that no other pass includes.
     */
    public record InPass(boolean included, UUID except) {
    }

    /** Properties a client may sort by; the default is relevance with text, title without. */
    public static final java.util.Set<String> SORTABLE = java.util.Set.of("title", "credits", "createdAt");

    private static final java.util.Map<String, String> COLUMNS = java.util.Map.of(
            "title", "p.title", "credits", "p.credits", "createdAt", "p.created_at");

    /** One search result. */
    public record Hit(UUID id, ProgramType type, Delivery delivery, String title, String category, BigDecimal credits,
                      ProgramStatus status, double rank) {
    }

    @Transactional(readOnly = true)
    public Page<Hit> search(Criteria c, Pageable pageable) {
        boolean text = c.text() != null && !c.text().isBlank();
        StringBuilder sql = new StringBuilder("select p.id, p.type, p.delivery, p.title, p.category, p.credits, p.status, ");
        List<Object> args = new ArrayList<>();
        if (text) {
            sql.append("ts_rank(p.search, q) as rank, count(*) over () as total from program p, websearch_to_tsquery('english', ?) q where p.search @@ q");
            args.add(c.text().trim());
        } else {
            sql.append("0 as rank, count(*) over () as total from program p where true");
        }
        if (c.status() != null) {
            sql.append(" and p.status = ?");
            args.add(c.status().name());
        }
        if (c.category() != null && !c.category().isBlank()) {
            sql.append(" and lower(p.category) = ?");
            args.add(c.category().trim().toLowerCase(Locale.ROOT));
        }
        if (c.type() != null) {
            sql.append(" and p.type = ?");
            args.add(c.type().name());
        }
        if (c.delivery() != null) {
            sql.append(" and p.delivery = ?");
            args.add(c.delivery().name());
        }
        if (c.catalogId() != null) {
            sql.append(" and exists (select 1 from catalog_item ci where ci.catalog_id = ? and ci.item_kind = 'PROGRAM' and ci.item_id = p.id)");
            args.add(c.catalogId());
        }
        if (c.passTypeId() != null) {
            sql.append(" and exists (select 1 from pass_type_item i where i.pass_type_id = ? and i.item_id = p.id::text)");
            args.add(c.passTypeId());
        }
        if (c.inPass() != null) {
            sql.append(c.inPass().included() ? " and" : " and not")
                    .append(" exists (select 1 from pass_type_item i join known_pass_type t on t.id = i.pass_type_id")
                    .append(" where i.item_id = p.id::text and t.status <> 'ARCHIVED' and i.pass_type_id is distinct from ?)");
            args.add(c.inPass().except());
        }
        if (pageable.getSort().isSorted()) {
            sql.append(" order by ");
            for (org.springframework.data.domain.Sort.Order order : pageable.getSort()) {
                String column = COLUMNS.get(order.getProperty());
                if (column != null) {
                    sql.append(column).append(order.isAscending() ? " asc, " : " desc, ");
                }
            }
            sql.append("p.id");
        } else {
            sql.append(text ? " order by rank desc, p.title, p.id" : " order by p.title, p.id");
        }
        sql.append(" limit ? offset ?");
        args.add(pageable.getPageSize());
        args.add(pageable.getOffset());
        long[] total = {0};
        List<Hit> hits = jdbc.query(sql.toString(), (rs, n) -> {
            total[0] = rs.getLong("total");
            return new Hit(rs.getObject("id", UUID.class), ProgramType.valueOf(rs.getString("type")),
                    Delivery.valueOf(rs.getString("delivery")), rs.getString("title"), rs.getString("category"),
                    rs.getBigDecimal("credits"), ProgramStatus.valueOf(rs.getString("status")), rs.getDouble("rank"));
        }, args.toArray());
        if (hits.isEmpty() && pageable.getOffset() > 0) {
            // past the last page: count separately so the client still learns the total
            return new PageImpl<>(hits, pageable, count(c));
        }
        return new PageImpl<>(hits, pageable, total[0]);
    }

    private long count(Criteria c) {
        Page<Hit> first = search(c, org.springframework.data.domain.PageRequest.of(0, 1));
        return first.getTotalElements();
    }
}
