package app.slipway.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Generated compose files, written as templates where each place that names the renamed service
 * holds a marker. Rendering the template with the old name gives the input; with the new name,
 * the one and only acceptable output: so the result, with renamed occurrences mapped back, is the
 * input byte for byte. The old name is also scattered where it is NOT a reference (comments,
 * commands, images, container names, labels, another file's extends, container: volumes).
 */
class ComposeFileEditorPropertyTest {
    private static final long BASE_SEED = 77_000L;
    private static final int FILES = 300;
    private static final char NAME = '\u0000';
    private static final char COMMON = '\u0001';
    private static final char DEPS = '\u0002';
    private static final List<String> FROM = List.of("worker", "worker-legacy", "old.worker", "w");
    private static final List<String> TO = List.of("job", "job_v2", "jobs.new", "job-2");
    private static final List<String> OTHERS = List.of("web", "db", "cache", "worker2", "my-worker", "app.web");

    private final Map<String, Integer> coverage = new TreeMap<>();

    @Test
    void renameChangesExactlyTheReferencesAndLoadsTheSame() {
        for (int n = 0; n < FILES; n++) {
            long seed = BASE_SEED + n;
            Random random = new Random(seed);
            String from = FROM.get(random.nextInt(FROM.size()));
            String to = TO.get(random.nextInt(TO.size()));
            Generator generator = new Generator(random, from, coverage);
            String template = generator.file();
            String original = template.replace(String.valueOf(NAME), from);
            String expected = template.replace(String.valueOf(NAME), to);
            String context = "seed " + seed + ", renaming " + from + " to " + to + " in:\n" + original;

            assertEquals(generator.serviceNames(), ComposeFileEditor.serviceNames(original), context);
            String renamed = ComposeFileEditor.renameService(original, from, to);
            assertEquals(expected, renamed, context);
            assertEquals(renamed, ComposeFileEditor.renameService(renamed, from, to), "idempotent; " + context);

            Map<String, Object> before = services(original);
            Map<String, Object> after = services(renamed);
            Map<String, Object> oracle = LoadedRename.services(before, from, to);
            assertEquals(List.copyOf(oracle.keySet()), List.copyOf(after.keySet()), context);
            assertEquals(LoadedRename.service(before.get(from), from, to), after.get(to), "same content; " + context);
            assertEquals(oracle, after, context);
        }
        for (String form : List.of("key plain", "key quoted", "depends_on block list", "depends_on flow list",
                "depends_on block map", "depends_on flow map", "depends_on alias", "merge", "links", "extends",
                "volumes_from", "network_mode", "crlf", "no final newline")) {
            assertTrue(coverage.getOrDefault(form, 0) >= 10, "generator rarely reaches '" + form + "': " + coverage);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services(String yaml) {
        Map<String, Object> root = new Yaml().load(yaml);
        return (Map<String, Object>) root.get("services");
    }

    /** Writes one compose file template; {@link #NAME} marks each reference to the renamed service. */
    private static final class Generator {
        private final Random random;
        private final String from;
        private final Map<String, Integer> coverage;
        private final StringBuilder text = new StringBuilder();
        private final String indent;
        private final int endings; // 0 LF, 1 CRLF, 2 mixed
        private final List<String> services = new ArrayList<>();
        private boolean commonAnchor;
        private boolean depsAnchor;
        private boolean commonUsed;
        private boolean depsUsed;
        /** While writing an anchor: its own marker, resolved once we know whether any service uses it. */
        private char nameMarker = NAME;

        Generator(Random random, String from, Map<String, Integer> coverage) {
            this.random = random;
            this.from = from;
            this.coverage = coverage;
            this.indent = random.nextBoolean() ? "  " : "    ";
            this.endings = random.nextInt(3);
            List<String> others = new ArrayList<>(OTHERS);
            Collections.shuffle(others, random);
            services.addAll(others.subList(0, 1 + random.nextInt(4)));
            services.add(random.nextInt(services.size() + 1), from);
        }

        List<String> serviceNames() {
            return services;
        }

        String file() {
            count(endings == 1 ? "crlf" : "lf");
            for (int i = random.nextInt(4); i > 0; i--) {
                line(0, random.nextBoolean() ? "" : "# " + comment());
            }
            if (random.nextBoolean()) {
                line(0, "version: \"3.8\"");
            }
            if (random.nextInt(3) == 0) {
                commonAnchor = true;
                line(0, "x-common: &common");
                line(1, "restart: unless-stopped");
                if (random.nextBoolean()) {
                    nameMarker = COMMON;
                    dependsOn(1, references(null));
                    nameMarker = NAME;
                }
                line(1, "labels: {tier: \"café ☕\", role: " + from + "}");
            }
            if (random.nextInt(3) == 0) {
                depsAnchor = true;
                line(0, "x-deps: &deps");
                line(1, "- " + scalar(String.valueOf(DEPS)));
                line(1, "- " + scalar("db"));
            }
            line(0, "services:");
            for (String service : services) {
                service(service);
            }
            if (random.nextBoolean()) {
                line(0, "volumes:");
                line(1, "db-data:");
                line(1, from + "-data: {}");
            }
            if (random.nextInt(5) == 0) {
                count("no final newline");
                text.setLength(text.length() - (text.charAt(text.length() - 2) == '\r' ? 2 : 1));
            }
            // an anchor no service uses is not a reference: its mention of the old name stays
            return text.toString()
                    .replace(COMMON, commonUsed ? NAME : COMMON).replace(String.valueOf(COMMON), from)
                    .replace(DEPS, depsUsed ? NAME : DEPS).replace(String.valueOf(DEPS), from);
        }

        private void service(String name) {
            if (random.nextInt(3) == 0) {
                line(random.nextInt(2), random.nextBoolean() ? "" : "# " + comment());
            }
            String key = scalar(template(name));
            if (name.equals(from)) {
                count(key.startsWith("'") || key.startsWith("\"") ? "key quoted" : "key plain");
            }
            line(1, key + ":");
            List<String> keys = new ArrayList<>(List.of("command", "container_name", "environment", "labels",
                    "depends_on", "links", "extends", "volumes_from", "network_mode", "healthcheck"));
            if (commonAnchor) {
                keys.add("<<");
            }
            Collections.shuffle(keys, random);
            List<String> chosen = new ArrayList<>(keys.subList(0, random.nextInt(keys.size() + 1)));
            chosen.add(random.nextInt(chosen.size() + 1), "image");
            for (String setting : chosen) {
                setting(setting, references(name));
            }
        }

        private void setting(String key, List<String> refs) {
            switch (key) {
                case "image" -> line(2, "image: " + pick("example/" + from + ":1.2", "postgres:16",
                        "\"registry.gitlab.com/stratado/server:${STRATA_VERSION:-latest}\""));
                case "command" -> line(2, "command: " + pick(from + " --queue " + from, "[\"./bin/jobs\", \"" + from + "\"]"));
                case "container_name" -> line(2, "container_name: " + from);
                case "environment" -> {
                    line(2, "environment:");
                    if (random.nextBoolean()) {
                        line(3, "ROLE: " + from);
                        line(3, "GREETING: \"héllo 😀 — naïve\"");
                    } else {
                        line(3, "- ROLE=" + from);
                    }
                }
                case "labels" -> line(2, "labels: {role: " + from + ", note: \"🎉 déjà vu\"}");
                case "<<" -> {
                    count("merge");
                    commonUsed = true;
                    line(2, random.nextBoolean() ? "<<: *common" : "<<: [*common]");
                }
                case "depends_on" -> dependsOn(2, refs);
                case "links" -> links(refs);
                case "extends" -> extendsService(refs);
                case "volumes_from" -> volumesFrom(refs);
                case "network_mode" -> {
                    if (!refs.isEmpty()) {
                        count("network_mode");
                        line(2, pick("network_mode", "ipc", "pid") + ": " + scalar("service:" + refs.get(0)));
                    }
                }
                case "healthcheck" -> {
                    line(2, "healthcheck:");
                    line(3, "test: [\"CMD\", \"true\"]");
                    line(3, "start_period: 30s");
                }
                default -> throw new IllegalArgumentException(key);
            }
        }

        private void dependsOn(int depth, List<String> refs) {
            if (refs.isEmpty()) {
                return;
            }
            int form = random.nextInt(depsAnchor ? 5 : 4);
            switch (form) {
                case 0 -> {
                    count("depends_on block list");
                    line(depth, "depends_on:");
                    int itemDepth = depth + random.nextInt(2); // "- x" may sit at the key's own indentation
                    refs.forEach(ref -> line(itemDepth, "- " + scalar(ref)));
                }
                case 1 -> {
                    count("depends_on flow list");
                    line(depth, "depends_on: [" + String.join(", ", refs.stream().map(this::scalar).toList()) + "]");
                }
                case 2 -> {
                    count("depends_on block map");
                    line(depth, "depends_on:");
                    for (String ref : refs) {
                        line(depth + 1, scalar(ref) + ":");
                        line(depth + 2, "condition: " + pick("service_started", "service_healthy",
                                "service_completed_successfully"));
                        if (random.nextBoolean()) {
                            line(depth + 2, "restart: true");
                        }
                    }
                }
                case 3 -> {
                    count("depends_on flow map");
                    line(depth, "depends_on: {" + String.join(", ", refs.stream()
                            .map(ref -> scalar(ref) + ": {condition: service_healthy}").toList()) + "}");
                }
                default -> {
                    count("depends_on alias");
                    depsUsed = true;
                    line(depth, "depends_on: *deps");
                }
            }
        }

        private void links(List<String> refs) {
            if (refs.isEmpty()) {
                return;
            }
            count("links");
            line(2, "links:");
            refs.forEach(ref -> line(3, "- " + scalar(ref + pick("", ":alias", ":" + from + "-host"))));
        }

        private void extendsService(List<String> refs) {
            if (random.nextInt(4) == 0) {
                line(2, "extends: {file: common.yml, service: " + from + "}"); // another file's service
                return;
            }
            if (refs.isEmpty()) {
                return;
            }
            count("extends");
            String ref = scalar(refs.get(0));
            switch (random.nextInt(3)) {
                case 0 -> line(2, "extends: {service: " + ref + "}");
                case 1 -> {
                    line(2, "extends:");
                    line(3, "service: " + ref);
                }
                default -> line(2, "extends: " + ref);
            }
        }

        private void volumesFrom(List<String> refs) {
            List<String> items = new ArrayList<>();
            for (String ref : refs) {
                items.add(scalar(pick(ref, ref + ":ro", "service:" + ref + ":rw")));
            }
            items.add("container:" + from);
            count("volumes_from");
            line(2, "volumes_from: [" + String.join(", ", items) + "]");
        }

        /** Some of the other services, by template name; the renamed one often among them. */
        private List<String> references(String self) {
            List<String> refs = new ArrayList<>();
            for (String service : services) {
                if (!service.equals(self) && random.nextInt(3) > 0) {
                    refs.add(template(service));
                }
            }
            Collections.shuffle(refs, random);
            return refs;
        }

        private String template(String service) {
            return service.equals(from) ? String.valueOf(nameMarker) : service;
        }

        private String scalar(String value) {
            return switch (random.nextInt(4)) {
                case 0 -> "'" + value + "'";
                case 1 -> "\"" + value + "\"";
                default -> value;
            };
        }

        private String comment() {
            return pick("the " + from + " runs jobs 👷", "café ☕ — naïve 😀😀", "depends_on: [" + from + "]",
                    "🚀 " + from + ": legacy name", "links: - " + from + ":alias");
        }

        private void line(int depth, String content) {
            text.append(indent.repeat(depth)).append(content);
            if (!content.isEmpty() && !content.startsWith("#") && random.nextInt(6) == 0) {
                text.append(pick("  # ", " # ")).append(comment());
            }
            text.append(endings == 0 ? "\n" : endings == 1 ? "\r\n" : pick("\n", "\r\n"));
        }

        private String pick(String... choices) {
            return choices[random.nextInt(choices.length)];
        }

        private void count(String form) {
            coverage.merge(form, 1, Integer::sum);
        }
    }

    /** The rename done on loaded maps instead of text: an independent statement of what should change. */
    private static final class LoadedRename {
        static Map<String, Object> services(Map<String, Object> services, String from, String to) {
            Map<String, Object> out = new LinkedHashMap<>();
            services.forEach((name, settings) -> out.put(name.equals(from) ? to : name, service(settings, from, to)));
            return out;
        }

        @SuppressWarnings("unchecked")
        static Object service(Object settings, String from, String to) {
            if (!(settings instanceof Map)) {
                return settings;
            }
            Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) settings);
            out.computeIfPresent("depends_on", (k, v) -> {
                if (v instanceof Map<?, ?> conditions) {
                    Map<Object, Object> renamed = new LinkedHashMap<>();
                    conditions.forEach((name, condition) -> renamed.put(from.equals(name) ? to : name, condition));
                    return renamed;
                }
                return ((List<Object>) v).stream().map(name -> from.equals(name) ? to : name).toList();
            });
            out.computeIfPresent("links", (k, v) -> ((List<String>) v).stream()
                    .map(link -> link.equals(from) || link.startsWith(from + ":") ? to + link.substring(from.length()) : link)
                    .toList());
            out.computeIfPresent("volumes_from", (k, v) -> ((List<String>) v).stream()
                    .map(item -> volume(item, from, to)).toList());
            out.computeIfPresent("extends", (k, v) -> {
                if (v instanceof Map<?, ?> spec && !spec.containsKey("file") && from.equals(spec.get("service"))) {
                    Map<Object, Object> renamed = new LinkedHashMap<>(spec);
                    renamed.put("service", to);
                    return renamed;
                }
                return from.equals(v) ? to : v;
            });
            for (String mode : List.of("network_mode", "ipc", "pid")) {
                out.computeIfPresent(mode, (k, v) -> v.equals("service:" + from) ? "service:" + to : v);
            }
            return out;
        }

        private static String volume(String item, String from, String to) {
            String prefix = item.startsWith("service:") ? "service:" : "";
            String rest = item.substring(prefix.length());
            boolean named = !item.startsWith("container:") && (rest.equals(from) || rest.startsWith(from + ":"));
            return named ? prefix + to + rest.substring(from.length()) : item;
        }
    }
}
