package app.slipway.core.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file streamed through exec channels comes in chunks of whole MiB, the last one short, and whole. */
class ShellFilesChunksTest {
    @TempDir Path dir;

    @Test
    void aFileComesChunkByChunkAndWhole() throws Exception {
        List<List<String>> commands = new ArrayList<>();
        var files = new ShellFiles((command, stdin) -> {
            commands.add(command.argv());
            try {
                Process p = new ProcessBuilder(command.argv()).start();
                p.getOutputStream().close();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                return new ExecResult(p.waitFor(), out, err);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "a test shell");
        byte[] bytes = new byte[(5 << 20) / 2 + 3]; // 2.5 MiB and 3 bytes: three chunks of 1 MiB
        new Random(18).nextBytes(bytes);
        Path file = Files.write(dir.resolve("dump"), bytes);

        var out = new ByteArrayOutputStream();
        files.readInto(file.toString(), out, 1);

        assertArrayEquals(bytes, out.toByteArray());
        assertEquals(List.of("0", "1", "2"), commands.stream().map(argv -> argv.get(argv.size() - 2)).toList(),
                "each command skips the MiB already read");
    }
}
