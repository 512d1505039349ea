package app.slipway.gui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Light or dark (AtlantaFX Primer), remembered between runs in the wizard's settings file. The
 * notes view and anything drawn by hand follow {@link #dark}.
 */
public final class Theme {
    public final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final Path settings;

    public Theme(Path settings) {
        this.settings = settings;
        dark.set(Boolean.parseBoolean(load().getProperty("theme.dark", "false")));
        apply();
        dark.addListener((obs, old, now) -> {
            apply();
            save();
        });
    }

    /** ~/.config/slipway/wizard.properties (XDG_CONFIG_HOME honoured). */
    public static Path defaultSettings() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("slipway").resolve("wizard.properties");
    }

    private void apply() {
        Application.setUserAgentStylesheet(dark.get()
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    private Properties load() {
        var props = new Properties();
        if (Files.isReadable(settings)) {
            try (InputStream in = Files.newInputStream(settings)) {
                props.load(in);
            } catch (IOException | IllegalArgumentException ignored) {
                // a damaged settings file only costs the theme choice
            }
        }
        return props;
    }

    private void save() {
        Properties props = load();
        props.setProperty("theme.dark", String.valueOf(dark.get()));
        try {
            Files.createDirectories(settings.getParent());
            Path temp = Files.createTempFile(settings.getParent(), ".wizard", ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                props.store(out, "Slipway wizard settings");
            }
            Files.move(temp, settings, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ignored) {
            // not being able to remember the theme is no reason to stop anyone
        }
    }
}
