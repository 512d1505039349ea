package app.slipway.core.profile;

import app.slipway.core.SlipwayException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a loaded profile document (maps, lists, strings — see {@link ProfileYaml}) into a
 * validated {@link Profile}. Keys it does not know are ignored, so the format can grow; a known
 * key with the wrong type or value is a bad-input failure naming the key.
 */
final class ProfileParser {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern GITHUB_REPO = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?/[A-Za-z0-9._-]+");

    /** A file Slipway carries ({@code resource:/demo/CHANGELOG.md}): built-in profiles only. */
    static final String RESOURCE = "resource:";
    private final String source;
    private final Path baseDir;

    /**
     * @param source how error messages name the profile (built-in name or file path)
     * @param baseDir directory that relative {@code install.compose} paths are resolved against;
     *     null for built-in profiles, which must use URLs
     */
    ProfileParser(String source, Path baseDir) {
        this.source = source;
        this.baseDir = baseDir;
    }

    Profile parse(Object document) {
        if (!(document instanceof Map<?, ?>)) {
            throw SlipwayException.badInput("profile " + source + ": must be a YAML mapping with at least name, "
                    + "version_variable, images and health.url (see the profile format in the documentation).");
        }
        Map<String, Object> root = mapping(document, "the profile");
        String name = requiredText(root, "name", "name");
        String versionVariable = envName(requiredText(root, "version_variable", "version_variable"), "version_variable");
        List<String> images = images(root.get("images"));
        HealthCheck health = health(root.get("health"));
        Map<String, String> renames = renames(root.get("renames"));
        BackupSpec backup = backup(root.get("backup"));
        Optional<ReleaseSource> releases = root.get("releases") == null
                ? Optional.empty() : Optional.of(releases(root.get("releases")));
        Optional<InstallSpec> install = root.get("install") == null
                ? Optional.empty() : Optional.of(install(root.get("install"), versionVariable));
        List<String> former = root.get("former_images") == null ? List.of() : images(root.get("former_images"));
        boolean local = flag(root.get("local_images"), "local_images");
        return new Profile(source, name, versionVariable, images, health, renames, backup, releases, install, former, local);
    }

    // ── sections ───────────────────────────────────────────────────────────

    private boolean flag(Object value, String key) {
        if (value == null) return false;
        String text = text(value, key, "true or false").strip().toLowerCase(java.util.Locale.ROOT);
        if (!text.equals("true") && !text.equals("false")) throw invalid(key, "true or false (got '" + text + "')");
        return text.equals("true");
    }

    private List<String> images(Object value) {
        if (value == null) throw invalid("images", "a list of image repositories, like [ghcr.io/owner/app]");
        List<Object> items = list(value, "images", "a list of image repositories, like [ghcr.io/owner/app]");
        if (items.isEmpty()) throw invalid("images", "a non-empty list of image repositories");
        var images = new ArrayList<String>();
        var seen = new HashSet<String>();
        for (int i = 0; i < items.size(); i++) {
            String key = "images[" + i + "]";
            String text = text(items.get(i), key, "an image repository without a tag, like ghcr.io/owner/app");
            ImageRef ref = ImageRef.tryParse(text).orElseThrow(() ->
                    invalid(key, "an image repository without a tag, like ghcr.io/owner/app (got '" + text + "')"));
            if (ref.tag().isPresent() || ref.digest().isPresent()) {
                throw invalid(key, "an image repository without a tag or digest — the tag comes from the version "
                        + "variable (got '" + text + "')");
            }
            if (!seen.add(ref.repositoryWithRegistry())) {
                throw invalid("images", "a list without repeats ('" + text + "' appears twice)");
            }
            images.add(text.trim());
        }
        return images;
    }

    private HealthCheck health(Object value) {
        if (value == null) throw invalid("health", "a mapping with url (and optionally timeout)");
        Map<String, Object> health = mapping(value, "health");
        String url = requiredText(health, "url", "health.url");
        httpUrl(url, "health.url", true);
        Duration timeout = HealthCheck.DEFAULT_TIMEOUT;
        if (health.get("timeout") != null) {
            String text = text(health.get("timeout"), "health.timeout", "a duration like 180s, 3m or 90 (seconds)");
            timeout = DurationText.parse(text).orElseThrow(() ->
                    invalid("health.timeout", "a positive duration like 180s, 3m or 90 (seconds) (got '" + text + "')"));
        }
        return new HealthCheck(url, timeout);
    }

    private Map<String, String> renames(Object value) {
        var renames = new LinkedHashMap<String, String>();
        if (value == null) return renames;
        Map<String, Object> map = mapping(value, "renames");
        for (var e : map.entrySet()) {
            String key = "renames." + e.getKey();
            String legacy = serviceName(e.getKey(), "renames", "a mapping of legacy service name to current name");
            String current = serviceName(text(e.getValue(), key, "a service name"), key, "a service name");
            if (legacy.equals(current)) throw invalid(key, "a different service name than '" + legacy + "'");
            renames.put(legacy, current);
        }
        for (var e : renames.entrySet()) {
            if (renames.containsKey(e.getValue())) {
                throw invalid("renames." + e.getKey(), "a final service name, but '" + e.getValue()
                        + "' is itself renamed — map every legacy name straight to the current one");
            }
        }
        return renames;
    }

    private BackupSpec backup(Object value) {
        if (value == null) return BackupSpec.NOTHING;
        Map<String, Object> backup = mapping(value, "backup");
        var databases = new ArrayList<PostgresDump>();
        if (backup.get("postgres") != null) {
            Object pgValue = backup.get("postgres");
            List<Object> items = pgValue instanceof List<?> ? list(pgValue, "backup.postgres", "a mapping or a list of them")
                    : List.of(pgValue);
            for (int i = 0; i < items.size(); i++) {
                String key = pgValue instanceof List<?> ? "backup.postgres[" + i + "]" : "backup.postgres";
                databases.add(database(mapping(items.get(i), key), key));
            }
        }
        var volumes = new ArrayList<VolumeArchive>();
        if (backup.get("volumes") != null) {
            List<Object> items = list(backup.get("volumes"), "backup.volumes", "a list of {service, path}");
            for (int i = 0; i < items.size(); i++) {
                String key = "backup.volumes[" + i + "]";
                Map<String, Object> v = mapping(items.get(i), key);
                String service = serviceName(requiredText(v, "service", key + ".service"), key + ".service", "a compose service name");
                String path = requiredText(v, "path", key + ".path");
                if (!path.startsWith("/")) throw invalid(key + ".path", "an absolute path inside the container (got '" + path + "')");
                boolean stopped = v.get("stopped") != null && "true".equalsIgnoreCase(String.valueOf(v.get("stopped")));
                volumes.add(new VolumeArchive(service, path, stopped, when(v.get("when"), key + ".when")));
            }
        }
        var directories = new ArrayList<String>();
        if (backup.get("directories") != null) {
            List<Object> items = list(backup.get("directories"), "backup.directories", "a list of paths under the install directory");
            for (int i = 0; i < items.size(); i++) {
                String key = "backup.directories[" + i + "]";
                String dir = text(items.get(i), key, "a path under the install directory");
                directories.add(relativeDirectory(dir, key));
            }
        }
        return new BackupSpec(databases, volumes, directories, flag(backup.get("verify"), "backup.verify"));
    }

    /** One {@code backup.postgres} entry: in a service ({@code service}), or outside the stack ({@code host}). */
    private PostgresDump database(Map<String, Object> pg, String key) {
        String database = template(requiredText(pg, "database", key + ".database"), key + ".database");
        String user = template(requiredText(pg, "user", key + ".user"), key + ".user");
        When when = when(pg.get("when"), key + ".when");
        if (pg.get("host") != null) {
            String host = template(requiredText(pg, "host", key + ".host"), key + ".host");
            String port = pg.get("port") == null ? "5432" : template(text(pg.get("port"), key + ".port", "a port"), key + ".port");
            String password = envName(requiredText(pg, "password_variable", key + ".password_variable"),
                    key + ".password_variable");
            String image = template(requiredText(pg, "client_image", key + ".client_image"), key + ".client_image");
            return new PostgresDump("", database, user, Optional.of(new ExternalDatabase(host, port, password, image)), when);
        }
        String service = serviceName(requiredText(pg, "service", key + ".service"), key + ".service", "a compose service name");
        return new PostgresDump(service, database, user, Optional.empty(), when);
    }

    /** A {@code when:} condition; absent means always. */
    private When when(Object value, String key) {
        if (value == null) return When.ALWAYS;
        Map<String, Object> when = mapping(value, key);
        var env = new LinkedHashMap<String, String>();
        if (when.get("env") != null) {
            for (var e : mapping(when.get("env"), key + ".env").entrySet()) {
                String name = envName(e.getKey(), key + ".env." + e.getKey());
                env.put(name, e.getValue() == null ? "" : text(e.getValue(), key + ".env." + name, "a text value"));
            }
        }
        Optional<String> service = when.get("service") == null ? Optional.empty()
                : Optional.of(serviceName(text(when.get("service"), key + ".service", "a compose service name"),
                key + ".service", "a compose service name"));
        Optional<String> without = when.get("without_service") == null ? Optional.empty()
                : Optional.of(serviceName(text(when.get("without_service"), key + ".without_service", "a compose service name"),
                key + ".without_service", "a compose service name"));
        if (env.isEmpty() && service.isEmpty() && without.isEmpty()) {
            throw invalid(key, "env: {KEY: value}, service: NAME and/or without_service: NAME");
        }
        return new When(env, service, without);
    }

    private ReleaseSource releases(Object value) {
        Map<String, Object> releases = mapping(value, "releases");
        // A changelog alone will do (the demo's notes travel with Slipway); otherwise GitHub's releases.
        String github = releases.get("github") == null && releases.get("changelog") != null ? null
                : requiredText(releases, "github", "releases.github");
        if (github != null && !GITHUB_REPO.matcher(github).matches()) {
            throw invalid("releases.github", "a GitHub repository as owner/repo (got '" + github + "')");
        }
        URI api = ReleaseSource.DEFAULT_API;
        if (releases.get("api") != null) {
            String text = text(releases.get("api"), "releases.api", "an http(s) URL");
            api = httpUrl(stripTrailingSlashes(text), "releases.api", false);
        }
        Optional<URI> changelog = Optional.empty();
        if (releases.get("changelog") != null) {
            String text = text(releases.get("changelog"), "releases.changelog", "an http(s) URL");
            changelog = Optional.of(text.startsWith(RESOURCE) && baseDir == null // only a built-in profile's own files
                    ? URI.create(text) : httpUrl(text, "releases.changelog", false));
        }
        return new ReleaseSource(github, api, changelog);
    }

    private InstallSpec install(Object value, String versionVariable) {
        Map<String, Object> install = mapping(value, "install");
        ComposeSource compose = compose(requiredText(install, "compose", "install.compose"));
        var env = new LinkedHashMap<String, String>();
        if (install.get("env") != null) {
            for (var e : mapping(install.get("env"), "install.env").entrySet()) {
                String key = envName(e.getKey(), "install.env." + e.getKey());
                env.put(key, e.getValue() == null ? "" : text(e.getValue(), "install.env." + key, "a text value"));
            }
        }
        var secrets = new LinkedHashMap<String, SecretKind>();
        if (install.get("secrets") != null) {
            String kinds = String.join(", ", SecretKind.ids());
            for (var e : mapping(install.get("secrets"), "install.secrets").entrySet()) {
                String key = envName(e.getKey(), "install.secrets." + e.getKey());
                String path = "install.secrets." + key;
                String kind = text(e.getValue(), path, "one of " + kinds);
                secrets.put(key, SecretKind.fromId(kind).orElseThrow(() ->
                        invalid(path, "one of " + kinds + " (got '" + kind + "')")));
                if (env.containsKey(key)) {
                    throw invalid(path, "either a default in install.env or a generated secret, not both");
                }
            }
        }
        if (secrets.containsKey(versionVariable)) {
            throw invalid("install.secrets." + versionVariable, "absent: the version variable is pinned, not generated");
        }
        var variants = new java.util.ArrayList<ComposeVariant>();
        if (install.get("variants") != null) {
            List<Object> items = list(install.get("variants"), "install.variants", "a list of {compose, when}");
            for (int i = 0; i < items.size(); i++) {
                String key = "install.variants[" + i + "]";
                Map<String, Object> v = mapping(items.get(i), key);
                ComposeSource file = compose(requiredText(v, "compose", key + ".compose"));
                mapping(v.get("when"), key + ".when"); // a variant without a condition would shadow the default
                variants.add(new ComposeVariant(file, when(v.get("when"), key + ".when")));
            }
        }
        String upgradeCompose = install.get("upgrade_compose") == null ? "keep"
                : text(install.get("upgrade_compose"), "install.upgrade_compose", "keep or template");
        if (!upgradeCompose.equals("keep") && !upgradeCompose.equals("template")) {
            throw invalid("install.upgrade_compose", "keep or template (got '" + upgradeCompose + "')");
        }
        return new InstallSpec(compose, env, secrets, variants, upgradeCompose.equals("template"));
    }

    private ComposeSource compose(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return ComposeSource.ofUrl(raw, httpUrl(ComposeSource.encodePlaceholder(raw), "install.compose", false));
        }
        if (raw.matches("[A-Za-z][A-Za-z0-9+.-]*://.*")) {
            throw invalid("install.compose", "an http(s) URL or a path relative to the profile file (got '" + raw + "')");
        }
        Path path;
        try {
            path = Path.of(raw);
        } catch (InvalidPathException e) {
            throw invalid("install.compose", "an http(s) URL or a path relative to the profile file (got '" + raw + "')");
        }
        if (!path.isAbsolute()) {
            if (baseDir == null) {
                // A built-in profile's relative path names a file shipped beside it in the jar.
                String resource = Path.of("profiles").resolve(path).normalize().toString();
                if (!resource.startsWith("profiles/")) {
                    throw invalid("install.compose", "a file beside the built-in profile (got '" + raw + "')");
                }
                return ComposeSource.ofResource(raw, resource);
            }
            path = baseDir.resolve(path);
        }
        return ComposeSource.ofPath(raw, path.toAbsolutePath().normalize());
    }

    // ── value checks ───────────────────────────────────────────────────────

    private URI httpUrl(String text, String key, boolean isTemplate) {
        String expanded = isTemplate ? EnvTemplate.expand(template(text, key), Map.of()) : text;
        try {
            URI uri = new URI(expanded);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw invalid(key, "an absolute http(s) URL (got '" + text + "')");
    }

    private String template(String text, String key) {
        try {
            EnvTemplate.check(text);
            return text;
        } catch (IllegalArgumentException e) {
            throw invalid(key, "text whose ${...} references are ${NAME} or ${NAME:-default} (" + e.getMessage() + ")");
        }
    }

    private String envName(String name, String key) {
        if (!ENV_NAME.matcher(name).matches()) {
            throw invalid(key, "an environment variable name (letters, digits and '_', not starting with a digit; got '" + name + "')");
        }
        return name;
    }

    private String serviceName(String name, String key, String what) {
        if (!SERVICE_NAME.matcher(name).matches()) {
            throw invalid(key, what + " (letters, digits, '_', '.', '-'; got '" + name + "')");
        }
        return name;
    }

    private String relativeDirectory(String dir, String key) {
        Path p;
        try {
            p = Path.of(dir).normalize();
        } catch (InvalidPathException e) {
            throw invalid(key, "a path under the install directory (got '" + dir + "')");
        }
        if (dir.isBlank() || p.isAbsolute() || dir.startsWith("/") || p.toString().isEmpty()
                || p.startsWith("..")) {
            throw invalid(key, "a relative path that stays under the install directory, like data/pglite (got '" + dir + "')");
        }
        return p.toString().replace('\\', '/');
    }

    private static String stripTrailingSlashes(String s) {
        String t = s;
        while (t.endsWith("/")) t = t.substring(0, t.length() - 1);
        return t;
    }

    // ── typed access ───────────────────────────────────────────────────────

    private String requiredText(Map<String, Object> map, String field, String key) {
        Object v = map.get(field);
        if (v == null) throw invalid(key, "given (it is missing)");
        String s = text(v, key, "text");
        if (s.isBlank()) throw invalid(key, "non-empty text");
        return s.trim();
    }

    private String text(Object value, String key, String what) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw invalid(key, what + ", not a " + (value instanceof Map<?, ?> ? "mapping" : "list"));
        }
        if (value == null) throw invalid(key, what);
        return String.valueOf(value);
    }

    private Map<String, Object> mapping(Object value, String key) {
        if (!(value instanceof Map<?, ?> m)) {
            throw invalid(key, "a mapping" + (value instanceof List<?> ? ", not a list" : " (key: value lines)"));
        }
        var out = new LinkedHashMap<String, Object>();
        for (var e : m.entrySet()) {
            if (!(e.getKey() instanceof String k)) {
                throw invalid(key, "a mapping with plain text keys");
            }
            out.put(k, e.getValue());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object value, String key, String what) {
        if (!(value instanceof List<?>)) throw invalid(key, what);
        return (List<Object>) value;
    }

    private SlipwayException invalid(String key, String mustBe) {
        return SlipwayException.badInput("profile " + source + ": " + key + " must be " + mustBe + ".");
    }
}
