package org.trainingsuite.trainingpass.order;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trainingsuite.platform.errors.InvalidInputException;
import org.trainingsuite.platform.errors.NotFoundException;
import org.trainingsuite.trainingpass.directory.DirectoryProjection;
import org.trainingsuite.trainingpass.pass.Pass;
import org.trainingsuite.trainingpass.pass.PassRepository;
import org.trainingsuite.trainingpass.pass.PassService;
import org.trainingsuite.trainingpass.passtype.PassOption;
import org.trainingsuite.trainingpass.passtype.PassType;
import org.trainingsuite.trainingpass.passtype.PassTypeService;

@Service
public class OrderService {

    /** Passes one order may issue: one transaction, bounded. */
    public static final int MAX_QUANTITY = 10_000;

    private final OrderRepository orders;
    private final PassTypeService passTypes;
    private final PassService passService;
    private final PassRepository passes;
    private final DirectoryProjection directory;
    private final Clock clock;

    OrderService(OrderRepository orders, PassTypeService passTypes, PassService passService, PassRepository passes,
            DirectoryProjection directory, Clock clock) {
        this.orders = orders;
        this.passTypes = passTypes;
        this.passService = passService;
        this.passes = passes;
        this.directory = directory;
        this.clock = clock;
    }

    /** An order and the passes it issued (none while open). */
    public record OrderWithPasses(PassOrder order, List<UUID> passIds, int issuedNow) {
    }

    @Transactional
    public PassOrder placeOrder(UUID accountId, UUID passTypeId, UUID optionId, UUID priceId, int quantity,
            String taxLevel, String opportunityRef, String interestRef) {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new InvalidInputException("quantity", "must be between 1 and " + MAX_QUANTITY);
        }
        directory.requireAccount(accountId, "accountId");
        PassType type = passTypes.get(passTypeId);
        PassOption option = type.issuableOption(optionId);
        if (option.price(priceId).isEmpty()) {
            throw new InvalidInputException("priceId", "option " + option.getName() + " has no price " + priceId);
        }
        return orders.saveAndFlush(PassOrder.place(accountId, passTypeId, optionId, priceId, quantity, taxLevel,
                opportunityRef, interestRef, clock.instant()));
    }

    /**
     * Issues the order's passes to its account. The order row is locked for the transaction, so a
     * concurrent or repeated acceptance finds it ACCEPTED and issues nothing more.
     */
    @Transactional
    public OrderWithPasses accept(UUID orderId, String actor) {
        PassOrder order = orders.findForUpdate(orderId).orElseThrow(() -> NotFoundException.of("order", orderId));
        if (!order.accept(clock.instant())) {
            return withPasses(order, 0);
        }
        PassType type = passTypes.get(order.getPassTypeId());
        Pass.Origin origin = new Pass.Origin(order.getId(), order.getOpportunityRef(), order.getInterestRef());
        List<UUID> issued = passService.issueMany(type, order.getOptionId(), order.getAccountId(), order.getQuantity(),
                origin, actor).stream().map(Pass::getId).toList();
        orders.saveAndFlush(order);
        return new OrderWithPasses(order, issued, issued.size());
    }

    @Transactional(readOnly = true)
    public OrderWithPasses get(UUID orderId) {
        return withPasses(orders.findById(orderId).orElseThrow(() -> NotFoundException.of("order", orderId)), 0);
    }

    @Transactional(readOnly = true)
    public Page<PassOrder> ofAccount(UUID accountId, Pageable pageable) {
        return orders.findByAccountId(accountId, pageable);
    }

    private OrderWithPasses withPasses(PassOrder order, int issuedNow) {
        return new OrderWithPasses(order, passes.findByOrderIdOrderById(order.getId()).stream().map(Pass::getId).toList(),
                issuedNow);
    }
}
