package org.trainingsuite.trainingpass.passtype;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Payloads of the {@code training-pass.pass-types} topic. */
public final class PassTypeEvents {

    private PassTypeEvents() {
    }

    /** {@code training-pass.pass-type.published.v1}: the pass type as offered, with its options and items. */
    public record PassTypePublished(UUID passTypeId, String code, String name, String description,
                                    List<OptionView> options, List<String> itemIds) {
    }

    /** {@code training-pass.pass-type.archived.v1}. */
    public record PassTypeArchived(UUID passTypeId, String code, String name) {
    }

    /** {@code training-pass.pass-type.training-changed.v1}: what one change added and removed, and the total. */
    public record TrainingChanged(UUID passTypeId, String code, PublicationStatus status, List<String> addedItemIds,
                                  List<String> removedItemIds, long itemCount) {
    }

    public record OptionView(UUID optionId, String name, int periodValue, Period.Unit periodUnit,
                             PublicationStatus status, List<PriceView> prices) {

        static OptionView of(PassOption option) {
            return new OptionView(option.getId(), option.getName(), option.period().value(), option.period().unit(),
                    option.getStatus(), option.getPrices().stream().map(PriceView::of).toList());
        }
    }

    public record PriceView(UUID priceId, String region, PricingMethod method, String currency, BigDecimal amount) {

        static PriceView of(PassPrice price) {
            return new PriceView(price.getId(), price.getRegion(), price.getMethod(), price.getCurrency(), price.getAmount());
        }
    }
}
