package org.trainingsuite.trainingpass.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trainingsuite.platform.web.PageResponse;
import org.trainingsuite.platform.web.Paging;
import org.trainingsuite.platform.web.PlatformSecurity;

@RestController
@PreAuthorize("hasRole('ADMIN')")
class OrderController {

    private final OrderService orders;

    OrderController(OrderService orders) {
        this.orders = orders;
    }

    record OrderRequest(@NotNull UUID accountId, @NotNull UUID passTypeId, @NotNull UUID optionId, @NotNull UUID priceId,
                        @NotNull Integer quantity, @NotBlank @Size(max = 50) String taxLevel,
                        @Size(max = 100) String opportunityRef, @Size(max = 100) String interestRef) {
    }

    /**
     * @param passIds   the passes the order has issued (empty while open)
     * @param issuedNow how many this request issued: 0 when the order had been accepted before
     */
    record OrderResponse(UUID id, UUID accountId, UUID passTypeId, UUID optionId, UUID priceId, int quantity,
                         String taxLevel, String opportunityRef, String interestRef, OrderStatus status,
                         Instant acceptedAt, List<UUID> passIds, int issuedNow) {

        static OrderResponse of(OrderService.OrderWithPasses o) {
            PassOrder order = o.order();
            return new OrderResponse(order.getId(), order.getAccountId(), order.getPassTypeId(), order.getOptionId(),
                    order.getPriceId(), order.getQuantity(), order.getTaxLevel(), order.getOpportunityRef(),
                    order.getInterestRef(), order.getStatus(), order.getAcceptedAt(), o.passIds(), o.issuedNow());
        }
    }

    @PostMapping("/orders")
    ResponseEntity<OrderResponse> place(@Valid @RequestBody OrderRequest request) {
        PassOrder order = orders.placeOrder(request.accountId(), request.passTypeId(), request.optionId(), request.priceId(),
                request.quantity(), request.taxLevel().trim(), request.opportunityRef(), request.interestRef());
        return ResponseEntity.created(URI.create("/orders/" + order.getId()))
                .body(OrderResponse.of(new OrderService.OrderWithPasses(order, List.of(), 0)));
    }

    @GetMapping("/orders/{id}")
    OrderResponse get(@PathVariable UUID id) {
        return OrderResponse.of(orders.get(id));
    }

    /** The account's orders; the passes each issued are listed by {@code GET /orders/{id}}. */
    @GetMapping("/orders")
    PageResponse<OrderResponse> ofAccount(@RequestParam UUID accountId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(orders.ofAccount(accountId, Paging.of(page, size, null, Set.of(),
                Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("id")))),
                o -> OrderResponse.of(new OrderService.OrderWithPasses(o, List.of(), 0)));
    }

    /** Issues the order's passes; accepting again answers the same order and issues nothing. */
    @PostMapping("/orders/{id}/accept")
    OrderResponse accept(@PathVariable UUID id, Authentication auth) {
        return OrderResponse.of(orders.accept(id, PlatformSecurity.personId(auth)));
    }
}
