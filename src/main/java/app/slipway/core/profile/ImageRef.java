package app.slipway.core.profile;

import app.slipway.core.SlipwayException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A parsed image reference such as {@code ghcr.io/appstrate/appstrate:v1.4.2},
 * {@code registry.gitlab.com/stratado/server@sha256:…}, {@code 127.0.0.1:5555/slipway-fixture/app:2.0.0}
 * or {@code postgres:16}.
 *
 * <p>Follows Docker's reference grammar: the first path component is a registry only when it
 * contains a dot or a colon, is {@code localhost}, or has upper-case letters — so a registry
 * with a port keeps its colon and the tag is only what follows the last colon after it. Docker
 * Hub names are normalised: {@code postgres}, {@code library/postgres} and
 * {@code docker.io/library/postgres} all have registry {@code docker.io} and repository
 * {@code library/postgres}.
 */
public final class ImageRef {
    public static final String DOCKER_HUB = "docker.io";

    private static final Pattern REGISTRY = Pattern.compile(
            "(?:(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
                    + "|\\[[0-9A-Fa-f:]+\\])(?::[0-9]{1,5})?");
    private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile(
            "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}");

    private final String registry;
    private final String repository;
    private final String tag;
    private final String digest;

    private ImageRef(String registry, String repository, String tag, String digest) {
        this.registry = registry;
        this.repository = repository;
        this.tag = tag;
        this.digest = digest;
    }

    /**
     * Parses a reference.
     *
     * @throws SlipwayException (bad input) when it is not a valid image reference
     */
    public static ImageRef parse(String ref) {
        var result = new Parse(ref);
        if (result.error != null) {
            throw SlipwayException.badInput("'" + ref + "' is not a valid image reference: " + result.error
                    + ". Use a form like ghcr.io/owner/app:1.2.3.");
        }
        return result.ref;
    }

    /** The parsed reference, or empty when the text is not a valid image reference. */
    public static Optional<ImageRef> tryParse(String ref) {
        return Optional.ofNullable(new Parse(ref).ref);
    }

    /** Registry host (with port when given), lower-case; {@code docker.io} for Docker Hub names. */
    public String registry() {
        return registry;
    }

    /** Path inside the registry, e.g. {@code appstrate/appstrate} or {@code library/postgres}. */
    public String repository() {
        return repository;
    }

    public Optional<String> tag() {
        return Optional.ofNullable(tag);
    }

    /** Content digest such as {@code sha256:…}, when the reference pins one. */
    public Optional<String> digest() {
        return Optional.ofNullable(digest);
    }

    /** Registry and repository without tag or digest: {@code ghcr.io/appstrate/appstrate}. */
    public String repositoryWithRegistry() {
        return registry + "/" + repository;
    }

    /** The short name people write: {@code postgres} for Docker Hub official images, else the full repository. */
    public String familiarRepository() {
        if (!registry.equals(DOCKER_HUB)) return repositoryWithRegistry();
        return repository.startsWith("library/") ? repository.substring("library/".length()) : repository;
    }

    /** True when both name the same repository, whatever their tags and digests. */
    public boolean sameRepository(ImageRef other) {
        return repositoryWithRegistry().equals(other.repositoryWithRegistry());
    }

    /** This repository at another tag, without a digest. */
    public ImageRef withTag(String newTag) {
        if (!TAG.matcher(newTag).matches()) {
            throw SlipwayException.badInput("'" + newTag + "' is not a valid image tag: use letters, digits, '.', '_' and '-' (at most 128).");
        }
        return new ImageRef(registry, repository, newTag, null);
    }

    /** The full normalised reference: {@code repositoryWithRegistry[:tag][@digest]}. */
    public String reference() {
        return repositoryWithRegistry() + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageRef r && registry.equals(r.registry) && repository.equals(r.repository)
                && Objects.equals(tag, r.tag) && Objects.equals(digest, r.digest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(registry, repository, tag, digest);
    }

    @Override
    public String toString() {
        return reference();
    }

    /** One parse attempt: either {@code ref} or {@code error} is set. */
    private static final class Parse {
        ImageRef ref;
        String error;

        Parse(String text) {
            if (text == null || text.isBlank()) {
                error = "it is empty";
                return;
            }
            String s = text.trim();
            String digest = null;
            int at = s.indexOf('@');
            if (at >= 0) {
                digest = s.substring(at + 1);
                s = s.substring(0, at);
                if (!DIGEST.matcher(digest).matches()) {
                    error = "'" + digest + "' is not a digest like sha256:<64 hex digits>";
                    return;
                }
            }
            String registry = null;
            String path = s;
            int slash = s.indexOf('/');
            if (slash > 0) {
                String first = s.substring(0, slash);
                if (first.contains(".") || first.contains(":") || first.equals("localhost")
                        || !first.equals(first.toLowerCase(Locale.ROOT))) {
                    registry = first;
                    path = s.substring(slash + 1);
                }
            }
            String tag = null;
            int colon = path.lastIndexOf(':');
            if (colon >= 0) {
                tag = path.substring(colon + 1);
                path = path.substring(0, colon);
                if (!TAG.matcher(tag).matches()) {
                    error = "'" + tag + "' is not a valid tag";
                    return;
                }
            }
            if (registry != null && !REGISTRY.matcher(registry).matches()) {
                error = "'" + registry + "' is not a valid registry host";
                return;
            }
            if (path.isEmpty()) {
                error = "it names no repository";
                return;
            }
            for (String component : path.split("/", -1)) {
                if (!PATH_COMPONENT.matcher(component).matches()) {
                    error = "'" + component + "' is not a valid repository name part (lower-case letters, digits, '.', '_', '-')";
                    return;
                }
            }
            registry = normaliseRegistry(registry);
            if (registry.equals(DOCKER_HUB) && !path.contains("/")) {
                path = "library/" + path;
            }
            ref = new ImageRef(registry, path, tag, digest);
        }

        private static String normaliseRegistry(String registry) {
            if (registry == null) return DOCKER_HUB;
            String lower = registry.toLowerCase(Locale.ROOT);
            return switch (lower) {
                case "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com" -> DOCKER_HUB;
                default -> lower;
            };
        }
    }
}
