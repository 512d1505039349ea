package app.slipway.core.fleet;

import app.slipway.core.SlipwayException;
import app.slipway.core.fleet.FleetStacks.NodeStack;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What must be the same on every node before a rolling upgrade (README §Several servers): one
 * product on one version, and identical secrets (the profile's secret-kind keys) — compared by
 * their hashes, never by their values, and never printed.
 */
public final class FleetParity {
    private FleetParity() {}

    /** Secret key → the nodes grouped by the hash of their value, for keys that differ. */
    public static Map<String, List<List<String>>> differingSecrets(List<NodeStack> nodes) {
        Set<String> keys = new TreeSet<>();
        for (NodeStack n : nodes) n.stack().profile().install().ifPresent(i -> keys.addAll(i.secrets().keySet()));
        var differing = new LinkedHashMap<String, List<List<String>>>();
        for (String key : keys) {
            var byHash = new LinkedHashMap<String, List<String>>();
            for (NodeStack n : nodes) {
                String value = n.stack().files().env().get(key).orElse(null);
                byHash.computeIfAbsent(value == null ? "(absent)" : sha256(value), h -> new ArrayList<>()).add(n.node().name());
            }
            if (byHash.size() > 1) differing.put(key, List.copyOf(byHash.values()));
        }
        return differing;
    }

    /** Refuses (exit 3, nothing changed) nodes on different products or versions, or with different secrets. */
    public static void require(List<NodeStack> nodes) {
        require(nodes, Set.of());
    }

    /**
     * As {@link #require(List)}; {@code resumable} holds the two versions an interrupted fleet run
     * left its nodes on (from and to), which may then differ.
     */
    public static void require(List<NodeStack> nodes, Set<String> resumable) {
        var products = new TreeSet<String>();
        var versions = new LinkedHashMap<String, List<String>>();
        for (NodeStack n : nodes) {
            products.add(n.stack().profile().name());
            versions.computeIfAbsent(n.stack().currentVersion().orElse("unknown"), v -> new ArrayList<>()).add(n.node().name());
        }
        if (products.size() > 1) {
            throw SlipwayException.refused("The nodes run different products (" + String.join(", ", products)
                    + "): a fleet is one product; nothing was changed.");
        }
        if (versions.size() > 1 && !resumable.containsAll(versions.keySet())) {
            var parts = new ArrayList<String>();
            versions.forEach((v, names) -> parts.add(String.join(", ", names) + " on " + v));
            throw SlipwayException.refused("The nodes run different versions (" + String.join("; ", parts)
                    + "): bring them to one version first; nothing was changed.");
        }
        var secrets = differingSecrets(nodes);
        if (!secrets.isEmpty()) {
            var parts = new ArrayList<String>();
            secrets.forEach((key, groups) -> {
                var sides = groups.stream().map(g -> String.join(" and ", g)).toList();
                parts.add(key + " (" + String.join(" / ", sides) + ")");
            });
            throw SlipwayException.refused("Secrets differ between the nodes: " + String.join("; ", parts)
                    + ". Every node needs the same values: copy them from the primary's .env; nothing was changed.");
        }
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
