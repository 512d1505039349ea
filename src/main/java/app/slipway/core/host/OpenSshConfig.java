package app.slipway.core.host;

import app.slipway.core.SlipwayException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The user's ssh config read as OpenSSH reads it (ssh_config(5)): {@code Include} (globs, relative
 * to {@code ~/.ssh}, followed where the including block applies), {@code Host} and {@code Match}
 * blocks in file order, and for each keyword the first value that applies wins — except
 * {@code IdentityFile}, which adds up. Only reading: nothing here connects or runs anything
 * ({@code Match exec} never matches, README "SSH").
 */
public final class OpenSshConfig {
    private static final int MAX_INCLUDE_DEPTH = 16;

    private final Path file;
    private final Path sshDir;

    public OpenSshConfig(Path file) {
        this.file = file;
        this.sshDir = file == null ? null : file.toAbsolutePath().getParent();
    }

    /** ~/.ssh/config, which need not exist. */
    public static OpenSshConfig ofUser() {
        return new OpenSshConfig(Path.of(System.getProperty("user.home"), ".ssh", "config"));
    }

    public Path file() {
        return file;
    }

    /**
     * The options that apply to {@code alias} (the name the user gave), keywords in lower case.
     *
     * @param user the user the destination names itself ({@code user@host}), or null; {@code Match user} sees it
     */
    public Options resolve(String alias, String user) {
        var found = new Options(alias, user);
        if (file != null && Files.isRegularFile(file)) read(file, found, 0);
        return found;
    }

    /**
     * Every name the config's {@code Host} lines give, in file order, each {@code Include} followed
     * whatever block it sits in: the hosts a person may pick from. Never fails: an unreadable file,
     * a line that does not split or an include loop just ends that part of the walk.
     */
    public List<String> hostNames() {
        var names = new java.util.LinkedHashSet<String>();
        if (file != null) collectNames(file, names, 0);
        return List.copyOf(names);
    }

    private void collectNames(Path path, java.util.Set<String> names, int depth) {
        if (depth > MAX_INCLUDE_DEPTH || !Files.isRegularFile(path)) return;
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return;
        }
        int number = 0;
        for (String raw : lines) {
            number++;
            List<String> words;
            try {
                words = words(raw, path, number);
            } catch (SlipwayException unclosedQuote) {
                continue;
            }
            if (words.size() < 2) continue;
            String keyword = words.get(0).toLowerCase(Locale.ROOT);
            List<String> args = words.subList(1, words.size());
            if (keyword.equals("host")) {
                names.addAll(args);
            } else if (keyword.equals("include")) {
                for (String pattern : args) {
                    for (Path included : expandInclude(pattern)) collectNames(included, names, depth + 1);
                }
            }
        }
    }

    private void read(Path path, Options found, int depth) {
        if (depth > MAX_INCLUDE_DEPTH) {
            throw SlipwayException.badInput("The SSH config " + this.file + " includes files " + MAX_INCLUDE_DEPTH
                    + " levels deep (an Include that includes itself?).");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw SlipwayException.badInput("The SSH config file " + path + " cannot be read: " + e.getMessage() + ".");
        }
        boolean active = true; // every file starts outside any block
        int number = 0;
        for (String raw : lines) {
            number++;
            List<String> words = words(raw, path, number);
            if (words.isEmpty()) continue;
            String keyword = words.get(0).toLowerCase(Locale.ROOT);
            List<String> args = words.subList(1, words.size());
            switch (keyword) {
                case "host" -> active = hostMatches(args, found.alias);
                case "match" -> active = matchMatches(args, found, path, number);
                case "include" -> {
                    if (active) {
                        for (String pattern : args) {
                            for (Path included : expandInclude(pattern)) read(included, found, depth + 1);
                        }
                    }
                }
                default -> {
                    if (active && !args.isEmpty()) found.offer(keyword, args);
                }
            }
        }
    }

    /** Include's argument: ~ expanded, relative to ~/.ssh, a glob over file names (sorted, as glob(3) returns them). */
    private List<Path> expandInclude(String pattern) {
        String p = SshSettings.expandHome(pattern);
        Path base = Path.of(p).isAbsolute() ? Path.of(p) : sshDir.resolve(p);
        if (!p.contains("*") && !p.contains("?") && !p.contains("[")) {
            return Files.isRegularFile(base) ? List.of(base) : List.of();
        }
        Path dir = base.getParent();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + base);
        if (dir == null || !Files.isDirectory(dir)) return List.of();
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(matcher::matches).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    static boolean hostMatches(List<String> patterns, String host) {
        boolean matched = false;
        for (String list : patterns) {
            for (String pattern : list.split(",")) {
                if (pattern.isEmpty()) continue;
                boolean negated = pattern.startsWith("!");
                if (glob(negated ? pattern.substring(1) : pattern, host)) {
                    if (negated) return false;
                    matched = true;
                }
            }
        }
        return matched;
    }

    private boolean matchMatches(List<String> args, Options found, Path path, int number) {
        boolean all = true;
        for (int i = 0; i < args.size(); i++) {
            String criterion = args.get(i).toLowerCase(Locale.ROOT);
            boolean negated = criterion.startsWith("!");
            if (negated) criterion = criterion.substring(1);
            boolean result;
            switch (criterion) {
                case "all" -> result = true;
                case "canonical" -> result = false; // Slipway does not canonicalise host names
                case "final" -> result = true;      // one pass, which is the final one
                case "host", "originalhost", "user", "localuser", "exec", "tagged", "localnetwork", "version" -> {
                    if (i + 1 >= args.size()) {
                        throw SlipwayException.badInput("The SSH config " + path + " line " + number + ": Match "
                                + criterion + " needs an argument.");
                    }
                    String value = args.get(++i);
                    List<String> patterns = List.of(value);
                    result = switch (criterion) {
                        case "host" -> hostMatches(patterns, found.hostName());
                        case "originalhost" -> hostMatches(patterns, found.alias);
                        case "user" -> hostMatches(patterns, found.user());
                        case "localuser" -> hostMatches(patterns, System.getProperty("user.name"));
                        default -> false; // exec is never run; tags, networks, versions are not Slipway's
                    };
                }
                default -> throw SlipwayException.badInput("The SSH config " + path + " line " + number
                        + ": Match " + criterion + " is not something ssh matches on.");
            }
            all &= negated != result;
        }
        return all;
    }

    /** ssh's pattern: {@code *} and {@code ?}, case-insensitive. */
    static boolean glob(String pattern, String text) {
        if (text == null) return false;
        return globAt(pattern.toLowerCase(Locale.ROOT), 0, text.toLowerCase(Locale.ROOT), 0);
    }

    private static boolean globAt(String p, int pi, String t, int ti) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = ti; k <= t.length(); k++) {
                    if (globAt(p, pi + 1, t, k)) return true;
                }
                return false;
            }
            if (ti >= t.length() || (c != '?' && c != t.charAt(ti))) return false;
            pi++;
            ti++;
        }
        return ti == t.length();
    }

    /**
     * A config line split as ssh splits it: {@code Keyword value}, {@code Keyword=value}, quoted
     * words, and an unquoted {@code #} starting a word begins a trailing comment.
     */
    static List<String> words(String line, Path path, int number) {
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) return List.of();
        var words = new ArrayList<String>();
        int i = 0;
        // the keyword ends at whitespace or '='
        int k = 0;
        while (k < s.length() && !Character.isWhitespace(s.charAt(k)) && s.charAt(k) != '=') k++;
        words.add(s.substring(0, k));
        i = k;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        if (i < s.length() && s.charAt(i) == '=') i++;
        var word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else word.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (c == '#' && !inWord) {
                break;
            } else if (Character.isWhitespace(c)) {
                if (inWord) words.add(word.toString());
                word.setLength(0);
                inWord = false;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw SlipwayException.badInput("The SSH config " + path + " line " + number + " has an unclosed quote.");
        }
        if (inWord) words.add(word.toString());
        return words;
    }

    /** What applies to one destination: the first value of each keyword, every IdentityFile. */
    public static final class Options {
        private final String alias;
        private final String givenUser;
        private final Map<String, List<String>> values = new LinkedHashMap<>();
        private final List<String> identityFiles = new ArrayList<>();

        Options(String alias, String givenUser) {
            this.alias = alias;
            this.givenUser = givenUser;
        }

        void offer(String keyword, List<String> args) {
            if (keyword.equals("identityfile")) {
                identityFiles.add(args.get(0));
            } else {
                values.putIfAbsent(keyword, List.copyOf(args));
            }
        }

        /** The first word of a keyword's value, or null. */
        public String value(String keyword) {
            List<String> v = values.get(keyword.toLowerCase(Locale.ROOT));
            return v == null ? null : v.get(0);
        }

        /** A keyword's whole value (ProxyCommand is a command line), or null. */
        public String line(String keyword) {
            List<String> v = values.get(keyword.toLowerCase(Locale.ROOT));
            return v == null ? null : String.join(" ", v);
        }

        /** Which of the keywords was set first (ProxyJump and ProxyCommand exclude each other), or null. */
        public String firstOf(String... keywords) {
            var wanted = List.of(keywords);
            return values.keySet().stream().filter(wanted::contains).findFirst().orElse(null);
        }

        public List<String> identityFiles() {
            return List.copyOf(identityFiles);
        }

        public String alias() {
            return alias;
        }

        /** HostName as far as read (%h is the alias), else the alias: what {@code Match host} sees. */
        String hostName() {
            String h = value("hostname");
            return h == null ? alias : h.replace("%h", alias).replace("%%", "%");
        }

        String user() {
            return givenUser != null ? givenUser : value("user");
        }

        public boolean isEmpty() {
            return values.isEmpty() && identityFiles.isEmpty();
        }
    }
}
