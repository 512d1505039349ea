package app.slipway.core.notify;

import app.slipway.core.host.Target;
import app.slipway.core.settings.Setting;
import app.slipway.core.settings.SettingsMap;
import app.slipway.core.settings.SettingsYaml;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code notify.yml} (README §Notifications): a stack's ({@code DIR/.slipway/notify.yml}, on the
 * target) and the user's ({@code ~/.config/slipway/notify.yml}, on this computer); the channels of
 * both are used. Read only, strictly: an unknown key or a bad value is refused with its line (exit 2).
 * A token or password is written in the file or, with {@code token_env}/{@code password_env}, taken
 * from this computer's environment.
 */
public final class NotifyFile {
    public static final String NAME = "notify.yml";
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>@,;\"]+@[^\\s<>@,;\"]+");
    private static final Pattern HEADER = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

    private final String file;
    private final Function<String, String> env;

    private NotifyFile(String file, Function<String, String> env) {
        this.file = file;
        this.env = env;
    }

    /** The channels of the stack's file and the user's, in that order. */
    public static List<Channel> channels(Target target, String directory, Function<String, String> env) {
        var channels = new ArrayList<>(forStack(target, directory, env));
        channels.addAll(forUser(env));
        return channels;
    }

    public static List<Channel> forStack(Target target, String directory, Function<String, String> env) {
        String path = stackPath(directory);
        if (target.stat(path).isEmpty()) return List.of();
        return parse(new String(target.readFile(path), StandardCharsets.UTF_8), path, env);
    }

    public static List<Channel> forUser(Function<String, String> env) {
        Path path = userPath(env);
        if (!Files.isRegularFile(path)) return List.of();
        try {
            return parse(Files.readString(path, StandardCharsets.UTF_8), path.toString(), env);
        } catch (java.io.IOException e) {
            throw app.slipway.core.SlipwayException.badInput(path + " cannot be read (" + e.getMessage() + "): fix its permissions.");
        }
    }

    /** {@code DIR/.slipway/notify.yml} for an absolute install directory. */
    public static String stackPath(String directory) {
        return (directory.equals("/") ? "" : directory) + "/.slipway/" + NAME;
    }

    /** {@code $XDG_CONFIG_HOME/slipway/notify.yml}, else {@code ~/.config/slipway/notify.yml}. */
    public static Path userPath(Function<String, String> env) {
        String xdg = env.apply("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("slipway").resolve(NAME);
    }

    /** @param file how messages name the file */
    public static List<Channel> parse(String text, String file, Function<String, String> env) {
        SettingsMap root = SettingsYaml.read(text, file).allowOnly(List.of("channels"));
        var channels = new ArrayList<Channel>();
        var reader = new NotifyFile(file, env);
        for (Setting item : root.get("channels").map(Setting::list).orElse(List.of())) {
            channels.add(reader.channel(item));
        }
        return channels;
    }

    private Channel channel(Setting item) {
        SettingsMap c = item.mapping();
        Setting type = c.required("type");
        return switch (type.text("ntfy, gotify, webhook or smtp")) {
            case "ntfy" -> {
                c.allowOnly(List.of("type", "url", "token", "token_env"));
                try {
                    yield new NtfyChannel(url(c.required("url")), secret(c, "token"));
                } catch (IllegalArgumentException noTopic) {
                    throw c.required("url").invalid("must be the topic's URL, like https://ntfy.sh/my-topic");
                }
            }
            case "gotify" -> {
                c.allowOnly(List.of("type", "url", "token", "token_env"));
                URI url = url(c.required("url"));
                yield new GotifyChannel(url, secret(c, "token").orElseThrow(() -> missing(c, "token")));
            }
            case "webhook" -> {
                c.allowOnly(List.of("type", "url", "headers"));
                yield new WebhookChannel(url(c.required("url")), headers(c.get("headers")));
            }
            case "smtp" -> {
                c.allowOnly(List.of("type", "host", "port", "tls", "starttls", "username", "password", "password_env",
                        "from", "to"));
                yield new SmtpChannel(smtp(c));
            }
            default -> throw type.invalid("must be ntfy, gotify, webhook or smtp (got '" + type.text("") + "')");
        };
    }

    private SmtpChannel.Settings smtp(SettingsMap c) {
        String host = c.required("host").nonEmptyText("the mail server's host name");
        Optional<Integer> givenPort = c.get("port").map(p -> p.integer(1, 65535));
        Optional<Boolean> starttls = c.get("starttls").map(Setting::bool);
        // TLS from the first byte when asked, or on SMTPS's port 465 unless STARTTLS is asked for there
        boolean tls = c.get("tls").map(Setting::bool).orElse(givenPort.equals(Optional.of(465)) && starttls.isEmpty());
        if (tls && starttls.orElse(false)) {
            throw c.get("starttls").get().invalid("cannot be true beside tls: true (TLS from the first byte needs no"
                    + " STARTTLS): keep one of them");
        }
        SmtpSecurity security = tls ? SmtpSecurity.TLS : starttls.orElse(true) ? SmtpSecurity.STARTTLS : SmtpSecurity.NONE;
        int port = givenPort.orElse(security.defaultPort);
        Optional<SmtpChannel.Login> login = Optional.empty();
        if (c.has("username")) {
            String user = c.required("username").nonEmptyText("a user name");
            String password = secret(c, "password").orElseThrow(() -> missing(c, "password"));
            login = Optional.of(new SmtpChannel.Login(user, password));
        } else if (c.has("password") || c.has("password_env")) {
            throw c.get("password").or(() -> c.get("password_env")).get().invalid("needs a username beside it");
        }
        String from = address(c.required("from"));
        var to = new ArrayList<String>();
        for (Setting recipient : c.required("to").list()) to.add(address(recipient));
        if (to.isEmpty()) throw c.required("to").invalid("must name at least one address");
        return new SmtpChannel.Settings(host, port, security, login, from, to);
    }

    private static String address(Setting value) {
        String text = value.nonEmptyText("a mail address");
        if (!ADDRESS.matcher(text).matches()) throw value.invalid("must be a plain address like ops@example.com (got '" + text + "')");
        return text;
    }

    private static URI url(Setting value) {
        String text = value.nonEmptyText("an http(s) URL");
        try {
            URI url = new URI(text);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null) return url;
        } catch (URISyntaxException ignored) {
            // refused below
        }
        // The URL itself is not repeated: a webhook's path is often its secret.
        throw value.invalid("must be an http:// or https:// URL with a host");
    }

    private Map<String, String> headers(Optional<Setting> value) {
        var headers = new LinkedHashMap<String, String>();
        if (value.isEmpty()) return headers;
        SettingsMap map = value.get().mapping();
        for (String name : map.keys()) {
            Setting header = map.required(name);
            if (!HEADER.matcher(name).matches()) throw header.invalid("is not a valid HTTP header name");
            if (List.of("connection", "content-length", "expect", "host", "upgrade", "content-type")
                    .contains(name.toLowerCase(java.util.Locale.ROOT))) {
                throw header.invalid("is set by Slipway itself; remove it");
            }
            String text = header.text("the header's value");
            if (text.contains("\n") || text.contains("\r")) throw header.invalid("must be one line");
            headers.put(name, text);
        }
        return headers;
    }

    /** {@code name} written in the file, or {@code name_env}: the environment variable holding it. Not both. */
    private Optional<String> secret(SettingsMap c, String name) {
        Optional<Setting> inline = c.get(name);
        Optional<Setting> fromEnv = c.get(name + "_env");
        if (inline.isPresent() && fromEnv.isPresent()) throw fromEnv.get().invalid("cannot stand beside " + name + "; keep one");
        if (inline.isPresent()) return Optional.of(inline.get().nonEmptyText("the " + name));
        if (fromEnv.isEmpty()) return Optional.empty();
        String variable = fromEnv.get().nonEmptyText("an environment variable's name");
        String value = env.apply(variable);
        if (value == null || value.isBlank()) throw fromEnv.get().invalid("names " + variable + ", which is not set here");
        return Optional.of(value.strip());
    }

    private app.slipway.core.SlipwayException missing(SettingsMap c, String name) {
        return app.slipway.core.SlipwayException.badInput(file + ", line " + c.line() + ": " + c.key() + " needs " + name
                + " (or " + name + "_env).");
    }
}
