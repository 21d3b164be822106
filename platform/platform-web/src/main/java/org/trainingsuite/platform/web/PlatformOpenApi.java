package org.trainingsuite.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * What every service's OpenAPI document says the same way, so that controllers only describe their own
 * operations ({@code @Tag}, {@code @Operation}, {@code @ResponseStatus} on creates):
 * <ul>
 *   <li>the document's title, description, version and contact ({@code platform.openapi.*});</li>
 *   <li>the bearer JWT security scheme, required by every operation (Swagger UI's "Authorize");</li>
 *   <li>the role each operation needs, read from its {@code @PreAuthorize}, at the end of its description and
 *       as {@code x-roles}: the rule the code enforces, so the text cannot drift from it;</li>
 *   <li>the problem-details answers every operation may give (400, 401, 403, 404, 409, 413), each with the
 *       {@code Problem} schema and an example, unless the operation documents that status itself; an error
 *       answer it documents gets the {@code Problem} schema (springdoc would give it the method's return type);</li>
 *   <li>{@code application/json} instead of {@code *}{@code /*} for JSON answers, descriptions of the paging
 *       parameters, and an {@code operationId} made from the summary ("Register a person" becomes
 *       {@code registerPerson}), which generated clients use as method names.</li>
 * </ul>
 */
final class PlatformOpenApi {

    static final String SECURITY_SCHEME = "bearer-jwt";
    static final String PROBLEM_SCHEMA = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM_SCHEMA;
    private static final Pattern ROLE = Pattern.compile("'([A-Z_]+)'");
    private static final Set<String> ARTICLES = Set.of("a", "an", "the");
    private static final Map<String, String> PAGING = Map.of(
            "page", "Page number, from 0 (default 0)",
            "size", "Page size (default 20, at most 200)",
            "sort", "Sort order: a property, optionally followed by `,asc` or `,desc` (e.g. `name,desc`); the "
                    + "properties allowed are the operation's own");

    private PlatformOpenApi() {
    }

    /** The document's info, security scheme and the shared {@code Problem} schema; tags in a stable order. */
    static GlobalOpenApiCustomizer document(String title, String description, String version, String contactName,
                                            String contactEmail, String contactUrl) {
        return openApi -> {
            openApi.setInfo(new Info().title(title).description(description).version(version)
                    .contact(new Contact().name(contactName).email(contactEmail).url(contactUrl)));
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            components.addSecuritySchemes(SECURITY_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("JWT")
                    .description("An access token of the suite's identity provider: `Authorization: Bearer <token>`. "
                            + "Roles come from its `roles` claim (ADMIN, LEARNER), the person from its `sub`."));
            components.addSchemas(PROBLEM_SCHEMA, problemSchema());
            openApi.setComponents(components);
            openApi.setSecurity(List.of(new SecurityRequirement().addList(SECURITY_SCHEME)));
            if (openApi.getTags() != null) {
                List<Tag> tags = new ArrayList<>(openApi.getTags());
                tags.sort(Comparator.comparing(Tag::getName));
                openApi.setTags(tags);
            }
        };
    }

    /** Roles, problem answers, media types, paging parameters and the operation id of each operation. */
    static GlobalOperationCustomizer operations() {
        return (operation, handler) -> {
            RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
            String path = mapping == null || mapping.path().length == 0 ? "" : mapping.path()[0];
            List<String> roles = roles(handler);
            describeRoles(operation, roles, path);
            operationId(operation);
            describePaging(operation);
            jsonAnswers(operation);
            problems(operation, !roles.isEmpty(), path.contains("{"), mapping == null ? null : mapping.method());
            return operation;
        };
    }

    /** The roles named by the handler's (or its class') {@code @PreAuthorize}; empty when any signed-in caller may. */
    static List<String> roles(HandlerMethod handler) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        if (rule == null) {
            return List.of();
        }
        List<String> roles = new ArrayList<>();
        Matcher m = ROLE.matcher(rule.value());
        while (m.find()) {
            roles.add(m.group(1));
        }
        return roles;
    }

    private static void describeRoles(Operation operation, List<String> roles, String path) {
        String line;
        if (roles.isEmpty()) {
            line = path.equals("/me") || path.startsWith("/me/")
                    ? "**Role:** any signed-in person (LEARNER or ADMIN); it acts on the token's subject only."
                    : "**Role:** any signed-in person.";
        } else {
            String names = String.join(" or ", roles);
            line = "**Role:** " + names + (roles.contains("SERVICE")
                    ? " (SERVICE: a client-credentials token of another service of the suite; refused at the gateway)."
                    : ".");
        }
        String description = operation.getDescription();
        operation.setDescription(description == null || description.isBlank() ? line : description.strip() + "\n\n" + line);
        operation.addExtension("x-roles", roles.isEmpty() ? List.of("any") : roles);
    }

    /** "Register a person" becomes {@code registerPerson}: stable, readable method names for generated clients. */
    static String operationId(String summary) {
        StringBuilder id = new StringBuilder();
        for (String word : summary.split("[^A-Za-z0-9]+")) {
            if (word.isEmpty() || ARTICLES.contains(word.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String lower = word.toLowerCase(Locale.ROOT);
            id.append(id.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
        }
        return id.toString();
    }

    private static void operationId(Operation operation) {
        if (operation.getSummary() != null && !operation.getSummary().isBlank()) {
            operation.setOperationId(operationId(operation.getSummary()));
        }
    }

    private static void describePaging(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter p : operation.getParameters()) {
            if ("query".equals(p.getIn()) && p.getDescription() == null && PAGING.containsKey(p.getName())) {
                p.setDescription(PAGING.get(p.getName()));
            }
        }
    }

    /** Spring answers JSON; springdoc writes {@code *}{@code /*} for a return type with no declared media type. */
    private static void jsonAnswers(Operation operation) {
        if (operation.getResponses() == null) {
            return;
        }
        operation.getResponses().forEach((status, response) -> {
            Content content = response.getContent();
            if (content != null && content.containsKey("*/*") && !content.containsKey("application/json")) {
                MediaType any = content.remove("*/*");
                content.addMediaType("application/json", any);
            }
        });
    }

    private static void problems(Operation operation, boolean roleRestricted, boolean hasPathVariables,
                                 org.springframework.web.bind.annotation.RequestMethod[] methods) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean write = methods != null && methods.length > 0 && switch (methods[0]) {
            case POST, PUT, PATCH, DELETE -> true;
            default -> false;
        };
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasInput = hasBody || operation.getParameters() != null && !operation.getParameters().isEmpty();
        Map<String, ApiResponse> added = new TreeMap<>();
        if (hasInput) {
            added.put("400", problem("Invalid request: `errors` names each field or parameter and what is wrong with it",
                    example(400, "validation", "Invalid request", "name: must not be blank",
                            List.of(Map.of("field", "name", "message", "must not be blank")))));
        }
        added.put("401", problem("No token, or a token that is invalid, expired, of another issuer or audience",
                example(401, "unauthorized", "Unauthorized", "A valid bearer token is required", null)));
        if (roleRestricted) {
            added.put("403", problem("The token's roles do not allow this operation (checked before the body is read)",
                    example(403, "forbidden", "Forbidden", "Your role does not allow this action", null)));
        }
        if (hasPathVariables) {
            added.put("404", problem("No such resource, or not one the caller may see",
                    example(404, "not-found", "Not found", "No such resource", null)));
        }
        if (write) {
            added.put("409", problem("The change conflicts with the current state: a stale `version`, or a state "
                            + "that does not allow it; `detail` says which",
                    example(409, "conflict", "Conflict", "The resource was changed meanwhile; read it again", null)));
        }
        if (hasBody) {
            added.put("413", problem("The request body is larger than the service accepts (1 MiB unless stated)",
                    example(413, "too-large", "Request body too large",
                            "The request body may be at most 1 MiB (1048576 bytes)", null)));
        }
        added.forEach((status, response) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, response);
            }
        });
        // an error answer an operation declares itself (@ApiResponse(responseCode = "409", description = ...)) is a
        // problem too: every error of the suite is. springdoc gives a declared answer without content the method's
        // return type, which an error never has; the Problem schema replaces it.
        responses.forEach((status, response) -> {
            if ((status.startsWith("4") || status.startsWith("5"))
                    && (response.getContent() == null || !response.getContent().containsKey(PROBLEM_JSON))) {
                response.setContent(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
            }
        });
        operation.setResponses(sorted(responses));
    }

    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses result = new ApiResponses();
        new TreeMap<>(responses).forEach(result::addApiResponse);
        if (responses.getExtensions() != null) {
            result.setExtensions(responses.getExtensions());
        }
        return result;
    }

    private static ApiResponse problem(String description, Map<String, Object> example) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)).example(example)));
    }

    private static Map<String, Object> example(int status, String type, String title, String detail,
                                               List<Map<String, String>> errors) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", Problems.TYPE_BASE + type);
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        if (errors != null) {
            example.put("errors", errors);
        }
        return example;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Schema fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("The field (`name`, `items[2].price`) or parameter"))
                .addProperty("message", new StringSchema().description("What is wrong with it"));
        return new ObjectSchema()
                .description("An RFC 9457 problem: every error of the suite has this shape")
                .addProperty("type", new StringSchema().format("uri").description("What kind of problem"))
                .addProperty("title", new StringSchema().description("A short, fixed summary of the kind"))
                .addProperty("status", new IntegerSchema().description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What went wrong this time, for a person"))
                .addProperty("instance", new StringSchema().description("The request path"))
                .addProperty("errors", new ArraySchema().items(fieldError)
                        .description("For an invalid request: each field or parameter in error"));
    }
}
