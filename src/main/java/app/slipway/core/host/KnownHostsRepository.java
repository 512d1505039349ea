package app.slipway.core.host;

import app.slipway.core.SlipwayException;
import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The host key check of one connection: known_hosts is read with jsch's parser (hashed names and
 * wildcards included) and never rewritten; a key trusted on first contact is appended as one line,
 * the way ssh does. Remembers what it saw, so refusals can name the server's fingerprint.
 */
final class KnownHostsRepository implements HostKeyRepository {
    private final Path file;
    private final HostKeyRepository known;
    private final String host;
    private final int port;
    private final HostKeyDecision decision;
    private final boolean probeOnly;
    private volatile HostKeyCheck seen;

    private KnownHostsRepository(Path file, HostKeyRepository known, String host, int port, HostKeyDecision decision,
            boolean probeOnly) {
        this.probeOnly = probeOnly;
        this.file = file;
        this.known = known;
        this.host = host;
        this.port = port;
        this.decision = decision;
    }

    /**
     * Loads known_hosts for one connection. With {@code probeOnly} every key is recorded and then
     * refused, so the connection stops right after the key exchange, before any login attempt.
     */
    static KnownHostsRepository load(Path file, String host, int port, HostKeyDecision decision, boolean probeOnly) {
        JSch parser = new JSch();
        try {
            if (Files.exists(file)) {
                if (!Files.isReadable(file) || Files.isDirectory(file)) {
                    throw SlipwayException.refused("The known hosts file " + file
                            + " cannot be read: check its permissions.");
                }
                parser.setKnownHosts(file.toString());
            } else {
                parser.setKnownHosts(new ByteArrayInputStream(new byte[0]));
            }
        } catch (JSchException e) {
            throw SlipwayException.refused("The known hosts file " + file + " cannot be read: " + e.getMessage() + ".", e);
        }
        return new KnownHostsRepository(file, parser.getHostKeyRepository(), host, port, decision, probeOnly);
    }

    /** What the last check found, or null before the server showed its key. */
    HostKeyCheck seen() {
        return seen;
    }

    /** Algorithms of the keys known_hosts lists for this host, best first, for the key exchange. */
    List<String> knownAlgorithms() {
        Set<String> out = new LinkedHashSet<>();
        for (String name : List.of(HostKeyInfo.knownHostsName(host, port), host)) {
            HostKey[] keys = known.getHostKey(name, null);
            if (keys == null) continue;
            for (HostKey k : keys) {
                if (k.getMarker() != null && !k.getMarker().isEmpty()) continue;
                String type = k.getType();
                if (type.equals("ssh-rsa")) {
                    out.add("rsa-sha2-512");
                    out.add("rsa-sha2-256");
                }
                out.add(type);
            }
            if (!out.isEmpty()) break;
        }
        return new ArrayList<>(out);
    }

    @Override
    public int check(String name, byte[] key) {
        int result = known.check(name, key);
        HostKeyInfo info = HostKeyInfo.of(host, port, key, file);
        if (result == OK) {
            seen = new HostKeyCheck(HostKeyCheck.Status.KNOWN, info);
            return probeOnly ? NOT_INCLUDED : OK;
        }
        if (result == CHANGED) {
            seen = new HostKeyCheck(HostKeyCheck.Status.CHANGED, info);
            return CHANGED;
        }
        seen = new HostKeyCheck(HostKeyCheck.Status.UNKNOWN, info);
        if (!probeOnly && decision.trust(info)) {
            append(file, info.knownHostsLine());
            return OK;
        }
        return NOT_INCLUDED;
    }

    /** Appends one line, creating the file (and a private ~/.ssh) when missing. */
    static synchronized void append(Path file, String line) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                if (dir.getFileName() != null && dir.getFileName().toString().equals(".ssh")) {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                }
            }
            String text = line + "\n";
            if (Files.exists(file) && Files.size(file) > 0 && !endsWithNewline(file)) text = "\n" + text;
            Files.write(file, text.getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw SlipwayException.refused("Cannot add the host key to " + file + ": " + e.getMessage() + ".", e);
        }
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            f.seek(f.length() - 1);
            return f.read() == '\n';
        }
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // Never called: checking is strict, and trusted keys are appended by check().
    }

    @Override
    public void remove(String host, String type) {
        // known_hosts is never rewritten by Slipway.
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        // known_hosts is never rewritten by Slipway.
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return file.toString();
    }

    @Override
    public HostKey[] getHostKey() {
        return known.getHostKey();
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        return known.getHostKey(host, type);
    }
}
