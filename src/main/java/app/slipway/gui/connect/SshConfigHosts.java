package app.slipway.gui.connect;

import app.slipway.core.host.SshSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Host aliases of an OpenSSH config file, offered in the Connect page's host box. Patterns
 * ({@code *}, {@code ?}, {@code !negated}) are not places one can connect to and are skipped.
 * {@code Include} is followed (relative paths under ~/.ssh, globs in the file name), and an alias
 * is resolved against the file that defines it. Reading never fails: an unreadable file just
 * offers nothing.
 */
public final class SshConfigHosts {
    private static final int MAX_INCLUDE_DEPTH = 8;
    /** Aliases that {@code ssh://ALIAS} can carry (SshSettings.parse rejects the rest). */
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9._-]+");

    private final Path configFile;
    private final Map<String, Path> definedIn;

    private SshConfigHosts(Path configFile, Map<String, Path> definedIn) {
        this.configFile = configFile;
        this.definedIn = definedIn;
    }

    /** The user's ~/.ssh/config (which need not exist). */
    public static SshConfigHosts ofUser() {
        return read(Path.of(System.getProperty("user.home"), ".ssh", "config"));
    }

    public static SshConfigHosts read(Path configFile) {
        Map<String, Path> found = new LinkedHashMap<>();
        collect(configFile, configFile.toAbsolutePath().getParent(), found, 0);
        return new SshConfigHosts(configFile, found);
    }

    /** The aliases in the order the config lists them. */
    public List<String> aliases() {
        return List.copyOf(definedIn.keySet());
    }

    /**
     * What {@code ssh ALIAS} would use, the whole config read as ssh reads it (HostName, User, Port,
     * keys, known hosts, jump hosts); empty when {@code alias} is not one of {@link #aliases()}.
     */
    public Optional<SshSettings> resolve(String alias) {
        if (alias == null || !definedIn.containsKey(alias)) return Optional.empty();
        return Optional.of(SshSettings.parse("ssh://" + alias, configFile));
    }

    private static void collect(Path file, Path sshDir, Map<String, Path> found, int depth) {
        if (depth > MAX_INCLUDE_DEPTH || !Files.isRegularFile(file)) return;
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return;
        }
        for (String raw : lines) {
            List<String> words = words(raw);
            if (words.size() < 2) continue;
            String keyword = words.get(0).toLowerCase(Locale.ROOT);
            List<String> args = words.subList(1, words.size());
            if (keyword.equals("host")) {
                for (String name : args) {
                    if (ALIAS.matcher(name).matches()) found.putIfAbsent(name, file);
                }
            } else if (keyword.equals("include")) {
                for (String pattern : args) {
                    for (Path included : expand(pattern, sshDir)) collect(included, sshDir, found, depth + 1);
                }
            }
        }
    }

    /** A config line as words: "Keyword arg …" or "Keyword=arg", quotes kept together, comments dropped. */
    static List<String> words(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) return List.of();
        List<String> out = new ArrayList<>();
        int eq = s.indexOf('=');
        int space = indexOfWhitespace(s);
        if (eq > 0 && (space < 0 || eq < space)) {
            out.add(s.substring(0, eq).strip());
            s = s.substring(eq + 1);
        }
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : s.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (!quoted && Character.isWhitespace(c)) {
                if (any) out.add(word.toString());
                word.setLength(0);
                any = false;
            } else if (!quoted && c == '#' && !any) {
                break; // a trailing comment
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) out.add(word.toString());
        return out;
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) return i;
        }
        return -1;
    }

    /** Include's argument as files: ~ expanded, relative to ~/.ssh, a glob allowed in the last part. */
    private static List<Path> expand(String pattern, Path sshDir) {
        String home = System.getProperty("user.home");
        String p = pattern.equals("~") ? home : pattern.startsWith("~/") ? home + pattern.substring(1) : pattern;
        Path path = Path.of(p);
        if (!path.isAbsolute()) {
            if (sshDir == null) return List.of();
            path = sshDir.resolve(path);
        }
        Path dir = path.getParent();
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (dir == null || !(name.contains("*") || name.contains("?") || name.contains("["))) return List.of(path);
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> matches = Files.newDirectoryStream(dir, name)) {
            matches.forEach(out::add);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        out.sort(null); // ssh reads glob matches in lexical order
        return out;
    }
}
