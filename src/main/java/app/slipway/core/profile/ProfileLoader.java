package app.slipway.core.profile;

import app.slipway.core.SlipwayException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Finds and reads profiles: a built-in one by name ({@code strata}, {@code appstrate},
 * case-insensitive, from the classpath resources {@code profiles/<name>.yml}), or a profile file
 * by path. A built-in name wins over a file of the same name in the working directory; write
 * {@code ./strata} to mean the file.
 */
public final class ProfileLoader {
    /** Built-in profile names, in the order they are offered. */
    public static final List<String> BUILT_IN_NAMES = List.of("strata", "appstrate");
    /** The demo product `slipway demo` builds: loadable by name and recognised in a stack, not offered for install. */
    public static final String DEMO = "demo";

    private static final String RESOURCE_DIR = "/profiles/";
    private static final long MAX_FILE_BYTES = 1 << 20;

    private final Path workingDir;

    /** Resolves relative profile paths against the process's working directory. */
    public ProfileLoader() {
        this(Path.of("").toAbsolutePath());
    }

    /** Resolves relative profile paths against {@code workingDir}. */
    public ProfileLoader(Path workingDir) {
        this.workingDir = workingDir.toAbsolutePath();
    }

    /**
     * The built-in profile with this name (any case), else the profile file at this path.
     *
     * @throws SlipwayException (bad input) when neither exists or the profile is invalid
     */
    public Profile load(String nameOrPath) {
        if (nameOrPath == null || nameOrPath.isBlank()) {
            throw SlipwayException.badInput("No profile given: use " + namesForHelp() + " or a path to a profile file.");
        }
        String key = nameOrPath.trim().toLowerCase(Locale.ROOT);
        if (BUILT_IN_NAMES.contains(key) || key.equals(DEMO)) {
            return loadBuiltIn(key);
        }
        Path file;
        try {
            file = workingDir.resolve(nameOrPath.trim()).normalize();
        } catch (InvalidPathException e) {
            throw noSuchProfile(nameOrPath);
        }
        if (!Files.exists(file)) {
            throw noSuchProfile(nameOrPath);
        }
        return loadFile(file);
    }

    /** The built-in names, for menus and help text. */
    public List<String> builtInNames() {
        return BUILT_IN_NAMES;
    }

    /** Every built-in profile, in {@link #BUILT_IN_NAMES} order. */
    public List<Profile> builtIns() {
        return BUILT_IN_NAMES.stream().map(this::loadBuiltIn).toList();
    }

    /** The built-ins and the demo: what a stack's images are matched against. */
    public List<Profile> recognisable() {
        var all = new java.util.ArrayList<>(builtIns());
        all.add(loadBuiltIn(DEMO));
        return List.copyOf(all);
    }

    /** A built-in profile by exact lower-case name. */
    public Profile loadBuiltIn(String name) {
        if (!BUILT_IN_NAMES.contains(name) && !name.equals(DEMO)) throw noSuchProfile(name);
        String resource = RESOURCE_DIR + name + ".yml";
        try (InputStream in = ProfileLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in profile resource " + resource + " is missing from the build");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new ProfileParser(name, null).parse(ProfileYaml.read(text, name));
        } catch (IOException e) {
            throw new UncheckedIOException("reading built-in profile " + resource, e);
        }
    }

    /**
     * The profile file at {@code file}; a relative {@code install.compose} path in it is resolved
     * against the file's directory.
     */
    public Profile loadFile(Path file) {
        Path absolute = workingDir.resolve(file).toAbsolutePath().normalize();
        String source = absolute.toString();
        if (!Files.exists(absolute)) throw noSuchProfile(file.toString());
        if (Files.isDirectory(absolute)) {
            throw SlipwayException.badInput("profile " + source + ": is a directory; give the path of the profile file inside it.");
        }
        String text;
        try {
            if (Files.size(absolute) > MAX_FILE_BYTES) {
                throw SlipwayException.badInput("profile " + source + ": is larger than 1 MiB, which no profile is; check the path.");
            }
            text = decodeUtf8(Files.readAllBytes(absolute), source);
        } catch (IOException e) {
            throw SlipwayException.badInput("profile " + source + ": cannot be read (" + e.getMessage()
                    + "); check the path and its permissions.");
        }
        return new ProfileParser(source, absolute.getParent()).parse(ProfileYaml.read(text, source));
    }

    private static String decodeUtf8(byte[] bytes, String source) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw SlipwayException.badInput("profile " + source + ": is not UTF-8 text; save it as UTF-8.");
        }
    }

    private static SlipwayException noSuchProfile(String given) {
        return SlipwayException.badInput("No profile named '" + given + "': use " + namesForHelp()
                + " or a path to a profile file.");
    }

    /** "strata, appstrate" — followed in messages by "or a path to a profile file". */
    private static String namesForHelp() {
        return String.join(", ", BUILT_IN_NAMES);
    }
}
