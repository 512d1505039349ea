package app.slipway.core.registry;

import app.slipway.core.SlipwayException;
import app.slipway.core.profile.ImageRef;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a Docker client config ({@code config.json}) that say where a registry's login is:
 * {@code auths} (the file's own logins), {@code credsStore} and {@code credHelpers} (credential
 * helpers that keep them elsewhere). Looked up by Docker's rules: see {@link #keyOf},
 * {@link #helperFor} and {@link #fileLogin}.
 */
final class DockerConfig {
    /** Docker Hub's logins are kept under its old index URL, whatever the image names it. */
    static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";
    static final DockerConfig EMPTY = new DockerConfig(Map.of(), null, Map.of());

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, RegistryCredential> auths;
    private final String credsStore;
    private final Map<String, String> credHelpers;

    private DockerConfig(Map<String, RegistryCredential> auths, String credsStore, Map<String, String> credHelpers) {
        this.auths = auths;
        this.credsStore = credsStore;
        this.credHelpers = credHelpers;
    }

    /**
     * Parses the file's bytes. {@code path} and {@code place} only name the file in a refusal, which
     * never quotes the file (it holds passwords): a broken file is told by its line.
     */
    static DockerConfig parse(byte[] json, String path, LoginPlace place) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw SlipwayException.refused("The Docker config " + path + " " + place.on() + " is not valid JSON"
                    + (line > 0 ? " (line " + line + ")" : "") + ": fix it, or move it away and run `docker login` again.");
        } catch (java.io.IOException e) {
            throw SlipwayException.refused("The Docker config " + path + " " + place.on() + " cannot be read.");
        }
        if (root == null || !root.isObject()) return EMPTY;
        var auths = new LinkedHashMap<String, RegistryCredential>();
        for (Map.Entry<String, JsonNode> entry : root.path("auths").properties()) {
            auths.put(entry.getKey(), credentialOf(entry.getKey(), entry.getValue(), path, place));
        }
        var helpers = new LinkedHashMap<String, String>();
        for (Map.Entry<String, JsonNode> entry : root.path("credHelpers").properties()) {
            if (entry.getValue().isTextual() && !entry.getValue().asText().isBlank()) {
                helpers.put(entry.getKey(), entry.getValue().asText());
            }
        }
        String store = root.path("credsStore").asText("");
        // auths keep the file's order: the first entry whose host matches wins, as one of them must
        return new DockerConfig(Collections.unmodifiableMap(auths), store.isBlank() ? null : store, Map.copyOf(helpers));
    }

    /** An {@code auths} entry: {@code auth} (base64 of user:password) wins over {@code username}/{@code password}, as in Docker. */
    private static RegistryCredential credentialOf(String key, JsonNode entry, String path, LoginPlace place) {
        String user = entry.path("username").asText("");
        String password = entry.path("password").asText("");
        String auth = entry.path("auth").asText("");
        if (!auth.isEmpty()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decoded = "";
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                throw SlipwayException.refused("The login saved for " + key + " in the Docker config " + path + " "
                        + place.on() + " is damaged: run `docker login` for it again there.");
            }
            user = decoded.substring(0, colon);
            password = decoded.substring(colon + 1).replace("\0", "");
        }
        return new RegistryCredential(user, password, entry.path("identitytoken").asText(""));
    }

    /** The key Docker looks a registry's login up by: Docker Hub's index URL, else {@code host[:port]}. */
    static String keyOf(String registry) {
        return ImageRef.DOCKER_HUB.equals(registry) ? DOCKER_HUB_KEY : registry;
    }

    /** The helper that keeps this key's login: its own {@code credHelpers} entry, else the {@code credsStore}. */
    Optional<String> helperFor(String key) {
        String own = credHelpers.get(key);
        return Optional.ofNullable(own != null ? own : credsStore);
    }

    /**
     * The file's own login for a key: the entry of that very key, else the first whose host — the
     * key without {@code http(s)://} and without a path — is the key (older Docker wrote
     * {@code https://host/v1/}). Docker Hub's key matches only itself.
     */
    Optional<RegistryCredential> fileLogin(String key) {
        RegistryCredential exact = auths.get(key);
        if (exact != null) return Optional.of(exact).filter(c -> !c.isEmpty());
        for (Map.Entry<String, RegistryCredential> e : auths.entrySet()) {
            if (hostOf(e.getKey()).equalsIgnoreCase(key)) return Optional.of(e.getValue()).filter(c -> !c.isEmpty());
        }
        return Optional.empty();
    }

    /** Docker's ConvertToHostname: {@code https://host:5000/v1/} → {@code host:5000}. */
    static String hostOf(String key) {
        String k = key;
        if (k.startsWith("http://")) k = k.substring("http://".length());
        else if (k.startsWith("https://")) k = k.substring("https://".length());
        int slash = k.indexOf('/');
        return (slash >= 0 ? k.substring(0, slash) : k).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "DockerConfig[" + auths.size() + " logins, credsStore=" + credsStore + ", credHelpers=" + credHelpers.keySet() + "]";
    }
}
