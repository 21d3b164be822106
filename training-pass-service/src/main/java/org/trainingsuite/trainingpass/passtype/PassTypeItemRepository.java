package org.trainingsuite.trainingpass.passtype;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PassTypeItemRepository extends JpaRepository<PassTypeItem, PassTypeItem.Key> {

    @Query("select i.itemId from PassTypeItem i where i.passTypeId = :passTypeId and i.itemId in :itemIds")
    List<String> findIncluded(@Param("passTypeId") UUID passTypeId, @Param("itemIds") Collection<String> itemIds);

    @Query("select i.itemId from PassTypeItem i where i.passTypeId = :passTypeId order by i.itemId")
    List<String> itemIds(@Param("passTypeId") UUID passTypeId);

    long countByPassTypeId(UUID passTypeId);

    @Modifying
    @Query("delete from PassTypeItem i where i.passTypeId = :passTypeId and i.itemId in :itemIds")
    int deleteItems(@Param("passTypeId") UUID passTypeId, @Param("itemIds") Collection<String> itemIds);

    /** Items of all pass types (or one), by text, type and category. */
    @Query("""
            select i from PassTypeItem i
            where (:anyPassType = true or i.passTypeId = :passTypeId)
            and lower(i.title) like :pattern escape '\\'
            and (:anyType = true or i.itemType = :itemType)
            and (:anyCategory = true or lower(i.category) = lower(:category))
            """)
    Page<PassTypeItem> search(@Param("anyPassType") boolean anyPassType, @Param("passTypeId") UUID passTypeId,
            @Param("pattern") String pattern, @Param("anyType") boolean anyType, @Param("itemType") ItemType itemType,
            @Param("anyCategory") boolean anyCategory, @Param("category") String category, Pageable pageable);

    @Query("select i from PassTypeItem i where i.itemId in :itemIds")
    List<PassTypeItem> findByItemIds(@Param("itemIds") Collection<String> itemIds);
}
