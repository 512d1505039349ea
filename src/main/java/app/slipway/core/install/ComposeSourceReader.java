package app.slipway.core.install;

import app.slipway.core.SlipwayException;
import app.slipway.core.profile.ComposeSource;
import app.slipway.core.stack.ComposeFileEditor;
import app.slipway.core.stack.StackFilesReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Reads the compose file a profile installs (README §Profiles {@code install.compose}): an http(s) URL,
 * fetched here, or a file beside the profile, read on this machine. Either way the bytes are then
 * written to the target.
 */
public final class ComposeSourceReader {
    public static final Duration FETCH_TIMEOUT = Duration.ofSeconds(30);

    /** The compose file's bytes and the name it is written under in the install directory. */
    public record ComposeFile(String fileName, byte[] content) {}

    private ComposeSourceReader() {}

    public static ComposeFile read(ComposeSource source) {
        String name = fileName(source);
        return new ComposeFile(name, source.isUrl() ? fetch(source) : readLocal(source));
    }

    /** The source's own file name when Compose looks for it by that name, else docker-compose.yml. */
    static String fileName(ComposeSource source) {
        String path = source.url().map(u -> u.getPath() == null ? "" : u.getPath())
                .or(() -> source.path().map(Path::toString))
                .orElseGet(() -> source.resource().orElseThrow());
        String base = path.substring(path.lastIndexOf('/') + 1);
        return StackFilesReader.COMPOSE_FILE_NAMES.contains(base) ? base : ComposeFileEditor.DEFAULT_FILE_NAME;
    }

    private static byte[] readLocal(ComposeSource source) {
        if (source.resource().isPresent()) {
            try (var in = ComposeSourceReader.class.getClassLoader().getResourceAsStream(source.resource().get())) {
                if (in == null) {
                    throw SlipwayException.badInput("Slipway has no template " + source.resource().get()
                            + (source.versioned() ? "" : " for this version") + ": choose another version.");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        try {
            return Files.readAllBytes(source.path().orElseThrow());
        } catch (IOException e) {
            throw SlipwayException.badInput("The profile's compose file " + source.location()
                    + " cannot be read on this machine (" + e.getMessage() + "): check install.compose in the profile.");
        }
    }

    private static byte[] fetch(ComposeSource source) {
        OkHttpClient client = new OkHttpClient.Builder().callTimeout(FETCH_TIMEOUT).connectTimeout(FETCH_TIMEOUT)
                .readTimeout(FETCH_TIMEOUT).build();
        Request request = new Request.Builder().url(source.location()).get().build();
        try (Response response = client.newCall(request).execute()) {
            if (!response.isSuccessful() || response.body() == null) {
                throw SlipwayException.refused("Fetching the compose file " + source.location() + " answered HTTP "
                        + response.code() + ": check install.compose in the profile; nothing was changed.");
            }
            return response.body().bytes();
        } catch (IOException e) {
            throw SlipwayException.refused("The compose file " + source.location() + " could not be fetched within "
                    + FETCH_TIMEOUT.toSeconds() + " s (" + e.getMessage() + "): check the network or install.compose"
                    + " in the profile; nothing was changed.", e);
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }
}
