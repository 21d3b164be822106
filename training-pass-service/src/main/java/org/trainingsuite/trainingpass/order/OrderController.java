package org.trainingsuite.trainingpass.order;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trainingsuite.platform.web.PageResponse;
import org.trainingsuite.platform.web.Paging;
import org.trainingsuite.platform.web.PlatformSecurity;

@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Orders", description = "Orders from sales opportunities: an interest naming a pass type, option, price, "
        + "quantity and tax level. An order is OPEN until accepted; accepting it issues its passes to the account, "
        + "once. Nothing is charged: prices and tax levels are recorded only.")
class OrderController {

    private final OrderService orders;

    OrderController(OrderService orders) {
        this.orders = orders;
    }

    record OrderRequest(
            @Schema(description = "The account the passes are for; the directory must know it",
                    example = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9")
            @NotNull UUID accountId,
            @Schema(description = "A published pass type", example = "3f2b6c1e-8a4d-4c1b-9e7a-2d5f6a7b8c9d")
            @NotNull UUID passTypeId,
            @Schema(description = "A published option of that pass type",
                    example = "9b1c2d3e-4f5a-4b6c-8d7e-0f1a2b3c4d5e")
            @NotNull UUID optionId,
            @Schema(description = "One of the option's prices", example = "c7d8e9f0-1a2b-4c3d-9e4f-5a6b7c8d9e0f")
            @NotNull UUID priceId,
            @Schema(description = "How many passes the order issues: 1 to 10000", example = "25")
            @NotNull Integer quantity,
            @Schema(description = "The tax level of the sale, recorded as given", example = "STANDARD")
            @NotBlank @Size(max = 50) String taxLevel,
            @Schema(description = "Optional: the sales opportunity's reference, carried by the passes issued",
                    example = "OPP-2026-0142")
            @Size(max = 100) String opportunityRef,
            @Schema(description = "Optional: the interest's reference within the opportunity, carried by the passes "
                    + "issued", example = "INT-1")
            @Size(max = 100) String interestRef) {
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
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Place an order", description = "Records an order from a sales opportunity for an account the "
            + "directory knows: a published pass type and option, one of the option's prices, a quantity and a tax "
            + "level. The order is OPEN and issues nothing until it is accepted. Answers the order, with its address "
            + "in `Location`.")
    @ApiResponse(responseCode = "201", description = "The order, OPEN")
    @ApiResponse(responseCode = "409", description = "The pass type or the option is not published")
    ResponseEntity<OrderResponse> place(@Valid @RequestBody OrderRequest request) {
        PassOrder order = orders.placeOrder(request.accountId(), request.passTypeId(), request.optionId(), request.priceId(),
                request.quantity(), request.taxLevel().trim(), request.opportunityRef(), request.interestRef());
        return ResponseEntity.created(URI.create("/orders/" + order.getId()))
                .body(OrderResponse.of(new OrderService.OrderWithPasses(order, List.of(), 0)));
    }

    @GetMapping("/orders/{id}")
    @Operation(summary = "Read an order", description = "The order with its status, when it was accepted and the ids "
            + "of the passes it issued (none while OPEN); `issuedNow` is 0 here.")
    OrderResponse get(@PathVariable UUID id) {
        return OrderResponse.of(orders.get(id));
    }

    /** The account's orders; the passes each issued are listed by {@code GET /orders/{id}}. */
    @GetMapping("/orders")
    @Operation(summary = "List the orders of an account", description = "The account's orders, newest first. `passIds` "
            + "is empty here: the passes each order issued are listed by `GET /orders/{id}`.")
    PageResponse<OrderResponse> ofAccount(
            @Parameter(description = "The account whose orders to list") @RequestParam UUID accountId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(orders.ofAccount(accountId, Paging.of(page, size, null, Set.of(),
                Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("id")))),
                o -> OrderResponse.of(new OrderService.OrderWithPasses(o, List.of(), 0)));
    }

    /** Issues the order's passes; accepting again answers the same order and issues nothing. */
    @PostMapping("/orders/{id}/accept")
    @Operation(summary = "Accept an order", description = "Issues the order's passes to its account (`quantity` of "
            + "them, without a contact, carrying the order id and the opportunity and interest references) and marks "
            + "the order ACCEPTED. Accepting again, even at the same moment, issues nothing more: the answer is the "
            + "same order with `issuedNow` 0.")
    @ApiResponse(responseCode = "200", description = "The order, ACCEPTED, with its passes; `issuedNow` says how many "
            + "this request issued")
    @ApiResponse(responseCode = "409", description = "The pass type or the option is no longer published: nothing is "
            + "issued and the order stays OPEN")
    OrderResponse accept(@PathVariable UUID id, Authentication auth) {
        return OrderResponse.of(orders.accept(id, PlatformSecurity.personId(auth)));
    }
}
